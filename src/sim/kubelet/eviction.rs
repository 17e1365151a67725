//! The eviction manager: a pod whose emptyDir is over its `sizeLimit` is
//! evicted (checked every 10 s). The kernel's OOM killer, which ends a
//! container over its memory limit, is the runtime's (`runtime/memory.rs`).

use super::pressure::{
    memory_available, memory_eviction_message, rank_memory_pressure, under_memory_pressure,
    ContainerMemory, PodMemory,
};
use super::schedule::PodKey;
use super::worker::Reporter;
use super::Kubelet;
use crate::clock::SimTime;
use crate::sim::actions::RuntimeState;
use crate::sim::events::EventType;
use crate::sim::objects::ObjectStore;
use crate::sim::reasons;

/// The eviction manager.
impl Kubelet {
    /// Evicts every pod whose emptyDir holds more than its `sizeLimit`;
    /// if none, the first pod `rankMemoryPressure` orders when the node's
    /// `memory.available` is under its threshold.
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
        // Only when no pod was evicted for its local storage does the
        // manager look at the node's signals (`synchronize`).
        if evict.is_empty() {
            evict.extend(self.memory_pressure_victim());
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

/// The eviction manager's memory signal.
impl Kubelet {
    /// The pod to evict for the node's memory pressure and why, if the
    /// node is under it: every running container's working set from its
    /// memory cgroup, summed over the node.
    fn memory_pressure_victim(&self) -> Option<(PodKey, String)> {
        let usage = self.runtime.memory_by_container();
        let mut keys = Vec::new();
        let mut pods = Vec::new();
        for (key, worker) in &self.workers {
            if worker.terminal || worker.deletion.is_some() {
                continue;
            }
            let containers: Vec<ContainerMemory> = worker
                .runtime
                .containers
                .iter()
                .filter(|c| c.state == RuntimeState::Running)
                .filter_map(|running| {
                    let instance = worker
                        .instances
                        .get(&(running.name.clone(), running.attempt))?;
                    let spec = worker.pod.spec.container(&running.name);
                    Some(ContainerMemory {
                        name: running.name.clone(),
                        usage: usage.get(&instance.root).copied().unwrap_or(0),
                        request: spec
                            .and_then(|c| c.resources.as_ref())
                            .and_then(|r| r.requests.get("memory"))
                            .cloned(),
                    })
                })
                .collect();
            if !containers.is_empty() {
                keys.push(key.clone());
                pods.push(PodMemory {
                    priority: worker.pod.spec.priority.unwrap_or(0),
                    containers,
                });
            }
        }
        let used = usage.values().sum();
        let available = memory_available(used);
        if !under_memory_pressure(available) {
            return None;
        }
        let first = *rank_memory_pressure(&pods).first()?;
        Some((
            keys[first].clone(),
            memory_eviction_message(&pods[first], available),
        ))
    }
}
