//! The node's memory as `/proc/meminfo` gives it, made up from the
//! processes' resident sizes, and what one screen of `top` shows.

use crate::runtime::programs::memory::NODE_MEMORY_KB;
use crate::runtime::programs::ps::PsRow;

/// Memory in use on the node outside the pods (the OS, containerd, the kubelet), in kB.
const NODE_BASE_USED_KB: u64 = 1_046_528;
/// The node's buffers, in kB.
const NODE_BUFFERS_KB: u64 = 60_416;
/// The node's page cache, in kB.
const NODE_CACHED_KB: u64 = 1_283_840;
/// The node's shared memory (tmpfs, shm), in kB.
const NODE_SHARED_KB: u64 = 2_516;

/// The node's memory, in kB, as `/proc/meminfo` gives it.
pub struct Memory {
    /// All of it.
    pub total: u64,
    /// In use by processes (neither free nor buffers and cache).
    pub used: u64,
    /// Unused.
    pub free: u64,
    /// Shared (tmpfs, shm).
    pub shared: u64,
    /// Buffers.
    pub buffers: u64,
    /// Page cache.
    pub cached: u64,
    /// Available to new processes without swapping.
    pub available: u64,
}

impl Memory {
    /// The node's memory while its processes hold `process_kb`.
    pub fn of(process_kb: u64) -> Memory {
        let total = NODE_MEMORY_KB;
        let used = (NODE_BASE_USED_KB + process_kb).min(total);
        let free = total.saturating_sub(used + NODE_BUFFERS_KB + NODE_CACHED_KB);
        Memory {
            total,
            used,
            free,
            shared: NODE_SHARED_KB,
            buffers: NODE_BUFFERS_KB,
            cached: NODE_CACHED_KB,
            available: free + (NODE_BUFFERS_KB + NODE_CACHED_KB) * 4 / 5,
        }
    }

    /// Buffers and page cache together (`buff/cache`).
    pub fn buff_cache(&self) -> u64 {
        self.buffers + self.cached
    }
}

/// What one screen shows.
pub struct Snapshot {
    /// The PID namespace's processes, by PID.
    pub rows: Vec<PsRow>,
    /// The node's memory.
    pub memory: Memory,
    /// Every task of the node.
    pub node_tasks: usize,
}
