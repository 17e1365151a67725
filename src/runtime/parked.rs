//! A spinning process the scheduler no longer runs: its cycle's output and
//! where in the cycle it is (see `busy.rs`).

use super::fs::InodeId;
use super::process::SliceOutput;
use crate::clock::SimTime;

/// A spinning process the scheduler no longer runs.
pub struct Parked {
    /// What each slice of its cycle writes.
    pub slices: Vec<SliceOutput>,
    /// Which slice of the cycle comes next.
    pub next: usize,
    /// When that slice would run.
    pub at: SimTime,
    /// Every how many milliseconds it runs a slice (its share of the CPU).
    pub interval: u64,
    /// Its container's root, whose CPU it uses.
    pub root: InodeId,
}
