//! A container's memory cgroup as data, and the kernel's decision at its
//! limit: what `memory.rs` counts and enforces. A leaf.

use super::fs::InodeId;

/// A container's memory cgroup.
#[derive(Debug, Clone, Default)]
pub struct Cgroup {
    /// `memory.max`, in bytes (`None`: `max`, no limit).
    pub limit: Option<u64>,
    /// The roots of the container's writable tmpfs mounts, whose files it
    /// is charged for.
    pub tmpfs: Vec<InodeId>,
    /// Whether the OOM killer has killed the container.
    pub oom_killed: bool,
}

/// Whether a container whose processes hold `usage` bytes is over its
/// memory limit: the kernel's charge fails once usage would exceed
/// `memory.max` (a cgroup exactly at its limit is still within it).
pub fn is_over_limit(usage: u64, limit: Option<u64>) -> bool {
    limit.is_some_and(|limit| usage > limit)
}
