//! `top`, `free` and `uptime`: the node's memory, uptime and load as a
//! container sees them (`/proc/meminfo`, `/proc/uptime` and `/proc/loadavg`
//! are the node's), and the processes of the container's PID namespace as
//! `ps` sees them. Three tools word them: busybox, procps-ng 3.3.10
//! (CentOS 7) and procps-ng 4.0.2 (Debian 12, and what apt installs).
//! Nothing uses CPU time on the virtual clock, so every CPU figure is zero
//! and the load average 0.00; the memory figures are made up but follow the
//! processes (the resident sizes the OOM killer counts).

use super::memory::memory_kb;
use super::memory::NODE_MEMORY_KB;
use super::ps::{rows_of, user_name, PsRow};
use super::time::{format_time, EPOCH_SECONDS};
use crate::clock::SimTime;
use crate::runtime::images::{program_name, Toolset};
use crate::runtime::program::{ProcessId, Program, Step, Sys, Wait};

/// Memory in use on the node outside the pods (the OS, containerd, the kubelet), in kB.
const NODE_BASE_USED_KB: u64 = 1_046_528;
/// The node's buffers, in kB.
const NODE_BUFFERS_KB: u64 = 60_416;
/// The node's page cache, in kB.
const NODE_CACHED_KB: u64 = 1_283_840;
/// The node's shared memory (tmpfs, shm), in kB.
const NODE_SHARED_KB: u64 = 2_516;
/// Tasks the node runs outside the pods (systemd, containerd, the kubelet,
/// kernel threads), for busybox's `Load average: … 1/N PID`.
const NODE_SYSTEM_TASKS: usize = 187;
/// The node's CPUs, for busybox's `CPU` column (the CPU a process last ran on).
const NODE_CPUS: u32 = 2;
/// The virtual size of a busybox applet (they are all one binary), in kB.
const BUSYBOX_VSZ_KB: u64 = 1_332;

/// Which tool prints: busybox's applets or procps-ng's programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// busybox 1.36.
    Busybox,
    /// procps-ng 3.3.10 (CentOS 7): KiB, `0 users`.
    Procps3,
    /// procps-ng 4.0.2 (Debian 12): MiB, `0 user`.
    Procps4,
}

impl Variant {
    /// The variant an image's base system has (Debian's for a package apt installed).
    pub fn of(base: Toolset) -> Variant {
        match base {
            Toolset::Busybox => Variant::Busybox,
            Toolset::Centos => Variant::Procps3,
            _ => Variant::Procps4,
        }
    }
}

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
    })
}

/// Which of the three programs runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tool {
    Top,
    Free,
    Uptime,
}

/// The options the three programs take (busybox accepts them without a dash).
#[derive(Debug, Clone, Default)]
struct Options {
    /// `-b`: batch mode.
    batch: bool,
    /// `-n N`: screens before exiting (forever without it).
    iterations: Option<u32>,
    /// `-d SECS`: the delay between screens.
    delay_millis: Option<u64>,
    /// `free`'s unit: `b`, `k` (the default), `m`, `g` or `h` (human).
    unit: Option<char>,
    /// An argument that is not a number where one is wanted.
    bad_number: Option<(char, String)>,
}

impl Options {
    fn parse(arguments: &[String]) -> Options {
        let mut options = Options::default();
        let mut rest = arguments.iter();
        while let Some(argument) = rest.next() {
            let cluster = argument.trim_start_matches('-');
            for (index, flag) in cluster.char_indices() {
                match flag {
                    'b' if options.unit.is_none() => options.batch = true,
                    'n' | 'd' => {
                        let attached = &cluster[index + 1..];
                        let value = if attached.is_empty() {
                            rest.next().cloned().unwrap_or_default()
                        } else {
                            attached.to_string()
                        };
                        if flag == 'n' {
                            match value.parse() {
                                Ok(count) => options.iterations = Some(count),
                                Err(_) => options.bad_number = Some(('n', value)),
                            }
                        } else {
                            match value.parse::<f64>() {
                                Ok(seconds) if seconds >= 0.0 => {
                                    options.delay_millis = Some((seconds * 1000.0) as u64)
                                }
                                _ => options.bad_number = Some(('d', value)),
                            }
                        }
                        break;
                    }
                    'k' | 'm' | 'g' | 'h' => options.unit = Some(flag),
                    _ => {}
                }
            }
        }
        options
    }
}

/// The node's memory, in kB, as `/proc/meminfo` gives it.
struct Memory {
    total: u64,
    /// In use by processes (neither free nor buffers and cache).
    used: u64,
    free: u64,
    shared: u64,
    buffers: u64,
    cached: u64,
    available: u64,
}

impl Memory {
    /// The node's memory while its processes hold `process_kb`.
    fn of(process_kb: u64) -> Memory {
        let total = NODE_MEMORY_KB;
        let used = (NODE_BASE_USED_KB + process_kb).min(total);
        let free = total.saturating_sub(used + NODE_BUFFERS_KB + NODE_CACHED_KB);
        Memory {
            total,
            used,
            free,
            shared: NODE_SHARED_KB,
            buffers: NODE_BUFFERS_KB,
            cached: NODE_CACHED_KB,
            available: free + (NODE_BUFFERS_KB + NODE_CACHED_KB) * 4 / 5,
        }
    }

    fn buff_cache(&self) -> u64 {
        self.buffers + self.cached
    }
}

/// What one screen shows.
struct Snapshot {
    /// The PID namespace's processes, by PID.
    rows: Vec<PsRow>,
    memory: Memory,
    /// Every task of the node.
    node_tasks: usize,
}

