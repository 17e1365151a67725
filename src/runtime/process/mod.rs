//! A process: the machine that runs compiled shell code, one instruction at a
//! time, and stops wherever it must wait. Its whole state (frames with their
//! instruction pointers, variables, descriptors, the program it is running, the
//! child it waits for) is data, so it can resume later at the same place.

mod builtins;
mod expansion;
mod info;
mod jobs;
mod output;
mod redirections;
mod signals;
mod simple;
mod spawn;
mod vm;

use super::descriptors::Descriptors;
use super::fs::View;
use super::images::Tools;
use super::pipes::Endpoint;
use super::program::{ImageTools, ProcessId, Program, SignalTarget, Wait};
use super::shell::{Code, Flavor};
use crate::clock::SimTime;
use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::rc::Rc;

/// Instructions a process may run before it yields the CPU for
/// [`TIME_SLICE_MILLIS`] of virtual time (about a million shell steps per
/// virtual second, as a real shell manages).
pub const TIME_SLICE: u32 = 10_000;

/// The virtual time a used-up time slice costs.
pub const TIME_SLICE_MILLIS: u64 = 10;

/// Compiled scripts the runtime keeps; past this many it starts afresh.
pub const MAX_SCRIPTS: usize = 64;

/// Compiled `sh -c` scripts by their text, so a restarted container does not
/// parse and compile its command again (at most [`MAX_SCRIPTS`]).
pub type ScriptCache = BTreeMap<String, std::rc::Rc<super::shell::Code>>;

impl ImageTools for Tools {
    fn has(&self, program: &str) -> bool {
        Tools::has(*self, program)
    }
}

/// What the kubelet hands the runtime to start a container.
#[derive(Debug, Clone)]
pub struct Launch {
    /// The command and arguments (`command` + `args`, or the image's defaults).
    pub argv: Vec<String>,
    /// Environment variables, in order.
    pub env: Vec<(String, String)>,
    /// The working directory.
    pub cwd: String,
    /// The container's filesystem view.
    pub view: View,
    /// The hostname (the pod's name).
    pub hostname: String,
    /// Which shell `sh` is in the image.
    pub flavor: Flavor,
    /// The container's log index in the runtime.
    pub log: usize,
    /// Which programs the image has.
    pub tools: Tools,
    /// When the container starts.
    pub started: SimTime,
    /// The pod's network namespace.
    pub network: Option<Rc<super::net::PodNetwork>>,
    /// The pod's shared PID namespace, when it has one; else the container gets its own.
    pub pid_namespace: Option<SharedPidNamespace>,
}

/// What the process resumes with after a wait.
enum Pending {
    /// A program is running; when it exits, the command's descriptor scope
    /// (if it had redirections) ends.
    Program {
        program: Box<dyn Program>,
        scoped: bool,
    },
    /// A command substitution's child.
    Substitution { child: ProcessId, capture: usize },
    /// A subshell's child.
    Subshell(ProcessId),
    /// A pipeline's children; the status is the last one's.
    Pipeline {
        children: Vec<ProcessId>,
        negated: bool,
    },
    /// The `wait` builtin.
    WaitFor(Vec<ProcessId>),
}

/// What nginx's `/docker-entrypoint.sh` prints before it execs nginx.
const NGINX_ENTRYPOINT_LOG: &str = "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration\n/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/\n/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh\n10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf\n10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf\n/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh\n/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh\n/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh\n/docker-entrypoint.sh: Configuration complete; ready for start up\n";

/// How many processes nginx's `/docker-entrypoint.sh` runs before it execs
/// nginx (so the worker nginx starts next is PID 29, as in the image's logs).
const NGINX_ENTRYPOINT_HELPERS: u32 = 27;

/// The most processes one container may have at once (like a pids cgroup).
pub const MAX_PROCESSES: u32 = 512;

/// A PID namespace: the next PID to hand out and how many processes live.
#[derive(Debug)]
struct Namespace {
    /// Its identity, for `ps`, `kill` and `/proc`.
    id: usize,
    next_pid: Cell<u32>,
    live: Cell<u32>,
}

/// A PID namespace several containers share (`shareProcessNamespace: true`):
/// the pause container starts first in it and is PID 1.
#[derive(Debug, Clone)]
pub struct SharedPidNamespace(Rc<Namespace>);

