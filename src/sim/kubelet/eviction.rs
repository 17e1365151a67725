//! The eviction manager: a pod whose emptyDir is over its `sizeLimit` is
//! evicted (checked every 10 s). The kernel's OOM killer, which ends a
//! container over its memory limit, is the runtime's (`runtime/memory.rs`).

use super::worker::Reporter;
use super::Kubelet;
use crate::clock::SimTime;
use crate::sim::events::EventType;
use crate::sim::objects::ObjectStore;
use crate::sim::reasons;

/// The eviction manager.
impl Kubelet {
    /// Evicts every pod whose emptyDir holds more than its `sizeLimit`.
    pub(super) fn check_evictions(
        &mut self,
        now: SimTime,
        objects: &ObjectStore,
        reporter: &mut Reporter<'_>,
    ) {
        let mut evict = Vec::new();
        for (key, worker) in &self.workers {
            if worker.terminal || worker.deletion.is_some() {
                continue;
            }
            let Some(volumes) = &worker.volumes else {
                continue;
            };
            for volume in &worker.pod.spec.volumes {
                let Some(limit) = volume
                    .empty_dir
                    .as_ref()
                    .and_then(|e| e.size_limit.as_ref())
                else {
                    continue;
                };
                let (Some(bytes), Some(&directory)) = (limit.value(), volumes.get(&volume.name))
                else {
                    continue;
                };
                if self.runtime.fs.bytes_under(directory) as u64 > bytes {
                    evict.push((
                        key.clone(),
                        reasons::empty_dir_over_limit(&volume.name, limit),
                    ));
                    break;
                }
            }
        }
        for (key, message) in evict {
            let Some(worker) = self.workers.get_mut(&key) else {
                continue;
            };
            reporter.pod_event(
                worker,
                "",
                EventType::Warning,
                reasons::EVICTED,
                message.clone(),
            );
            worker.evicted = Some(message);
            let busy = worker.busy;
            if busy {
                worker.pending_sync = true;
            }
            self.dirty.insert(key.clone());
            if !busy {
                self.sync(&key, now, objects, reporter);
            }
        }
    }
}
