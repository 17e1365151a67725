//! The running `top`, `free` or `uptime`: a screen now and then, until
//! `-n` screens were shown.

use super::cpu::{busybox_figures, CpuSample};
use super::free::{free, uptime_line};
use super::memory::{Memory, Snapshot};
use super::options::{Options, Tool};
use super::screens::{busybox_top, procps_top};
use super::variant::Variant;
use crate::clock::SimTime;
use crate::runtime::images::program_name;
use crate::runtime::program::{ProcessId, Program, Step, Sys, Wait};
use crate::runtime::programs::memory::memory_kb;
use crate::runtime::programs::ps::{rows_of, PsRow};

/// Tasks the node runs outside the pods (systemd, containerd, the kubelet,
/// kernel threads), for busybox's `Load average: … 1/N PID`.
const NODE_SYSTEM_TASKS: usize = 187;

/// `top`, `free` or `uptime` (by `fields[0]`), given the rows of the
/// process running it (`own`: it is out of the process table while it runs).
pub fn create(
    fields: &[String],
    arguments: &[String],
    variant: Variant,
    own: Vec<PsRow>,
    process: ProcessId,
) -> Box<dyn Program> {
    let name = fields.first().map_or("top", |f| program_name(f));
    let options = Options::parse(arguments);
    Box::new(Top {
        tool: match name {
            "free" => Tool::Free,
            "uptime" => Tool::Uptime,
            _ => Tool::Top,
        },
        variant,
        options,
        own,
        process,
        next: None,
        shown: 0,
        sample: None,
    })
}

/// The running `top`, `free` or `uptime`.
struct Top {
    /// Which of the three it is.
    tool: Tool,
    /// Whose words it prints.
    variant: Variant,
    /// Its options.
    options: Options,
    /// The rows of the process running it (out of the table while it runs).
    own: Vec<PsRow>,
    /// That process, left out of the table's rows.
    process: ProcessId,
    /// When the next screen is due.
    next: Option<SimTime>,
    /// Screens shown so far.
    shown: u32,
    /// The node's CPU at the last sample (busybox: each screen, and once
    /// 100 ms before the first).
    sample: Option<CpuSample>,
}

impl Top {
    /// What the screen shows of the processes and the node's memory, and
    /// the CPU of all the node's processes now.
    fn snapshot(&self, sys: &Sys) -> (Snapshot, CpuSample) {
        let mut rows = self.own.clone();
        let mut others = Vec::new();
        for info in sys
            .io
            .process_table()
            .iter()
            .filter(|p| p.id != self.process)
        {
            if info.namespace == sys.pid_namespace {
                rows_of(info, &mut rows);
            } else {
                rows_of(info, &mut others);
            }
        }
        crate::sort::sort_by_key(&mut rows, |row| row.pid);
        let process_kb = rows
            .iter()
            .chain(&others)
            .map(|row| memory_kb(&row.command).1 + row.held_kb)
            .sum();
        let sample = CpuSample::take(rows.iter().chain(&others), sys.io.now);
        let snapshot = Snapshot {
            memory: Memory::of(process_kb),
            node_tasks: NODE_SYSTEM_TASKS + rows.len() + others.len(),
            rows,
        };
        (snapshot, sample)
    }

    /// `top` without `-b`: what the real one does when it is not a terminal,
    /// or `None` to go on and show screens.
    fn refuse(&self, sys: &mut Sys) -> Option<i32> {
        if self.options.batch || self.variant == Variant::Busybox {
            return None;
        }
        if self.own.iter().any(|row| row.running && row.tty.is_some()) {
            // A terminal: podplay shows screens as batch mode does.
            return None;
        }
        // ncurses' setupterm, then top's own check of its terminal.
        let term = sys.exported.contains("TERM") && sys.variables.contains_key("TERM");
        sys.err.extend(if term {
            &b"top: failed tty get\n"[..]
        } else {
            &b"TERM environment variable not set.\n"[..]
        });
        Some(1)
    }

    fn bad_number(&self, sys: &mut Sys) -> Option<i32> {
        let (flag, value) = self.options.bad_number.as_ref()?;
        let message = match (self.variant, flag) {
            (Variant::Busybox, _) => format!("top: invalid number '{value}'\n"),
            (_, 'n') => format!("top: bad iterations argument '{value}'\n"),
            _ => format!("top: bad delay interval '{value}'\n"),
        };
        sys.err.extend(message.bytes());
        Some(1)
    }
}

impl Program for Top {
    fn step(&mut self, sys: &mut Sys) -> Step {
        if let Some(next) = self.next {
            if sys.io.now < next {
                return Step::Block(Wait::Until(next));
            }
        }
        match self.tool {
            Tool::Uptime => {
                let line = format!("{}\n", uptime_line(self.variant, sys.io.now));
                sys.out.extend(line.bytes());
                return Step::Exit(0);
            }
            Tool::Free => {
                let (snapshot, _) = self.snapshot(sys);
                sys.out
                    .extend(free(self.variant, &snapshot.memory, self.options.unit).bytes());
                return Step::Exit(0);
            }
            Tool::Top => {}
        }
        if self.shown == 0 {
            if let Some(code) = self.bad_number(sys).or_else(|| self.refuse(sys)) {
                return Step::Exit(code);
            }
        }
        let (snapshot, sample) = self.snapshot(sys);
        let last_pid = sys.next_pid.get().saturating_sub(1);
        let screen = match self.variant {
            Variant::Busybox => {
                let Some(before) = self.sample.replace(sample.clone()) else {
                    // The first sample: the screen shows the next one's,
                    // taken 100 ms later.
                    let next = SimTime::from_millis(sys.io.now.as_millis() + 100);
                    self.next = Some(next);
                    return Step::Block(Wait::Until(next));
                };
                let figures = busybox_figures(&before, &sample, &snapshot.rows);
                let escapes = !self.options.batch
                    && !self.own.iter().any(|row| row.running && row.tty.is_some());
                busybox_top(&snapshot, &figures, last_pid, escapes)
            }
            variant => procps_top(variant, &snapshot, sys.io.now, self.shown > 0),
        };
        sys.out.extend(screen.bytes());
        self.shown += 1;
        if self
            .options
            .iterations
            .is_some_and(|count| self.shown >= count)
        {
            // busybox ends with an empty line, procps ends its last row.
            sys.out.push(b'\n');
            return Step::Exit(0);
        }
        let delay = self.options.delay_millis.unwrap_or(match self.variant {
            Variant::Busybox => 5_000,
            _ => 3_000,
        });
        let next = SimTime::from_millis(sys.io.now.as_millis() + delay.max(1));
        self.next = Some(next);
        Step::Block(Wait::Until(next))
    }
}
