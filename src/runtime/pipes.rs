//! Pipes, sockets and the endpoints a descriptor can name: the byte streams
//! processes write and read, with the errors a read or write can give.

use super::fs::InodeId;
use std::collections::VecDeque;

/// How many bytes a pipe holds before its writer blocks (Linux's default).
pub const PIPE_CAPACITY: usize = 65_536;

/// How many bytes a command substitution keeps: one more than the longest
/// value a shell makes (64 MiB, `process::limits`), so a bigger output runs
/// the shell out of memory as the real one does rather than being cut short
/// (dash, bash and BusyBox keep `$(printf '%3000000s' x)` whole).
pub const CAPTURE_LIMIT: usize = (64 << 20) + 1;

/// A pipe's index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PipeId(pub(super) usize);

/// A set of pipes, one flag per pipe index, kept to reuse its memory; a
/// pipe made after the set was filled is not in it.
#[derive(Debug, Default, Clone)]
pub(super) struct PipeSet(Vec<bool>);

impl PipeSet {
    /// Empties the set, sized for `pipes` pipes.
    pub(super) fn reset(&mut self, pipes: usize) {
        self.0.clear();
        self.0.resize(pipes, false);
    }

    pub(super) fn insert(&mut self, pipe: PipeId) {
        if let Some(flag) = self.0.get_mut(pipe.0) {
            *flag = true;
        }
    }

    pub(super) fn contains(&self, pipe: &PipeId) -> bool {
        self.0.get(pipe.0).copied().unwrap_or(false)
    }
}

/// Standard output or standard error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// Where a file descriptor leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    /// `/dev/null`.
    Null,
    /// A container's log.
    Log { container: usize, stream: Stream },
    /// The write end of a pipe.
    PipeWrite(PipeId),
    /// The read end of a pipe (also used for `< file` and here-documents).
    PipeRead(PipeId),
    /// A file opened for writing; writes append.
    File(InodeId),
    /// The output of a command substitution.
    Capture(usize),
    /// A character device of `/dev` (`/dev/zero`, `/dev/full`, …).
    Device(crate::runtime::fs::Device),
}

/// A pipe: bytes in flight.
#[derive(Debug, Clone, Default)]
pub struct Pipe {
    pub(super) buffer: VecDeque<u8>,
    /// For a socket's direction: the writer has closed it (end of stream).
    /// Plain pipes end when no process holds their write end.
    pub(super) socket_closed: Option<bool>,
}

/// Where a listening socket is: a network namespace (the pod IP) and a port.
pub type ListenAddress = (String, u16);

/// One TCP connection: a pipe each way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Connection {
    /// Client → server.
    pub upstream: PipeId,
    /// Server → client.
    pub downstream: PipeId,
    /// The client's address as the server sees it.
    pub peer: [u8; 4],
}

/// Why a connection could not be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConnectError {
    /// Nothing listens there (ECONNREFUSED).
    Refused,
}

/// Why a write failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteError {
    /// A pipe with no reader left (EPIPE; the writer dies of SIGPIPE).
    BrokenPipe,
    /// The node's disk is full (ENOSPC).
    NoSpace,
}

/// What reading an endpoint gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadResult {
    Data(Vec<u8>),
    End,
    WouldBlock(PipeId),
}
