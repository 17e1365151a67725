//! The CPU figures of busybox `top`: the `CPU:` line from the node's
//! counters (`/proc/stat`) and each process's `%CPU` from its ticks
//! (`/proc/PID/stat`), both over the time since the last sample.
//!
//! busybox 1.35 and 1.36 `procps/top.c`: the first screen waits for a
//! second sample 100 ms after the first (`if (!prev_hist_count) {
//! do_stats(); usleep(100000); …; continue; }`; `strace busybox top -b -n 1`
//! shows the `clock_nanosleep` of 100,000,000 ns), so `top -n 1` shows the
//! CPU of those 100 ms. Ticks are the kernel's USER_HZ, 100 a second: a
//! time slice of 10 ms is one. All the node's CPU is user time.

use crate::clock::SimTime;
use crate::runtime::cpu_share::NODE_CPUS;
use crate::runtime::program::ProcessId;
use crate::runtime::programs::ps::PsRow;
use std::collections::BTreeMap;

/// Microseconds in a clock tick (USER_HZ = 100).
const MICROS_PER_TICK: u64 = 10_000;

/// The processes' CPU at one instant, in ticks.
#[derive(Debug, Clone, Default)]
pub struct CpuSample {
    /// When it was taken.
    pub at: SimTime,
    /// Each process's ticks, by its runtime identity.
    ticks: BTreeMap<ProcessId, u64>,
}

impl CpuSample {
    /// The ticks of every process among `rows` (all the node's) at `now`.
    pub fn take<'a>(rows: impl Iterator<Item = &'a PsRow>, now: SimTime) -> CpuSample {
        let ticks = rows
            .filter_map(|row| row.cpu)
            .map(|(process, cpu)| (process, cpu.micros_at(now) / MICROS_PER_TICK))
            .collect();
        CpuSample { at: now, ticks }
    }

    /// The ticks `process` used since `earlier` (all of them if it is new).
    fn used_since(&self, earlier: &CpuSample, process: ProcessId) -> u64 {
        let now = self.ticks.get(&process).copied().unwrap_or(0);
        now.saturating_sub(earlier.ticks.get(&process).copied().unwrap_or(0))
    }
}

/// What one screen shows of the CPU between two samples.
pub struct CpuFigures {
    /// The `CPU:` line.
    pub line: String,
    /// Each shown row's `%CPU` in tenths of a percent, by PID.
    pub tenths: BTreeMap<u32, u32>,
}

/// busybox's `fmt_100percent_8`: ` NN.N% `, or `  100% ` at the total.
fn percent_8(value: u64, total: u64) -> String {
    if value >= total {
        return "  100% ".to_string();
    }
    let tenths = 1000 * value / total;
    let (hundreds, rest) = (tenths / 100, tenths % 100);
    let first = if hundreds > 0 {
        char::from(b'0' + hundreds as u8)
    } else {
        ' '
    };
    format!(" {first}{}.{}% ", rest / 10, rest % 10)
}

/// The figures for `shown` (the rows of top's PID namespace) between
/// `before` and `after`, samples of the whole node.
pub fn busybox_figures(before: &CpuSample, after: &CpuSample, shown: &[PsRow]) -> CpuFigures {
    let elapsed_ticks = (after.at.as_millis() - before.at.as_millis()) * 1000 / MICROS_PER_TICK;
    let total = (NODE_CPUS * elapsed_ticks).max(1);
    let busy: u64 = after
        .ticks
        .keys()
        .map(|process| after.used_since(before, *process))
        .sum::<u64>()
        .min(total);
    let zero = percent_8(0, total);
    let line = format!(
        "CPU:{}usr{zero}sys{zero}nic{}idle{zero}io{zero}irq{zero}sirq",
        percent_8(busy, total),
        percent_8(total - busy, total),
    );
    let used: Vec<(u32, u64)> = shown
        .iter()
        .map(|row| {
            let ticks = row
                .cpu
                .map_or(0, |(process, _)| after.used_since(before, process));
            (row.pid, ticks)
        })
        .collect();
    let total_pcpu = used.iter().map(|(_, ticks)| ticks).sum::<u64>().max(busy);
    let scale = PcpuScale::new(busy, total, total_pcpu);
    CpuFigures {
        line,
        tenths: used
            .into_iter()
            .map(|(pid, ticks)| (pid, scale.tenths(ticks)))
            .collect(),
    }
}

/// busybox's multiply-and-shift for `%CPU` in tenths: `pcpu / total_pcpu
/// × busy / total × 1000`, in 32-bit unsigned arithmetic as `top.c` does
/// it (`display_process_list`, FEATURE_TOP_DECIMALS).
struct PcpuScale {
    /// `pcpu_scale`.
    scale: u32,
    /// `pcpu_shift`.
    shift: u32,
}

impl PcpuScale {
    fn new(busy: u64, total: u64, total_pcpu: u64) -> PcpuScale {
        let mut shift = 6;
        let mut scale = (1000u32 * 64).wrapping_mul(u32::from(busy as u16));
        if scale == 0 {
            scale = 1;
        }
        while scale < 1 << 30 {
            scale *= 4;
            shift += 2;
        }
        let divisor = u32::from(total as u16).wrapping_mul(total_pcpu as u32);
        scale = scale.checked_div(divisor).unwrap_or(scale);
        while scale >= 1024 {
            scale /= 4;
            shift -= 2;
        }
        PcpuScale { scale, shift }
    }

    /// `(pcpu * pcpu_scale + pcpu_half) >> pcpu_shift`.
    fn tenths(&self, ticks: u64) -> u32 {
        let half = (1u32 << self.shift) / 20;
        (ticks as u32).wrapping_mul(self.scale).wrapping_add(half) >> self.shift
    }
}