impl SharedPidNamespace {
    /// A new, empty namespace with identity `id` (distinct from every container log index).
    pub fn new(id: usize) -> SharedPidNamespace {
        SharedPidNamespace(Rc::new(Namespace {
            id,
            next_pid: Cell::new(1),
            live: Cell::new(0),
        }))
    }
}

/// A call frame: code and where in it.
struct Frame {
    code: Rc<Code>,
    pc: usize,
    /// For a function call: the caller's positional parameters, restored on return.
    saved_positional: Option<Vec<String>>,
    /// Whether returning pops a descriptor scope (a function called with redirections).
    pops_scope: bool,
}

/// A process.
pub struct Process {
    /// Its identity in the runtime.
    pub id: ProcessId,
    /// Its exit code, once exited.
    pub exit_code: Option<i32>,
    /// What it waits for, when blocked.
    pub wait: Option<Wait>,
    /// Its PID inside the container's PID namespace.
    pub pid: u32,
    /// The PID of the shell (`$$`, which subshells keep).
    shell_pid: u32,
    /// The container's PID namespace, shared by its processes.
    namespace: Rc<Namespace>,
    flavor: Flavor,
    tools: Tools,
    log: usize,
    hostname: String,
    view: View,
    cwd: String,
    frames: Vec<Frame>,
    variables: BTreeMap<String, String>,
    exported: BTreeSet<String>,
    functions: BTreeMap<String, Rc<Code>>,
    positional: Vec<String>,
    arg0: String,
    status: i32,
    descriptors: Descriptors,
    /// Saved descriptor tables, innermost last.
    scopes: Vec<Descriptors>,
    /// Saved tables restored already, kept to save the next one without
    /// allocating.
    spare_scopes: Vec<Descriptors>,
    /// Outputs of command substitutions, for the next expansion.
    slots: VecDeque<String>,
    /// Items of the `for` loops being run, innermost last.
    loops: Vec<VecDeque<String>>,
    /// Subjects of the `case` commands being run.
    cases: Vec<String>,
    /// Status of the last body of each loop being run (0 before any).
    loop_statuses: Vec<i32>,
    pending: Option<Pending>,
    /// Output not yet delivered, with the endpoint its descriptor had when written.
    outbox: Vec<(Endpoint, Vec<u8>)>,
    /// Background children, for `wait` and `$!`.
    background: Vec<(ProcessId, u32)>,
    /// Set by `exit`: leave once output is flushed.
    exit_requested: Option<i32>,
    /// Signals delivered and not yet acted on.
    pub signals: VecDeque<(SignalTarget, i32)>,
    /// Trapped signals waiting for the foreground program to end.
    deferred_signals: VecDeque<(SignalTarget, i32)>,
    /// `trap` commands by signal number (an empty command ignores the signal).
    traps: BTreeMap<i32, String>,
    /// The command line `ps` shows.
    command_line: String,
    /// The terminal the process has (`pts/0` for `kubectl exec -t`), if any.
    tty: Option<&'static str>,
    /// The arguments the process was started with.
    argv: Vec<String>,
    /// The parent's PID (0 for the container's first process).
    parent_pid: u32,
    /// When the process started.
    started: SimTime,
    /// The foreground program as `ps` shows it: its PID and command line
    /// (for an exec-form container the program is the process itself).
    foreground: Option<(u32, Vec<String>)>,
    /// The program that ended last, whose output may still wait in the
    /// outbox (a failed write names it).
    finished_program: Option<String>,
    /// Whether the process is the program itself (exec form), not a shell.
    exec_form: bool,
    /// `set -e`: exit when an unguarded command fails.
    errexit: bool,
    /// Set by `exec CMD`: the process ends when the command does.
    exit_after_command: bool,
    /// What the image's `/bin/sh` is (for `sh` run from a script).
    image_shell: Flavor,
    /// The pod's network namespace.
    network: Option<Rc<super::net::PodNetwork>>,
    /// The file a redirection last opened by path, so a loop's `>> file`
    /// does not walk the path again while no directory entry changed.
    last_opened: Option<OpenedPath>,
}

/// A path a redirection resolved to a file, valid while the filesystem's
/// generation (and the process's working directory) stays the same.
struct OpenedPath {
    /// [`super::fs::FileSystem::generation`] when it was resolved.
    generation: u64,
    /// The path as the redirection named it.
    path: String,
    /// The file it leads to.
    inode: super::fs::InodeId,
}
