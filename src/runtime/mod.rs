//! The container runtime: what runs inside the containers.
//!
//! Processes are shell programs ([`shell`]) compiled to resumable code and run
//! by a small machine ([`process`]); the programs they call live in
//! [`programs`]. Everything a process touches is here: the node's
//! [`fs::FileSystem`], pipes, command-substitution captures and each
//! container's log. A process runs until it blocks (a sleep, an empty pipe, a
//! file that has not grown, a child) or exits; [`Runtime::run`] runs every
//! process that can make progress at a virtual time, and
//! [`Runtime::next_wake`] says when one next can. Nothing reads the wall clock.

mod budget;
mod busy;
mod cgroup;
mod cpu_share;
mod descriptors;
mod exec;
pub mod fs;
mod host;
pub mod images;
mod io;
mod log;
mod memory;
pub mod net;
mod parked;
mod pipes;
mod process;
mod program;
mod programs;
mod scheduler;
mod sessions;
mod sharing;
pub mod shell;
mod table;
mod time;

use crate::clock::SimTime;
pub use budget::Budget;
pub use cpu_share::{CpuCgroup, NODE_CPUS};
use fs::FileSystem;
pub use fs::InodeId;
pub use io::RuntimeEvent;
use io::{Listeners, Services};
pub use log::{ContainerLog, LogPosition, ReadOptions, RotatedFile, MAX_SIZE as LOG_MAX_SIZE};
pub use pipes::{Connection, ListenAddress, Stream};
use pipes::{Pipe, PipeSet};
pub use process::{
    Launch, ScriptCache, SharedPidNamespace, MAX_SCRIPTS, TIME_SLICE, TIME_SLICE_MILLIS,
};
pub use program::{ProcessId, SignalTarget};
pub use programs::{format_time, EPOCH_SECONDS};
/// process.rs names these as `super::packages` and `super::top`.
pub(in crate::runtime) use programs::{packages, top};
use std::collections::BTreeMap;
use table::ProcessTable;

/// Events kept for [`Runtime::take_events`]; older ones are dropped first.
pub const MAX_EVENTS: usize = 100_000;

/// Exit codes of reaped processes kept; the oldest are forgotten first.
pub const MAX_REAPED: usize = 100_000;

/// Process runs the runtime does at one virtual instant before the rest wait a
/// millisecond.
pub const ACTIVATIONS_PER_INSTANT: usize = 2_000;

/// All processes of the node and what they share.
#[derive(Default)]
pub struct Runtime {
    /// The node's filesystem: images, volumes and the node's own files.
    pub fs: FileSystem,
    processes: ProcessTable,
    /// Exit codes of processes reaped from the table, for whoever asks later.
    reaped: BTreeMap<ProcessId, i32>,
    /// The logs of processes reaped from the table, so what they did in
    /// their last instant can still be told to their container.
    reaped_logs: BTreeMap<ProcessId, usize>,
    /// How many processes have exited so far (a reap is due after one does).
    exits: u64,
    pipes: Vec<Pipe>,
    captures: Vec<Vec<u8>>,
    logs: Vec<ContainerLog>,
    /// Log slots [`Runtime::release`] gave back, for the next logs.
    free_logs: Vec<usize>,
    next_process: ProcessId,
    /// Events since the last [`Runtime::take_events`].
    events: Vec<RuntimeEvent>,
    /// The cluster's DNS records (Services), kept current by the cluster.
    dns: BTreeMap<String, String>,
    /// Listening sockets by (network namespace, port).
    listeners: Listeners,
    /// Service virtual IPs, kept current by the cluster (kube-proxy's rules).
    services: Services,
    /// Compiled container commands by script text.
    scripts: ScriptCache,
    /// The ready list of [`Runtime::run`], kept to reuse its allocation.
    ready: Vec<ProcessId>,
    /// The pipe ends of [`Runtime::run`], kept to reuse their memory.
    pipe_ends: (PipeSet, PipeSet),
    /// Spinning processes, not run until something wakes them.
    parked: BTreeMap<ProcessId, parked::Parked>,
    /// CPU used by each container's processes, in steps (microseconds),
    /// by container root.
    cpu: BTreeMap<InodeId, u64>,
    /// Each container's memory cgroup, by container root.
    cgroups: BTreeMap<InodeId, cgroup::Cgroup>,
    /// How the node's cores are shared among busy processes.
    sharing: cpu_share::CpuSharing,
    /// The instant of the last [`Runtime::run`].
    clock: SimTime,
    /// The instant a spent [`Budget`] left unfinished, to go on with.
    instant: Option<budget::Instant>,
    /// Process runs so far (the work the runtime did, for tests and benches).
    activations: u64,
    /// Whether spinning processes are run every slice instead of parked
    /// (tests compare the two).
    never_park: bool,
}

/// Why `kubectl exec` could not start a process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExecError {
    /// The container has no running process.
    ContainerNotRunning,
    /// The image has no such program.
    NotFound { program: String },
}

impl std::fmt::Display for ExecError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExecError::ContainerNotRunning => f.write_str("container not found"),
            ExecError::NotFound { program } => write!(
                f,
                "OCI runtime exec failed: exec failed: unable to start container process: exec: \"{program}\": executable file not found in $PATH: unknown"
            ),
        }
    }
}

impl Runtime {
    /// The log the process `id` writes to (its container's, or its exec's).
    pub fn process_log(&self, id: ProcessId) -> Option<usize> {
        self.processes
            .get(&id)
            .map(|process| process.log())
            .or_else(|| self.reaped_logs.get(&id).copied())
    }

    /// A runtime with an empty filesystem and no process.
    pub fn new() -> Runtime {
        Runtime::default()
    }

    /// The exit code of a process, once it has exited.
    pub fn exit_code(&self, process: ProcessId) -> Option<i32> {
        match self.processes.get(&process) {
            Some(p) => p.os.exit_code,
            None => self.reaped.get(&process).copied(),
        }
    }

    /// Events since the last call.
    pub fn take_events(&mut self) -> Vec<RuntimeEvent> {
        std::mem::take(&mut self.events)
    }

    /// Gives back a vector [`Runtime::take_events`] returned, once read, so
    /// the next events reuse its memory.
    pub fn recycle_events(&mut self, mut read: Vec<RuntimeEvent>) {
        if self.events.is_empty() {
            read.clear();
            self.events = read;
        }
    }
}

#[cfg(test)]
mod tests;
