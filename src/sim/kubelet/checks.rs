//! Probe checks under way: which probe of which container instance, and what
//! each check waits for (a command's exit, a server's answer). Data only; the
//! prober (`prober.rs`) starts and finishes them.

use super::schedule::PodKey;
use crate::runtime::{Connection, ProcessId};
use crate::sim::prober::ProbeKind;

/// Which probe of which container instance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ProbeTarget {
    /// The pod.
    pub(super) key: PodKey,
    /// The container's name.
    pub(super) container: String,
    /// The container instance's attempt.
    pub(super) attempt: u32,
    /// Which probe.
    pub(super) kind: ProbeKind,
}

/// A probe check under way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct InFlight {
    /// Whose check it is.
    pub(super) target: ProbeTarget,
    /// What is being waited for.
    pub(super) check: Pending,
}

/// What a check under way waits for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Pending {
    /// The command's process to exit; its output is in `log`.
    Exec {
        process: ProcessId,
        log: usize,
        command: String,
    },
    /// The server's answer.
    Http {
        connection: Connection,
        url: String,
        received: Vec<u8>,
    },
}

/// The address probes come from: the node's side of the pod network.
pub(super) const PROBE_SOURCE: [u8; 4] = [10, 244, 1, 1];
