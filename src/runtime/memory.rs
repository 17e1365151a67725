//! Memory per container, as its memory cgroup counts it, and the kernel's
//! OOM killer.
//!
//! The runtime creates a memory cgroup for each container it starts, with
//! the container's `resources.limits.memory` as `memory.max` (the CRI's
//! `LinuxContainerResources.memory_limit_in_bytes`). What the cgroup holds
//! is what the container's processes hold ([`super::process::Process::memory_bytes`]),
//! the command-substitution output a shell is reading, and the files of
//! its writable memory-backed mounts: an emptyDir with `medium: Memory` is
//! a tmpfs, and "any files you write count against your container's
//! memory limit" (kubernetes.io, Concepts → Storage → Volumes, emptyDir;
//! tmpfs pages are charged to the cgroup that writes them, so a Secret's
//! files, written by the kubelet, are not the container's). An emptyDir
//! shared by two containers is counted in each.
//!
//! When a charge would take the cgroup over `memory.max` and nothing can
//! be reclaimed (there is no swap, as the kubelet requires), the kernel's
//! OOM killer kills the cgroup's processes; since Kubernetes 1.28 the
//! kubelet sets `memory.oom.group` on cgroup v2 (the kubelet setting
//! `singleProcessOOMKill`, false by default, keeps it), so the whole
//! container goes at once. containerd then reports the container's exit with
//! reason `OOMKilled` (`internal/cri/server/events.go`: an OOM event for
//! the task sets it), exit code 137 (128 + SIGKILL).

use super::cgroup::{is_over_limit, Cgroup};
use super::fs::InodeId;
use super::process::Process;
use super::Runtime;
use std::collections::BTreeMap;

impl Runtime {
    /// Creates the memory cgroup of the container whose root is `root`:
    /// `limit` bytes at most (`None`: no limit), charged for the files in
    /// the tmpfs mounts rooted at `tmpfs`.
    pub fn create_memory_cgroup(&mut self, root: InodeId, limit: Option<u64>, tmpfs: Vec<InodeId>) {
        self.cgroups.insert(
            root,
            Cgroup {
                limit,
                tmpfs,
                oom_killed: false,
            },
        );
    }

    /// Removes the memory cgroup of the container whose root is `root`
    /// (its pod is gone).
    pub fn remove_memory_cgroup(&mut self, root: InodeId) {
        self.cgroups.remove(&root);
    }

    /// The memory the container whose root is `root` holds, in bytes (its
    /// memory cgroup's `memory.current`): its live processes', the
    /// command-substitution output they are reading, its tmpfs files.
    pub fn container_memory(&self, root: InodeId) -> u64 {
        let processes: u64 = self
            .processes
            .values()
            .filter(|p| p.os.exit_code.is_none() && p.container_root() == root)
            .map(|p| self.process_memory(p))
            .sum();
        processes + self.cgroups.get(&root).map_or(0, |c| self.tmpfs_memory(c))
    }

    /// What every container with a memory cgroup holds, by container root,
    /// in one pass over the processes (the eviction manager's stats).
    pub fn memory_by_container(&self) -> BTreeMap<InodeId, u64> {
        let mut usage: BTreeMap<InodeId, u64> = BTreeMap::new();
        for (&root, cgroup) in &self.cgroups {
            usage.insert(root, self.tmpfs_memory(cgroup));
        }
        for process in self.processes.values() {
            if process.os.exit_code.is_some() {
                continue;
            }
            if let Some(held) = usage.get_mut(&process.container_root()) {
                *held += self.process_memory(process);
            }
        }
        usage
    }

    /// What a live process holds, with the substitution output it reads.
    fn process_memory(&self, process: &Process) -> u64 {
        let reading = process.capture_read().and_then(|id| self.captures.get(id));
        process.memory_bytes() + reading.map_or(0, |capture| capture.len() as u64)
    }

    /// The bytes of `cgroup`'s tmpfs files, in whole pages.
    fn tmpfs_memory(&self, cgroup: &Cgroup) -> u64 {
        let files: usize = cgroup.tmpfs.iter().map(|&t| self.fs.tmpfs_used(t)).sum();
        files as u64
    }

    /// Whether the kernel's OOM killer killed the container whose root is
    /// `root` (its exit's reason is then `OOMKilled`).
    pub fn oom_killed(&self, root: InodeId) -> bool {
        self.cgroups
            .get(&root)
            .is_some_and(|cgroup| cgroup.oom_killed)
    }

    /// What the container whose root is `root` still has room for under
    /// its limit, in bytes, with the process about to run taken out of the
    /// table (so this is the room that process may fill); `None` without
    /// a limit.
    pub(super) fn memory_room(&self, root: InodeId) -> Option<u64> {
        let limit = self.cgroups.get(&root)?.limit?;
        Some(limit.saturating_sub(self.container_memory(root)))
    }

    /// After a process of the container whose root is `root` ran: if it
    /// ran out of the room its limit left it (`out_of_memory`), or the
    /// container now holds more than its limit (a program's data grew),
    /// the OOM killer kills the whole container.
    pub(super) fn enforce_memory_limit(&mut self, root: InodeId, out_of_memory: bool) {
        let Some(cgroup) = self.cgroups.get(&root) else {
            return;
        };
        if cgroup.limit.is_none() {
            return;
        }
        if out_of_memory || is_over_limit(self.container_memory(root), cgroup.limit) {
            self.kill_container(root);
            if let Some(cgroup) = self.cgroups.get_mut(&root) {
                cgroup.oom_killed = true;
            }
        }
    }
}
