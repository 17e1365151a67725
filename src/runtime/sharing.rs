//! The runtime's side of the CPU sharing ([`super::cpu_share`]): which
//! processes are busy (used up their last time slice, or spin parked), each
//! container's cgroup as the kubelet set it, and how often each busy
//! process runs a slice. When the busy set changes the node's cores are
//! shared again, and parked processes are settled up to that instant
//! before their pace changes, so their output is the same as if they had
//! run every slice.

use super::cpu_share::CpuCgroup;
use super::fs::InodeId;
use super::process::Process;
use super::program::{ProcessId, Wait};
use super::Runtime;
use crate::clock::SimTime;

impl Runtime {
    /// Gives the container whose root is `root` the CPU cgroup the kubelet
    /// computed for it (its `cpu.shares` and quota).
    pub fn set_cpu_cgroup(&mut self, root: InodeId, cgroup: CpuCgroup) {
        self.sharing.cgroups.insert(root, cgroup);
    }

    /// After `process` (of the container whose root is `root`) ran `steps`
    /// at `now`: counts its CPU, keeps the busy set, and has a process that
    /// used up its slice wait for its next one as its share says (a slice
    /// begun at `began` is followed by the next at `began` plus its
    /// interval, 10 ms when it has a core to itself).
    pub(super) fn end_slice(
        &mut self,
        process: &mut Process,
        root: InodeId,
        steps: u32,
        now: SimTime,
    ) {
        process.os.cpu.micros += u64::from(steps);
        let used_up = process.used_up_slice();
        process.os.cpu.busy = used_up.is_some();
        let id = process.os.id;
        let changed = if used_up.is_some() {
            self.sharing.busy.insert(id, root).is_none()
        } else {
            self.sharing.busy.remove(&id).is_some()
        };
        if changed {
            self.reshare(now);
        }
        if let Some(began) = used_up {
            let interval = self.sharing.interval(root);
            process.os.wait = Some(Wait::Until(began + interval));
        }
    }

    /// Tells `process`, just parked, when its next slice comes and how
    /// often the ones after do (for `top`).
    pub(super) fn mark_spinning(&self, process: &mut Process) {
        if let Some(parked) = self.parked.get(&process.os.id) {
            process.os.cpu.spinning = Some((parked.at, parked.interval));
        }
    }

    /// Shares the cores again after the busy set changed at `now`: a parked
    /// process whose pace changes is first settled up to `now`.
    fn reshare(&mut self, now: SimTime) {
        let before = std::mem::take(&mut self.sharing.intervals);
        self.sharing.share();
        let changed: Vec<ProcessId> = self
            .parked
            .iter()
            .filter(|(_, parked)| {
                before.get(&parked.root) != self.sharing.intervals.get(&parked.root)
            })
            .map(|(id, _)| *id)
            .collect();
        for id in changed {
            self.settle_one(id, now);
            let Some(parked) = self.parked.get_mut(&id) else {
                continue;
            };
            parked.interval = self.sharing.interval(parked.root);
            let (at, interval) = (parked.at, parked.interval);
            if let Some(process) = self.processes.get_mut(&id) {
                process.os.cpu.spinning = Some((at, interval));
            }
        }
    }
}
