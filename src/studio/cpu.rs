//! The CPU readings the studio keeps between advances (see `busy.rs`).

use crate::clock::SimTime;
use std::collections::BTreeMap;

/// The CPU readings of the last advance.
#[derive(Debug, Default)]
pub(super) struct CpuReading {
    /// When they were read.
    pub(super) at: SimTime,
    /// Each running container's CPU then, in microseconds.
    pub(super) used: BTreeMap<String, u64>,
    /// The container that used the most over the last advance, when it
    /// used at least half of it.
    pub(super) busiest: Option<String>,
}
