//! What the kernel knows of a process: its PID and namespace, its parent,
//! its descriptors and the output in flight, the signals delivered to it,
//! what it waits for and how it exited, and the container it lives in (its
//! filesystem view, working directory, hostname, network). The shell's own
//! state is in `shell_vm.rs`.

use super::cost::Slice;
use crate::clock::SimTime;
use crate::runtime::descriptors::Descriptors;
use crate::runtime::fs::{InodeId, View};
use crate::runtime::images::Tools;
use crate::runtime::io::processes::CpuTime;
use crate::runtime::net::PodNetwork;
use crate::runtime::pipes::Endpoint;
use crate::runtime::program::{ProcessId, SignalTarget, Wait};
use std::cell::Cell;
use std::collections::VecDeque;
use std::rc::Rc;

/// A PID namespace: the next PID to hand out and how many processes live.
#[derive(Debug)]
pub(super) struct Namespace {
    /// Its identity, for `ps`, `kill` and `/proc`.
    pub(super) id: usize,
    /// The PID the next process (or program) gets.
    pub(super) next_pid: Cell<u32>,
    /// How many processes live in it.
    pub(super) live: Cell<u32>,
}

impl Namespace {
    /// A new, empty namespace with identity `id`.
    pub(super) fn new(id: usize) -> Namespace {
        Namespace {
            id,
            next_pid: Cell::new(1),
            live: Cell::new(0),
        }
    }
}

/// A PID namespace several containers share (`shareProcessNamespace: true`):
/// the pause container starts first in it and is PID 1.
#[derive(Debug, Clone)]
pub struct SharedPidNamespace(pub(super) Rc<Namespace>);

impl SharedPidNamespace {
    /// A new, empty namespace with identity `id` (distinct from every container log index).
    pub fn new(id: usize) -> SharedPidNamespace {
        SharedPidNamespace(Rc::new(Namespace::new(id)))
    }
}

/// A path a redirection resolved to a file, valid while the filesystem's
/// generation (and the process's working directory) stays the same.
pub(super) struct OpenedPath {
    /// [`crate::runtime::fs::FileSystem::generation`] when it was resolved.
    pub(super) generation: u64,
    /// The path as the redirection named it.
    pub(super) path: String,
    /// The file it leads to.
    pub(super) inode: InodeId,
}

/// The process as the kernel has it.
pub struct OsProcess {
    /// Its identity in the runtime.
    pub id: ProcessId,
    /// Its exit code, once exited.
    pub exit_code: Option<i32>,
    /// What it waits for, when blocked.
    pub wait: Option<Wait>,
    /// Its PID inside the container's PID namespace.
    pub pid: u32,
    /// Signals delivered and not yet acted on.
    pub signals: VecDeque<(SignalTarget, i32)>,
    /// The container's PID namespace, shared by its processes.
    pub(super) namespace: Rc<Namespace>,
    /// The parent's PID (0 for the container's first process).
    pub(super) parent_pid: u32,
    /// Which programs the container's image has.
    pub(super) tools: Tools,
    /// The container's log index in the runtime.
    pub(super) log: usize,
    /// The hostname (the pod's name).
    pub(super) hostname: String,
    /// The container's filesystem view.
    pub(super) view: View,
    /// The working directory.
    pub(super) cwd: String,
    /// The pod's network namespace.
    pub(super) network: Option<Rc<PodNetwork>>,
    /// The descriptor table.
    pub(super) descriptors: Descriptors,
    /// Output not yet delivered, with the endpoint its descriptor had when written.
    pub(super) outbox: Vec<(Endpoint, Vec<u8>)>,
    /// The command line `ps` shows.
    pub(super) command_line: String,
    /// The terminal the process has (`pts/0` for `kubectl exec -t`), if any.
    pub(super) tty: Option<&'static str>,
    /// The arguments the process was started with.
    pub(super) argv: Vec<String>,
    /// When the process started.
    pub(super) started: SimTime,
    /// The foreground program as `ps` shows it: its PID and command line
    /// (for an exec-form container the program is the process itself).
    pub(super) foreground: Option<(u32, Vec<String>)>,
    /// The program that ended last, whose output may still wait in the
    /// outbox (a failed write names it).
    pub(super) finished_program: Option<String>,
    /// The file a redirection last opened by path, so a loop's `>> file`
    /// does not walk the path again while no directory entry changed.
    pub(super) last_opened: Option<OpenedPath>,
    /// The memory this process may hold before its container is over its
    /// memory limit, set by the runtime before each run (`None`: no limit).
    pub memory_room: Option<u64>,
    /// Set when an allocation took it past `memory_room`: the kernel's OOM
    /// killer is on its way to the container.
    pub out_of_memory: bool,
    /// The CPU it has used, and whether it is busy.
    pub cpu: CpuTime,
    /// The time slice it is in (carried across its blocks within 10 ms).
    pub(super) slice: Slice,
    /// Steps the kernel spent for it (forks, execs, `PATH` searches) and
    /// a started builtin's first step, not yet taken from its slice.
    pub(super) overhead: u32,
}

/// What a new process starts with: the container it lives in and what it
/// was started as (from a container's launch description, or copied from
/// the parent by a fork).
pub(super) struct Start {
    /// The PID namespace.
    pub(super) namespace: Rc<Namespace>,
    /// The parent's PID (0 for the container's first process).
    pub(super) parent_pid: u32,
    /// Which programs the image has.
    pub(super) tools: Tools,
    /// The container's log index.
    pub(super) log: usize,
    /// The hostname.
    pub(super) hostname: String,
    /// The filesystem view.
    pub(super) view: View,
    /// The working directory.
    pub(super) cwd: String,
    /// The pod's network namespace.
    pub(super) network: Option<Rc<PodNetwork>>,
    /// The descriptor table.
    pub(super) descriptors: Descriptors,
    /// The command line `ps` shows.
    pub(super) command_line: String,
    /// The terminal, if any.
    pub(super) tty: Option<&'static str>,
    /// The arguments.
    pub(super) argv: Vec<String>,
    /// When it starts.
    pub(super) started: SimTime,
}

impl OsProcess {
    /// A process that has not run yet (no exit code, wait, signals, output
    /// or foreground program), identity `id` and PID `pid`.
    pub(super) fn new(id: ProcessId, pid: u32, start: Start) -> OsProcess {
        OsProcess {
            id,
            exit_code: None,
            wait: None,
            pid,
            signals: VecDeque::new(),
            namespace: start.namespace,
            parent_pid: start.parent_pid,
            tools: start.tools,
            log: start.log,
            hostname: start.hostname,
            view: start.view,
            cwd: start.cwd,
            network: start.network,
            descriptors: start.descriptors,
            outbox: Vec::new(),
            command_line: start.command_line,
            tty: start.tty,
            argv: start.argv,
            started: start.started,
            foreground: None,
            finished_program: None,
            last_opened: None,
            memory_room: None,
            out_of_memory: false,
            cpu: CpuTime::default(),
            slice: Slice::default(),
            overhead: 0,
        }
    }
}
