//! One screen of `top`: busybox's, or procps-ng's batch screen.

use super::cpu::CpuFigures;
use super::free::uptime_line;
use super::memory::Snapshot;
use super::variant::Variant;
use crate::clock::SimTime;
use crate::runtime::cpu_share::NODE_CPUS;
use crate::runtime::images::{program_name, Toolset};
use crate::runtime::programs::memory::{memory_kb, NODE_MEMORY_KB};
use crate::runtime::programs::ps::{user_name, PsRow};

/// The virtual size of a busybox applet (they are all one binary), in kB.
const BUSYBOX_VSZ_KB: u64 = 1_332;

/// The command name `top` shows (the kernel's `comm`: the program, at most 15 bytes).
fn comm(command: &str) -> String {
    let first = command.split(' ').next().unwrap_or("");
    let name = program_name(first).trim_end_matches(':');
    name.chars().take(15).collect()
}

/// A process's memory as `top` shows it, in kB: virtual, resident, shared.
fn row_memory(row: &PsRow) -> (u64, u64, u64) {
    let (virtual_kb, resident_kb) = memory_kb(&row.command);
    (
        virtual_kb + row.held_kb,
        resident_kb + row.held_kb,
        resident_kb * 4 / 5,
    )
}

/// Tenths of a percent of the node's memory, rounded, as `N.N`.
fn percent_of_memory(kb: u64) -> String {
    let tenths = (kb * 1000 + NODE_MEMORY_KB / 2) / NODE_MEMORY_KB;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// busybox's 5-character size (`1332`, `3380m`).
fn five_wide(kb: u64) -> String {
    if kb < 100_000 {
        format!("{kb:>5}")
    } else if kb < 100_000 * 1024 {
        format!("{:>4}m", kb / 1024)
    } else {
        format!("{:>4}g", kb / 1024 / 1024)
    }
}

/// One screen of busybox `top`: with `escapes`, as written to something that
/// is not a terminal without `-b` (cursor home and clear, a reverse-video
/// header, 80 columns by 24 lines, rows ending in a carriage return).
pub fn busybox_top(snapshot: &Snapshot, cpu: &CpuFigures, last_pid: u32, escapes: bool) -> String {
    let memory = &snapshot.memory;
    let width = if escapes { 79 } else { usize::MAX };
    let fit = |line: String| -> String { line.chars().take(width).collect() };
    let mut out = String::new();
    if escapes {
        out.push_str("\x1b[H\x1b[J");
    }
    out.push_str(&fit(format!(
        "Mem: {}K used, {}K free, {}K shrd, {}K buff, {}K cached",
        memory.total - memory.free,
        memory.free,
        memory.shared,
        memory.buffers,
        memory.cached
    )));
    out.push('\n');
    out.push_str(&fit(cpu.line.clone()));
    out.push('\n');
    out.push_str(&fit(format!(
        "Load average: 0.00 0.00 0.00 1/{} {last_pid}",
        snapshot.node_tasks
    )));
    out.push('\n');
    let header = "  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND";
    if escapes {
        out.push_str(&format!("\x1b[7m{header}\x1b[m"));
    } else {
        out.push_str(header);
    }
    // 24 lines: the summary's three, the header, twenty processes.
    let limit = if escapes { 20 } else { usize::MAX };
    for row in snapshot.rows.iter().take(limit) {
        let vsz = match program_name(row.command.split(' ').next().unwrap_or("")) {
            program if Toolset::Busybox.has(program) => BUSYBOX_VSZ_KB + row.held_kb,
            _ => row_memory(row).0,
        };
        let tenths = (vsz * 1000 + NODE_MEMORY_KB / 2) / NODE_MEMORY_KB;
        let cpu_tenths = cpu.tenths.get(&row.pid).copied().unwrap_or(0);
        let line = format!(
            "{:>5} {:>5} {:<8.8} {}  {}{:>3}.{} {:>3}{:>3}.{} {}",
            row.pid,
            row.parent,
            user_name(row.uid, true),
            if row.running { "R  " } else { "S  " },
            five_wide(vsz),
            tenths / 10,
            tenths % 10,
            row.pid % NODE_CPUS as u32,
            cpu_tenths / 10,
            cpu_tenths % 10,
            row.command
        );
        out.push('\n');
        out.push_str(
            &line
                .chars()
                .take(width.saturating_add(1))
                .collect::<String>(),
        );
    }
    out.push(if escapes { '\r' } else { '\n' });
    out
}

/// One screen of procps-ng `top -b`; a later screen starts with a blank line.
pub fn procps_top(variant: Variant, snapshot: &Snapshot, now: SimTime, later: bool) -> String {
    let memory = &snapshot.memory;
    let mut out = String::new();
    if later {
        out.push_str("\n\n");
    }
    out.push_str(&format!("top -{}\n", uptime_line(variant, now)));
    let running = snapshot.rows.iter().filter(|row| row.running).count();
    out.push_str(&format!(
        "Tasks: {:>3} total, {:>3} running, {:>3} sleeping,   0 stopped,   0 zombie\n",
        snapshot.rows.len(),
        running,
        snapshot.rows.len() - running
    ));
    let swap = [0u64, 0, 0];
    // procps-ng 3.3 counts in KiB; 4.0 in MiB with one decimal, and pads
    // two of its lines with blanks.
    let (unit, amount, cpu_pad, mem_pad): (&str, fn(u64) -> String, &str, &str) = match variant {
        Variant::Procps3 => ("KiB", |kb| format!("{:>9}", format!("{kb} ")), "", ""),
        _ => (
            "MiB",
            |kb| format!("{:>9}", format!("{:.1} ", kb as f64 / 1024.0)),
            " ",
            "     ",
        ),
    };
    out.push_str(&format!(
        "%Cpu(s):  0.0 us,  0.0 sy,  0.0 ni,100.0 id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st{cpu_pad}\n"
    ));
    out.push_str(&format!(
        "{unit} Mem : {}total, {}free, {}used, {}buff/cache{mem_pad}\n",
        amount(memory.total),
        amount(memory.free),
        amount(memory.used),
        amount(memory.buff_cache())
    ));
    out.push_str(&format!(
        "{unit} Swap: {}total, {}free, {}used. {}avail Mem \n",
        amount(swap[0]),
        amount(swap[1]),
        amount(swap[2]),
        amount(memory.available)
    ));
    // %MEM is 4 wide in 3.3, 5 in 4.0; PIDs 6 wide, as `ps` prints them.
    let memory_width = if variant == Variant::Procps3 { 4 } else { 5 };
    out.push_str(&format!(
        "\n{:>6} USER      PR  NI    VIRT    RES    SHR S  %CPU {:>memory_width$}     TIME+ COMMAND",
        "PID", "%MEM"
    ));
    for row in &snapshot.rows {
        let (virtual_kb, resident_kb, shared_kb) = row_memory(row);
        out.push_str(&format!(
            "\n{:>6} {:<8} {:>3} {:>3} {:>7} {:>6} {:>6} {}   0.0 {:>memory_width$}   0:00.00 {}",
            row.pid,
            user_name(row.uid, false),
            20,
            0,
            virtual_kb,
            resident_kb,
            shared_kb,
            if row.running { 'R' } else { 'S' },
            percent_of_memory(resident_kb),
            comm(&row.command)
        ));
    }
    out
}