/// The running `top`, `free` or `uptime`.
struct Top {
    tool: Tool,
    variant: Variant,
    options: Options,
    own: Vec<PsRow>,
    process: ProcessId,
    /// When the next screen is due.
    next: Option<SimTime>,
    /// Screens shown so far.
    shown: u32,
}

impl Top {
    fn snapshot(&self, sys: &Sys) -> Snapshot {
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
        Snapshot {
            memory: Memory::of(process_kb),
            node_tasks: NODE_SYSTEM_TASKS + rows.len() + others.len(),
            rows,
        }
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
                let snapshot = self.snapshot(sys);
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
        let snapshot = self.snapshot(sys);
        let last_pid = sys.next_pid.get().saturating_sub(1);
        let screen = match self.variant {
            Variant::Busybox => {
                let escapes = !self.options.batch
                    && !self.own.iter().any(|row| row.running && row.tty.is_some());
                busybox_top(&snapshot, last_pid, escapes)
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

/// `uptime`'s line (and `top`'s first line after `top -`): the time of day
/// on the virtual clock, the node's uptime, no users, no load.
fn uptime_line(variant: Variant, now: SimTime) -> String {
    let seconds = now.as_millis() / 1000;
    let clock = format_time(EPOCH_SECONDS + seconds as i64, "%H:%M:%S");
    let days = seconds / 86_400;
    let hours = seconds / 3_600 % 24;
    let minutes = seconds / 60 % 60;
    let mut line = format!(" {clock} up ");
    if days > 0 {
        let plural = match variant {
            Variant::Procps4 => days > 1,
            _ => days != 1,
        };
        line.push_str(&format!("{days} day{}, ", if plural { "s" } else { "" }));
    }
    let time = if hours > 0 {
        format!("{hours:2}:{minutes:02}")
    } else {
        format!("{minutes} min")
    };
    line.push_str(&match variant {
        Variant::Busybox => format!("{time},  load average: 0.00, 0.00, 0.00"),
        Variant::Procps3 => format!("{time},  0 users,  load average: 0.00, 0.00, 0.00"),
        Variant::Procps4 => format!("{time},  0 user,  load average: 0.00, 0.00, 0.00"),
    });
    line
}

/// `free`: busybox's table or procps's, in kB unless `unit` says otherwise.
fn free(variant: Variant, memory: &Memory, unit: Option<char>) -> String {
    let show = |kb: u64| -> String {
        match unit {
            Some('b') => (kb * 1024).to_string(),
            Some('m') => (kb / 1024).to_string(),
            Some('g') => (kb / 1024 / 1024).to_string(),
            Some('h') => human(kb, variant == Variant::Procps4),
            _ => kb.to_string(),
        }
    };
    let mem = [
        memory.total,
        memory.used,
        memory.free,
        memory.shared,
        memory.buff_cache(),
        memory.available,
    ]
    .map(show);
    let swap = [0, 0, 0].map(show);
    match variant {
        Variant::Busybox => format!(
            "       {:>12}{:>12}{:>12}{:>12}{:>12}{:>12}\nMem:   {:>12}{:>12}{:>12}{:>12}{:>12}{:>12}\nSwap:  {:>12}{:>12}{:>12}\n",
            "total", "used", "free", "shared", "buff/cache", "available",
            mem[0], mem[1], mem[2], mem[3], mem[4], mem[5], swap[0], swap[1], swap[2]
        ),
        Variant::Procps3 => format!(
            "              total        used        free      shared  buff/cache   available\nMem:    {:>11} {:>11} {:>11} {:>11} {:>11} {:>11}\nSwap:   {:>11} {:>11} {:>11}\n",
            mem[0], mem[1], mem[2], mem[3], mem[4], mem[5], swap[0], swap[1], swap[2]
        ),
        Variant::Procps4 => format!(
            "               total        used        free      shared  buff/cache   available\nMem:     {:>11} {:>11} {:>11} {:>11} {:>11} {:>11}\nSwap:    {:>11} {:>11} {:>11}\n",
            mem[0], mem[1], mem[2], mem[3], mem[4], mem[5], swap[0], swap[1], swap[2]
        ),
    }
}

/// `free -h`'s figures: at most three digits and a unit (`7.8Gi`; procps
/// 3.3 and busybox write `7.8G`).
fn human(kb: u64, binary_suffix: bool) -> String {
    if kb == 0 {
        return "0B".to_string();
    }
    let suffix = if binary_suffix { "i" } else { "" };
    let mut value = kb as f64;
    for unit in ["K", "M", "G", "T"] {
        if value < 10.0 {
            return format!("{value:.1}{unit}{suffix}");
        }
        if value < 1000.0 {
            return format!("{}{unit}{suffix}", value.round());
        }
        value /= 1024.0;
    }
    format!("{}P{suffix}", value.round())
}

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
fn busybox_top(snapshot: &Snapshot, last_pid: u32, escapes: bool) -> String {
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
    out.push_str(&fit(
        "CPU:  0.0% usr  0.0% sys  0.0% nic  100% idle  0.0% io  0.0% irq  0.0% sirq".into(),
    ));
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
        let line = format!(
            "{:>5} {:>5} {:<8.8} {}  {}{:>3}.{} {:>3}  0.0 {}",
            row.pid,
            row.parent,
            user_name(row.uid, true),
            if row.running { "R  " } else { "S  " },
            five_wide(vsz),
            tenths / 10,
            tenths % 10,
            row.pid % NODE_CPUS,
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
fn procps_top(variant: Variant, snapshot: &Snapshot, now: SimTime, later: bool) -> String {
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
