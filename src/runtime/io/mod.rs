//! The syscall surface: what a running process (and the program it runs)
//! may reach of the node — the filesystem, pipes, command-substitution
//! captures, container logs, sockets ([`sockets`]), the events it causes and
//! a read-only view of the other processes ([`processes`]). It sits below the
//! program ABI and the process, and knows nothing of either.

mod effects;
mod events;
pub mod processes;
mod sockets;

use crate::clock::SimTime;
use crate::runtime::fs::{FileSystem, InodeId};
use crate::runtime::log::ContainerLog;
use crate::runtime::pipes::{
    Connection, Endpoint, ListenAddress, Pipe, PipeId, PipeSet, ReadResult, WriteError,
    CAPTURE_LIMIT, PIPE_CAPACITY,
};
pub use effects::{Effects, Tracked};
pub use events::RuntimeEvent;
use processes::{ProcessId, ProcessInfo, ProcessView, SignalTarget};
use std::collections::{BTreeMap, VecDeque};

/// Listening sockets by (network namespace, port), each with its owner and
/// its queue of connections not yet accepted.
pub type Listeners = BTreeMap<ListenAddress, (ProcessId, VecDeque<Connection>)>;

/// Service virtual IPs: (ClusterIP, port) → the selected pods' (IP, targetPort).
pub type Services = BTreeMap<(String, u16), Vec<(String, u16)>>;

/// What a process may reach while it runs: everything but the process
/// table, of which it sees only a read-only [`ProcessView`].
pub struct Io<'a> {
    /// The node's filesystem; each use counts as an effect.
    pub fs: Tracked<'a, FileSystem>,
    /// Every pipe and socket direction of the node, by [`PipeId`].
    pub(super) pipes: &'a mut Vec<Pipe>,
    /// The outputs of command substitutions, by capture index.
    pub(super) captures: &'a mut Vec<Vec<u8>>,
    /// The containers' (and exec sessions') logs, by index.
    pub(super) logs: &'a mut Vec<ContainerLog>,
    /// Where what the running process does is recorded.
    pub(super) events: &'a mut Vec<RuntimeEvent>,
    /// Pipes with a live writer (other than through the running process).
    pub(super) writers: &'a PipeSet,
    /// Pipes with a live reader.
    pub(super) readers: &'a PipeSet,
    /// The current virtual time.
    pub now: SimTime,
    /// The running process.
    pub process: ProcessId,
    /// The other processes of the node (the running one is out of the table
    /// while it runs), for `kill`, `ps`, `wait` and `/proc`.
    pub(super) processes: &'a dyn ProcessView,
    /// Signals sent by the running process, delivered after it runs.
    pub signals: &'a mut Vec<(ProcessId, SignalTarget, i32)>,
    /// The cluster's DNS records: fully qualified name → address.
    pub dns: &'a BTreeMap<String, String>,
    /// Listening sockets and their queues of accepted-to-be connections.
    pub(super) listeners: &'a mut Listeners,
    /// Service virtual IPs: (ClusterIP, port) → the selected pods' (IP, targetPort).
    pub(super) services: &'a Services,
    /// The other effects of the running process (see [`Io::effects`]).
    pub(super) effects: Effects,
}

impl Io<'_> {
    /// How many times the running process reached outside itself so far:
    /// the filesystem, pipes, sockets, captures, the process table, any
    /// write but to a log. A process whose slices add nothing here only
    /// computes and logs.
    pub fn effects(&self) -> u64 {
        self.effects.total() + self.fs.uses.total()
    }

    /// Creates a pipe.
    pub fn new_pipe(&mut self) -> PipeId {
        self.effects.count();
        self.pipes.push(Pipe::default());
        PipeId(self.pipes.len() - 1)
    }

    /// A pipe already holding `data` with no writer: reads give it, then the end.
    pub fn pipe_with(&mut self, data: &[u8]) -> PipeId {
        let id = self.new_pipe();
        self.pipes[id.0].buffer.extend(data);
        id
    }

    /// Creates a capture for a command substitution.
    pub fn new_capture(&mut self) -> usize {
        self.effects.count();
        self.captures.push(Vec::new());
        self.captures.len() - 1
    }

    /// Takes a capture's text.
    pub fn take_capture(&mut self, id: usize) -> String {
        self.effects.count();
        String::from_utf8_lossy(&std::mem::take(&mut self.captures[id])).into_owned()
    }

    /// Writes as much of `data` as fits; returns how many bytes were taken.
    pub fn write(&mut self, endpoint: &Endpoint, data: &[u8]) -> Result<usize, WriteError> {
        if !matches!(endpoint, Endpoint::Log { .. } | Endpoint::Null) {
            self.effects.count();
        }
        match endpoint {
            Endpoint::Device(device) if device.refuses_writes() => Err(WriteError::NoSpace),
            Endpoint::Null | Endpoint::PipeRead(_) | Endpoint::Device(_) => Ok(data.len()),
            Endpoint::Log { container, stream } => {
                if let Some(log) = self.logs.get_mut(*container) {
                    log.write(self.now, *stream, data);
                }
                Ok(data.len())
            }
            Endpoint::PipeWrite(pipe) => {
                if !self.readers.contains(pipe) {
                    return Err(WriteError::BrokenPipe);
                }
                let buffer = &mut self.pipes[pipe.0].buffer;
                let room = PIPE_CAPACITY.saturating_sub(buffer.len());
                let taken = room.min(data.len());
                buffer.extend(&data[..taken]);
                Ok(taken)
            }
            Endpoint::File(inode) => {
                self.fs
                    .write_inode(*inode, data, true)
                    .map_err(|_| WriteError::NoSpace)?;
                self.events.push(RuntimeEvent::FileWritten {
                    process: self.process,
                    file: *inode,
                    bytes: data.len(),
                });
                Ok(data.len())
            }
            Endpoint::Capture(id) => {
                let capture = &mut self.captures[*id];
                let room = CAPTURE_LIMIT.saturating_sub(capture.len());
                capture.extend_from_slice(&data[..room.min(data.len())]);
                Ok(data.len())
            }
        }
    }

    /// Reads what is available from `endpoint` (at most `limit` bytes).
    pub fn read(&mut self, endpoint: &Endpoint, limit: usize) -> ReadResult {
        self.effects.count();
        match endpoint {
            Endpoint::PipeRead(pipe) => {
                let open = match self.pipes[pipe.0].socket_closed {
                    Some(closed) => !closed,
                    None => self.writers.contains(pipe),
                };
                let buffer = &mut self.pipes[pipe.0].buffer;
                if buffer.is_empty() {
                    return if open {
                        ReadResult::WouldBlock(*pipe)
                    } else {
                        ReadResult::End
                    };
                }
                let count = limit.min(buffer.len());
                ReadResult::Data(buffer.drain(..count).collect())
            }
            Endpoint::Device(device) => match self.fs.read_device(*device, limit) {
                Some(data) => ReadResult::Data(data),
                None => ReadResult::End,
            },
            _ => ReadResult::End,
        }
    }

    /// What `ps` and `kill` see of the other live processes of the node.
    pub fn process_table(&self) -> Vec<ProcessInfo> {
        self.effects.count();
        self.processes.live()
    }

    /// Records that the running process read `bytes` bytes of `file`.
    pub fn note_read(&mut self, file: InodeId, bytes: usize) {
        self.effects.count();
        self.events.push(RuntimeEvent::FileRead {
            process: self.process,
            file,
            bytes,
        });
    }
}
