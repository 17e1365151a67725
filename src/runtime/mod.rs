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

mod descriptors;
pub mod fs;
pub mod images;
mod io;
mod log;
pub mod net;
mod pipes;
mod process;
mod program;
mod programs;
mod sessions;
pub mod shell;
mod table;

use crate::clock::SimTime;
use fs::FileSystem;
pub use fs::InodeId;
pub use io::RuntimeEvent;
use io::{Io, Listeners, Services};
pub use log::{ContainerLog, LogLine};
use pipes::{ConnectError, Endpoint, Pipe, PipeId, PipeSet, PIPE_CAPACITY};
pub use pipes::{Connection, ListenAddress, Stream};
use process::Process;
pub use process::{
    Launch, ScriptCache, SharedPidNamespace, MAX_SCRIPTS, TIME_SLICE, TIME_SLICE_MILLIS,
};
use program::Wait;
pub use program::{ProcessId, SignalTarget};
pub use programs::{format_time, EPOCH_SECONDS};
/// process.rs names these as `super::packages` and `super::top`.
pub(in crate::runtime) use programs::{packages, top};
use std::collections::{BTreeMap, BTreeSet, VecDeque};
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
    /// The ports listened on in `namespace`, each with its listening process.
    pub fn listeners_in(&self, namespace: &str) -> Vec<(u16, ProcessId)> {
        self.listeners
            .iter()
            .filter(|((ns, _), _)| ns == namespace)
            .map(|((_, port), (process, _))| (*port, *process))
            .collect()
    }

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

    /// A container's log.
    pub fn log(&self, container: usize) -> Option<&ContainerLog> {
        self.logs.get(container)
    }

    /// Starts a container's first process (PID 1 of its namespace).
    pub fn spawn(&mut self, launch: Launch) -> ProcessId {
        let id = self.next_process;
        self.next_process += 1;
        self.processes
            .insert(Box::new(Process::launch(id, launch, &mut self.scripts)));
        id
    }

    /// Starts `argv` inside the container whose first process is `container`
    /// (as `kubectl exec` does): it joins that container's filesystem, network
    /// and PID namespace and writes to a new log of its own, returned with
    /// its id. A program the image lacks fails as runc reports it.
    pub fn exec(
        &mut self,
        container: ProcessId,
        argv: Vec<String>,
        now: SimTime,
    ) -> Result<(ProcessId, usize), ExecError> {
        let target = self
            .processes
            .get(&container)
            .ok_or(ExecError::ContainerNotRunning)?;
        if target.exit_code.is_some() {
            return Err(ExecError::ContainerNotRunning);
        }
        let program = argv.first().cloned().unwrap_or_default();
        if !target.has_program(&self.fs, &program) {
            return Err(ExecError::NotFound { program });
        }
        let log = log::slot(&mut self.logs, &mut self.free_logs);
        let launch = target.sibling_launch(argv, log, now);
        Ok((self.spawn(launch), log))
    }

    /// Like [`Runtime::exec`], but `ps` shows the process as `shown` on the
    /// terminal `pts/0`: the console's interactive shell runs each typed line
    /// this way and appears as the `sh` or `bash` the learner started.
    pub fn exec_shown_as(
        &mut self,
        container: ProcessId,
        argv: Vec<String>,
        shown: Vec<String>,
        now: SimTime,
    ) -> Result<(ProcessId, usize), ExecError> {
        let (process, log) = self.exec(container, argv, now)?;
        if let Some(started) = self.processes.get_mut(&process) {
            started.show_as(shown, Some("pts/0"));
        }
        Ok((process, log))
    }

    /// The memory the live processes of the container whose root is `root`
    /// hold together, in bytes (its memory cgroup's usage).
    pub fn container_memory(&self, root: InodeId) -> u64 {
        self.processes
            .values()
            .filter(|p| p.exit_code.is_none() && p.container_root() == root)
            .map(|p| p.memory_bytes())
            .sum()
    }

    /// Kills every live process of the container whose root is `root` at
    /// once, as the kernel's OOM killer does to a cgroup with `memory.oom.group`.
    pub fn kill_container(&mut self, root: InodeId) {
        let victims: Vec<ProcessId> = self
            .processes
            .iter()
            .filter(|(_, p)| p.exit_code.is_none() && p.container_root() == root)
            .map(|(id, _)| *id)
            .collect();
        for victim in victims {
            self.signal(victim, SignalTarget::Process, 9);
        }
    }

    /// The exit code of a process, once it has exited.
    pub fn exit_code(&self, process: ProcessId) -> Option<i32> {
        match self.processes.get(&process) {
            Some(p) => p.exit_code,
            None => self.reaped.get(&process).copied(),
        }
    }

    /// Drops exited processes no live parent can still ask about (their exit
    /// code stays in `reaped`), so a long run's process table stays small.
    fn reap(&mut self) {
        let live: BTreeSet<(usize, u32)> = self
            .processes
            .values()
            .filter(|p| p.exit_code.is_none())
            .map(|p| {
                let (namespace, pid, _) = p.family();
                (namespace, pid)
            })
            .collect();
        let gone: Vec<ProcessId> = self
            .processes
            .iter()
            .filter(|(_, p)| p.exit_code.is_some())
            .filter(|(_, p)| {
                let (namespace, _, parent) = p.family();
                parent == 0 || !live.contains(&(namespace, parent))
            })
            .map(|(id, _)| *id)
            .collect();
        for id in gone {
            if let Some(process) = self.processes.remove(&id) {
                self.reaped.insert(id, process.exit_code.unwrap_or(0));
                self.reaped_logs.insert(id, process.log());
            }
        }
        while self.reaped.len() > MAX_REAPED {
            self.reaped.pop_first();
        }
        while self.reaped_logs.len() > MAX_REAPED {
            self.reaped_logs.pop_first();
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

    /// Runs every process that can make progress at `now`, until none can or
    /// [`ACTIVATIONS_PER_INSTANT`] runs have happened; processes still ready
    /// then continue one virtual millisecond later (a fork bomb burns virtual
    /// time, not the page).
    pub fn run(&mut self, now: SimTime) {
        self.fs.set_clock(now);
        let mut activations = 0;
        let exits_before = self.exits;
        loop {
            let (mut writers, mut readers) = std::mem::take(&mut self.pipe_ends);
            self.fill_pipe_ends(&mut writers, &mut readers);
            let mut ready = std::mem::take(&mut self.ready);
            ready.clear();
            ready.extend(
                self.processes
                    .iter()
                    .filter(|(_, p)| {
                        p.exit_code.is_none() && self.is_ready(p, now, &writers, &readers)
                    })
                    .map(|(id, _)| *id),
            );
            if ready.is_empty() {
                self.ready = ready;
                self.pipe_ends = (writers, readers);
                if self.exits != exits_before {
                    self.reap();
                }
                return;
            }
            for &id in &ready {
                if activations >= ACTIVATIONS_PER_INSTANT {
                    if let Some(process) = self.processes.get_mut(&id) {
                        process.wait = Some(Wait::Until(now + 1));
                    }
                    continue;
                }
                activations += 1;
                let Some(mut process) = self.processes.take(&id) else {
                    continue;
                };
                let mut spawned = Vec::new();
                let mut signals = Vec::new();
                let mut io = Io {
                    fs: &mut self.fs,
                    pipes: &mut self.pipes,
                    captures: &mut self.captures,
                    logs: &mut self.logs,
                    events: &mut self.events,
                    writers: &writers,
                    readers: &readers,
                    now,
                    process: id,
                    processes: &self.processes,
                    signals: &mut signals,
                    dns: &self.dns,
                    listeners: &mut self.listeners,
                    services: &self.services,
                };
                process.run(&mut io, &mut spawned, &mut self.next_process);
                if let Some(code) = process.exit_code {
                    self.exits += 1;
                    self.events.push(RuntimeEvent::Exited { process: id, code });
                    // A dead process's listening sockets close with it.
                    self.listeners.retain(|_, (owner, _)| *owner != id);
                }
                self.processes.put_back(process);
                for child in spawned {
                    self.processes.insert(Box::new(child));
                }
                for (target, part, signal) in signals {
                    self.signal(target, part, signal);
                }
                if self.events.len() > MAX_EVENTS {
                    let excess = self.events.len() - MAX_EVENTS;
                    self.events.drain(..excess);
                }
            }
            self.ready = ready;
            self.pipe_ends = (writers, readers);
            if activations >= ACTIVATIONS_PER_INSTANT {
                if self.exits != exits_before {
                    self.reap();
                }
                return;
            }
        }
    }

    /// Opens a TCP connection from the node (`peer`) to `ip:port`, as the
    /// kubelet's probes do; the server accepts it when it next runs.
    pub fn host_connect(
        &mut self,
        peer: [u8; 4],
        ip: &str,
        port: u16,
    ) -> Result<Connection, ConnectError> {
        let Some((_, queue)) = self.listeners.get_mut(&(ip.to_string(), port)) else {
            return Err(ConnectError::Refused);
        };
        let mut new_pipe = || {
            self.pipes.push(Pipe {
                buffer: VecDeque::new(),
                socket_closed: Some(false),
            });
            PipeId(self.pipes.len() - 1)
        };
        let connection = Connection {
            upstream: new_pipe(),
            downstream: new_pipe(),
            peer,
        };
        queue.push_back(connection);
        Ok(connection)
    }

    /// Sends `data` on the node's side of a connection and closes that
    /// direction (a request that is complete).
    pub fn host_send(&mut self, connection: Connection, data: &[u8]) {
        let pipe = &mut self.pipes[connection.upstream.0];
        pipe.buffer.extend(data);
        pipe.socket_closed = Some(true);
    }

    /// Takes what the server has answered so far on a connection the node
    /// opened, and whether the server has closed it.
    pub fn host_receive(&mut self, connection: Connection) -> (Vec<u8>, bool) {
        let pipe = &mut self.pipes[connection.downstream.0];
        let data = pipe.buffer.drain(..).collect();
        (data, pipe.socket_closed == Some(true))
    }

    /// Replaces the Service routes: (ClusterIP, port) → backends (pod IP, targetPort).
    pub fn set_services(&mut self, routes: BTreeMap<(String, u16), Vec<(String, u16)>>) {
        self.services = routes;
    }

    /// Replaces the cluster DNS records (`myservice.default.svc.cluster.local` → ClusterIP).
    pub fn set_dns(&mut self, records: BTreeMap<String, String>) {
        self.dns = records;
    }

    /// Sends `signal` (15 for SIGTERM, 9 for SIGKILL, …) to a process or to
    /// its foreground program; it takes effect when the process next runs.
    pub fn signal(&mut self, process: ProcessId, target: SignalTarget, signal: i32) {
        if let Some(process) = self.processes.get_mut(&process) {
            if process.exit_code.is_none() {
                process.signals.push_back((target, signal));
            }
        }
    }

    /// When a blocked process next becomes ready by time alone; a process
    /// with a signal not yet acted on is ready at once (`SimTime::ZERO`,
    /// earlier than any "now").
    pub fn next_wake(&self) -> Option<SimTime> {
        self.processes
            .values()
            .filter(|p| p.exit_code.is_none())
            .filter_map(|p| match p.wait {
                _ if !p.signals.is_empty() => Some(SimTime::ZERO),
                Some(Wait::Until(time)) => Some(time),
                _ => None,
            })
            .min()
    }

    /// Which pipes have a live writer and a live reader.
    fn fill_pipe_ends(&self, writers: &mut PipeSet, readers: &mut PipeSet) {
        writers.reset(self.pipes.len());
        readers.reset(self.pipes.len());
        if self.pipes.is_empty() {
            // No pipe was ever made, so no descriptor leads to one.
            return;
        }
        for process in self.processes.values().filter(|p| p.exit_code.is_none()) {
            for endpoint in process.open_endpoints() {
                match endpoint {
                    Endpoint::PipeWrite(pipe) => {
                        writers.insert(*pipe);
                    }
                    Endpoint::PipeRead(pipe) => {
                        readers.insert(*pipe);
                    }
                    _ => {}
                }
            }
        }
    }

    fn is_ready(
        &self,
        process: &Process,
        now: SimTime,
        writers: &PipeSet,
        readers: &PipeSet,
    ) -> bool {
        if !process.signals.is_empty() {
            return true;
        }
        match &process.wait {
            None => true,
            Some(Wait::Until(time)) => now >= *time,
            Some(Wait::Children(children)) => children.iter().all(|child| {
                self.processes
                    .get(child)
                    .is_none_or(|p| p.exit_code.is_some())
            }),
            Some(Wait::ReadPipe(pipe)) => {
                let pipe_state = &self.pipes[pipe.0];
                !pipe_state.buffer.is_empty()
                    || match pipe_state.socket_closed {
                        Some(closed) => closed,
                        None => !writers.contains(pipe),
                    }
            }
            Some(Wait::Accept(address)) => self
                .listeners
                .get(address)
                .is_none_or(|(_, queue)| !queue.is_empty()),
            Some(Wait::AcceptAny(addresses)) => addresses.iter().any(|address| {
                self.listeners
                    .get(address)
                    .is_none_or(|(_, queue)| !queue.is_empty())
            }),
            Some(Wait::WritePipe(pipe)) => {
                self.pipes[pipe.0].buffer.len() < PIPE_CAPACITY || !readers.contains(pipe)
            }
            Some(Wait::FileGrowth { file, seen }) => match self.fs.inode(*file) {
                fs::Inode::File(data) => data.len() != *seen,
                fs::Inode::Directory(_) | fs::Inode::Symlink(_) => true,
            },
        }
    }
}

#[cfg(test)]
mod tests;
