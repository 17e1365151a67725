//! What a process may know of the node's other processes: their identities
//! and what `ps` and `kill` see of them, through a read-only view. It holds
//! no process and knows nothing of how one runs.

use crate::clock::SimTime;

/// A process's identity in the runtime (not its PID inside the container).
pub type ProcessId = u64;

/// A process a program forked to help it (nginx's worker), as `ps` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forked {
    /// Its PID in the namespace.
    pub pid: u32,
    /// Its user id (nginx's workers run as `nginx`, uid 101).
    pub uid: u32,
    /// Its process title.
    pub command: String,
}

/// What `ps` and `kill` see of a process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcessInfo {
    /// The runtime's identity of the process.
    pub id: ProcessId,
    /// Its PID namespace (one per container unless shared).
    pub namespace: usize,
    /// Its PID in that namespace.
    pub pid: u32,
    /// Its parent's PID (0 for the first process).
    pub parent: u32,
    /// Its command line.
    pub command: String,
    /// Its arguments, as `/proc/PID/cmdline` holds them.
    pub argv: Vec<String>,
    /// When it started.
    pub started: SimTime,
    /// Its terminal (`pts/0`), if it has one.
    pub tty: Option<&'static str>,
    /// The program it runs in the foreground as its child: PID and command line.
    pub foreground: Option<(u32, String)>,
    /// Processes its program forked (nginx's worker), children of the
    /// program's PID.
    pub forked: Vec<Forked>,
    /// Memory its program holds beyond its binary (redis's dataset), in bytes.
    pub held_bytes: u64,
    /// The CPU it has used.
    pub cpu: CpuTime,
}

/// The CPU a process has used, as `/proc/PID/stat`'s `utime` counts it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CpuTime {
    /// Microseconds used up to its last slice run or settled.
    pub micros: u64,
    /// Whether it used up its last time slice (it is runnable, `R`).
    pub busy: bool,
    /// For a parked spinning process: when its next slice runs and every
    /// how many milliseconds one follows; those slices are not counted in
    /// `micros` until they are settled.
    pub spinning: Option<(SimTime, u64)>,
}

impl CpuTime {
    /// Microseconds used by `now`, counting a spinning process's slices
    /// that started by then (a slice is [`TIME_SLICE_MICROS`]).
    pub fn micros_at(&self, now: SimTime) -> u64 {
        let pending = match self.spinning {
            Some((next, every)) if now >= next => {
                ((now.as_millis() - next.as_millis()) / every.max(1) + 1) * TIME_SLICE_MICROS
            }
            _ => 0,
        };
        self.micros + pending
    }
}

/// The CPU one time slice uses, in microseconds (a step is a microsecond).
pub const TIME_SLICE_MICROS: u64 = 10_000;

/// Which part of a process a signal is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignalTarget {
    /// The process (a shell, or the program that is PID 1).
    Process,
    /// The program the shell runs in the foreground (its child).
    Foreground,
}

/// The other processes of the node as the running one may see them (the
/// running one is out of the table while it runs): read-only, and only what
/// `ps`, `kill` and `wait` need. The process table implements it.
pub trait ProcessView {
    /// What `ps` and `kill` see of the live processes.
    fn live(&self) -> Vec<ProcessInfo>;

    /// The exit code of the process `id`, once it has exited; `None` while
    /// it runs or when the table does not hold it.
    fn exit_code(&self, id: ProcessId) -> Option<i32>;
}
