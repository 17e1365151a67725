//! The node's pressure on pods: the kernel's OOM killer (a container over
//! its memory limit) and the eviction manager (an emptyDir over its
//! `sizeLimit`, every 10 s).

use super::schedule::PodKey;
use super::worker::Reporter;
use super::Kubelet;
use crate::clock::SimTime;
use crate::sim::actions::RuntimeState;
use crate::sim::events::EventType;
use crate::sim::objects::ObjectStore;
use crate::sim::reasons;
use crate::spec::Pod;

/// The kernel, on the node's behalf.
impl Kubelet {
    /// The OOM killer: a container whose processes hold more memory than its
    /// `resources.limits.memory` is killed whole (exit 137, `OOMKilled`).
    ///
    /// Only pods with such a limit are looked at (`memory_limited`), so a
    /// node of many pods without limits costs nothing here.
    pub(super) fn enforce_memory_limits(&mut self) {
        for key in &self.memory_limited {
            let Some(worker) = self.workers.get_mut(key) else {
                continue;
            };
            for running in worker
                .runtime
                .containers
                .iter()
                .filter(|c| c.state == RuntimeState::Running)
            {
                let limit = worker
                    .pod
                    .spec
                    .container(&running.name)
                    .and_then(|c| c.resources.as_ref())
                    .and_then(|r| r.limits.get("memory"))
                    .and_then(|q| q.value());
                // Most containers have no limit: nothing to look up or copy.
                let Some(limit) = limit else {
                    continue;
                };
                let Some(instance) = worker
                    .instances
                    .get(&(running.name.clone(), running.attempt))
                else {
                    continue;
                };
                let victim = (running.name.clone(), running.attempt);
                if !worker.oom_killed.contains(&victim)
                    && self.runtime.container_memory(instance.root) > limit
                {
                    self.runtime.kill_container(instance.root);
                    worker.oom_killed.insert(victim);
                }
            }
        }
    }
}

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

/// Which pods the OOM killer watches.
impl Kubelet {
    /// Has the OOM killer watch the pod `key` if any container of `pod`
    /// has a memory limit.
    pub(super) fn watch_memory_limits(&mut self, key: &PodKey, pod: &Pod) {
        let limited = pod
            .spec
            .init_containers
            .iter()
            .chain(&pod.spec.containers)
            .any(|c| {
                c.resources
                    .as_ref()
                    .is_some_and(|r| r.limits.contains_key("memory"))
            });
        if limited {
            self.memory_limited.insert(key.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::{parse_manifests, Manifest};

    fn pod(name: &str, resources: &str) -> Pod {
        let yaml = format!(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\nspec:\n  containers:\n  - name: app\n    image: busybox:1.28\n{resources}"
        );
        match parse_manifests(&yaml).documents.remove(0).manifest {
            Some(Manifest::Pod(pod)) => pod,
            other => panic!("not a pod: {other:?}"),
        }
    }

    #[test]
    fn the_oom_killer_watches_only_the_pods_with_a_memory_limit() {
        // Issue 15: it looked at every pod at every step of the clock, so
        // 10,000 pods took quadratic time.
        let mut kubelet = Kubelet::new("192.168.49.2");
        let cpu = "    resources:\n      limits:\n        cpu: 100m\n";
        let memory = "    resources:\n      limits:\n        memory: 64Mi\n";
        for (n, resources) in ["", cpu, memory, ""].into_iter().enumerate() {
            let key = ("default".to_string(), format!("p{n}"));
            kubelet.add_pod(
                key.clone(),
                pod(&key.1, resources),
                format!("u{n}"),
                SimTime::ZERO,
            );
        }
        let watched: Vec<&str> = kubelet
            .memory_limited
            .iter()
            .map(|k| k.1.as_str())
            .collect();
        assert_eq!(watched, ["p2"]);
    }
}
