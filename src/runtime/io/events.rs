//! What processes did that the simulation and the UI may show: the events
//! the runtime records while processes run.

use super::processes::ProcessId;
use crate::runtime::fs::InodeId;
use crate::runtime::pipes::ListenAddress;

/// Something a process did that the simulation and the UI may show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuntimeEvent {
    /// A process exited with a code.
    Exited { process: ProcessId, code: i32 },
    /// A process wrote bytes to a file.
    FileWritten {
        process: ProcessId,
        file: InodeId,
        bytes: usize,
    },
    /// A process read bytes from a file.
    FileRead {
        process: ProcessId,
        file: InodeId,
        bytes: usize,
    },
    /// A process started listening on a port of its pod.
    Listened {
        process: ProcessId,
        address: ListenAddress,
    },
    /// A process could not listen: the address was in use (EADDRINUSE).
    ListenRefused {
        process: ProcessId,
        address: ListenAddress,
    },
    /// A process connected to an address (after Service routing).
    Connected {
        process: ProcessId,
        to: ListenAddress,
    },
    /// A connection attempt was refused.
    Refused {
        process: ProcessId,
        to: ListenAddress,
    },
    /// A process sent bytes over a connection.
    Sent { process: ProcessId, bytes: usize },
}
