//! The kubelet of the one node: a pod worker per pod that syncs it the way
//! `SyncPod` in `pkg/kubelet/kuberuntime/kuberuntime_manager.go` does.
//!
//! A sync sets up the pod's volumes, computes [`PodActions`] from the pod and
//! what the runtime reports ([`compute_pod_actions`]), then applies them in
//! SyncPod's numbered steps. Applying takes virtual time (a sandbox, an image
//! pull, a container creation), so the steps are a queue of operations the
//! worker works through, waiting on the clock between them. When the queue is
//! empty the sync is complete and the worker is requeued as `completeWork`
//! does: at once when something changed meanwhile, at a back-off's expiry, 10 s
//! after an error, else after the one-minute resync. Container changes reach
//! the worker as the generic PLEG sees them, at its next one-second relist.
//!
//! Versions: messages follow Kubernetes v1.36 (`Container created`,
//! `Container started`).

mod backoff;
mod checks;
mod container;
mod details;
mod eviction;
mod image;
mod kill;
mod listing;
mod logs;
mod plan;
mod pressure;
mod prober;
mod schedule;
mod status;
mod sync;
mod worker;

pub use details::{BackOffWait, PodDetails, StartPhase, StartWait};
pub use listing::NodeContainer;
pub use schedule::{KubeletEvent, PodKey};

use super::actions::{RuntimePod, RuntimeState};
use super::containers::{HostLocal, Instance};
use super::events::{Happening, History};
use super::objects::ObjectStore;
use super::{activity::ActivityLog, backoff::Backoff, generate::ReasonCache};
use crate::clock::SimTime;
use crate::runtime::fs::InodeId;
use crate::runtime::{ProcessId, Runtime, RuntimeEvent};
use crate::spec::Pod;
use checks::InFlight;
use plan::Op;
use schedule::{
    EVICTION_PERIOD_MILLIS, INITIAL_BACKOFF_MILLIS, MAX_BACKOFF_MILLIS, MINIMUM_GRACE_MILLIS,
    RELIST_MILLIS,
};
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::rc::Rc;
use worker::{Reporter, Worker};

/// The kubelet, its container runtime and the node's images.
pub struct Kubelet {
    /// The container runtime (processes, files, sockets).
    pub runtime: Runtime,
    /// The node's filesystem root.
    node_root: InodeId,
    /// The node's IP.
    host_ip: String,
    /// Pod workers by pod.
    workers: BTreeMap<PodKey, Worker>,
    /// Which pod and container each container's first process belongs to.
    processes: BTreeMap<ProcessId, (PodKey, String, u32)>,
    /// Container restart back-off.
    restart_backoff: Backoff,
    /// Image pull back-off.
    pull_backoff: Backoff,
    /// Images present on the node.
    images_present: BTreeSet<String>,
    /// Sandboxes created so far (for MACs and interface numbers).
    sandboxes_created: u64,
    /// The pod network's address management (CNI host-local).
    ipam: HostLocal,
    /// Pods whose status may have changed since the last `take_dirty`.
    dirty: BTreeSet<PodKey>,
    /// Pods the kubelet has finished with and removed.
    removed: Vec<PodKey>,
    /// Timed work for the cluster's queue.
    scheduled: Vec<(SimTime, KubeletEvent)>,
    /// Probe checks under way, by serial number.
    probes_in_flight: BTreeMap<u64, InFlight>,
    /// The next probe check's serial number.
    next_probe_serial: u64,
    /// Lifecycle hook processes, by the pod they are for.
    hook_processes: BTreeMap<ProcessId, PodKey>,
    /// What the processes did lately (files, connections), for the diagram.
    activity: ActivityLog,
}

impl Kubelet {
    /// A kubelet for a node at `host_ip` with nothing running.
    pub fn new(host_ip: &str) -> Kubelet {
        let mut runtime = Runtime::new();
        let node_root = runtime.fs.new_directory();
        Kubelet {
            runtime,
            node_root,
            host_ip: host_ip.to_string(),
            workers: BTreeMap::new(),
            processes: BTreeMap::new(),
            restart_backoff: Backoff::new(INITIAL_BACKOFF_MILLIS, MAX_BACKOFF_MILLIS),
            pull_backoff: Backoff::new(INITIAL_BACKOFF_MILLIS, MAX_BACKOFF_MILLIS),
            images_present: BTreeSet::new(),
            sandboxes_created: 0,
            ipam: HostLocal::default(),
            dirty: BTreeSet::new(),
            removed: Vec::new(),
            scheduled: schedule::first_ticks(),
            probes_in_flight: BTreeMap::new(),
            next_probe_serial: 0,
            hook_processes: BTreeMap::new(),
            activity: ActivityLog::default(),
        }
    }

    /// The node's filesystem root (hostPath volumes, the kubelet's pod directories).
    pub fn node_root(&self) -> InodeId {
        self.node_root
    }

    /// Timed work for the cluster's queue, since the last call.
    pub fn take_scheduled(&mut self) -> Vec<(SimTime, KubeletEvent)> {
        std::mem::take(&mut self.scheduled)
    }

    /// Pods whose status may have changed, since the last call.
    pub fn take_dirty(&mut self) -> BTreeSet<PodKey> {
        std::mem::take(&mut self.dirty)
    }

    /// Pods the kubelet has terminated and forgotten, since the last call.
    pub fn take_removed(&mut self) -> Vec<PodKey> {
        std::mem::take(&mut self.removed)
    }

    /// The container instance a log belongs to: the newest (or, with
    /// `previous`, the one before) instance of container `name` of the pod.
    pub fn container_log(&self, key: &PodKey, name: &str, previous: bool) -> Option<usize> {
        let worker = self.workers.get(key)?;
        let instance = if previous {
            worker.runtime.previous(name)?
        } else {
            worker.runtime.find(name)?
        };
        worker
            .instances
            .get(&(name.to_string(), instance.attempt))
            .map(|i| i.log)
    }

    /// The running instance of container `name` of the pod.
    pub fn running_instance(&self, key: &PodKey, name: &str) -> Option<Instance> {
        let worker = self.workers.get(key)?;
        let newest = worker.runtime.find(name)?;
        (newest.state == RuntimeState::Running)
            .then(|| {
                worker
                    .instances
                    .get(&(name.to_string(), newest.attempt))
                    .copied()
            })
            .flatten()
    }

    /// A pod bound to this node: the kubelet starts a worker and syncs it.
    pub fn add_pod(&mut self, key: PodKey, pod: Pod, uid: String, now: SimTime) {
        self.workers.insert(
            key.clone(),
            Worker {
                pod: Rc::new(pod),
                uid,
                runtime: RuntimePod::default(),
                instances: BTreeMap::new(),
                sandbox: None,
                pod_ip: None,
                volumes: None,
                mount_failures: 0,
                reasons: ReasonCache::new(),
                plan: VecDeque::new(),
                waiting: None,
                busy: false,
                pending_sync: false,
                sync_error: None,
                sync_generation: 0,
                resume_generation: 0,
                relist_at: None,
                deletion: None,
                stopping: Vec::new(),
                terminal: false,
                start_time: now,
                tallies: BTreeMap::new(),
                sandbox_times: None,
                evicted: None,
                status_memo: None,
            },
        );
        self.dirty.insert(key.clone());
        self.schedule_sync(&key, now);
    }

    /// The API server marked the pod for deletion with a grace period.
    pub fn delete_pod(
        &mut self,
        key: &PodKey,
        grace_millis: u64,
        now: SimTime,
        objects: &ObjectStore,
        history: &mut History,
    ) {
        let Some(worker) = self.workers.get_mut(key) else {
            return;
        };
        if worker.deletion.is_some() {
            return;
        }
        worker.deletion = Some(grace_millis.max(MINIMUM_GRACE_MILLIS));
        if worker.busy {
            worker.pending_sync = true;
        } else {
            self.sync(key, now, objects, &mut Reporter { history, now });
        }
    }

    /// Handles one of the kubelet's own timed events.
    pub fn handle(
        &mut self,
        event: KubeletEvent,
        now: SimTime,
        objects: &ObjectStore,
        history: &mut History,
    ) {
        let reporter = &mut Reporter { history, now };
        match event {
            KubeletEvent::Sync { key, generation } => {
                let current = self.workers.get(&key).map(|w| w.sync_generation);
                if current == Some(generation) {
                    self.sync(&key, now, objects, reporter);
                }
            }
            KubeletEvent::Resume { key, generation } => {
                let current = self.workers.get(&key).map(|w| w.resume_generation);
                if current == Some(generation) {
                    self.continue_plan(&key, now, objects, reporter);
                }
            }
            KubeletEvent::Probe {
                key,
                container,
                attempt,
                kind,
            } => self.probe_tick(&key, &container, attempt, kind, now, reporter),
            KubeletEvent::ProbeDeadline { serial } => {
                self.probe_deadline(serial, now, reporter.history);
            }
            KubeletEvent::EvictionCheck => {
                self.scheduled
                    .push((now + EVICTION_PERIOD_MILLIS, KubeletEvent::EvictionCheck));
                self.check_evictions(now, objects, reporter);
            }
            KubeletEvent::LogRotation => self.rotate_logs(now),
            KubeletEvent::Relist { key } => {
                let Some(worker) = self.workers.get_mut(&key) else {
                    return;
                };
                worker.relist_at = None;
                if worker.busy {
                    worker.pending_sync = true;
                } else {
                    self.sync(&key, now, objects, reporter);
                }
            }
        }
    }

    /// Takes note of what the runtime's processes did: a container whose
    /// first process exited has exited.
    pub fn observe(&mut self, events: &[RuntimeEvent], now: SimTime, history: &mut History) {
        self.record_activity(events, now);
        self.poll_probes(events, now, history);
        self.close_logs_of_exited(events, now);
        for event in events {
            let RuntimeEvent::Exited { process, code } = event else {
                continue;
            };
            if let Some(key) = self.hook_processes.remove(process) {
                self.resume_now(&key, now);
                continue;
            }
            let Some((key, name, attempt)) = self.processes.remove(process) else {
                continue;
            };
            let Some(worker) = self.workers.get_mut(&key) else {
                continue;
            };
            if let Some(container) = worker
                .runtime
                .containers
                .iter_mut()
                .find(|c| c.name == name && c.attempt == attempt)
            {
                container.state = RuntimeState::Exited;
                container.exit_code = *code;
                let oom_killed = worker
                    .instances
                    .get(&(name.clone(), attempt))
                    .is_some_and(|instance| self.runtime.oom_killed(instance.root));
                container.reason = if oom_killed {
                    "OOMKilled"
                } else if *code == 0 {
                    "Completed"
                } else {
                    "Error"
                }
                .to_string();
                container.finished_at = Some(now);
                history.note(
                    now,
                    &key.0,
                    &key.1,
                    Happening::ContainerExited {
                        container: name.clone(),
                        attempt,
                        exit_code: *code,
                    },
                );
            }
            self.dirty.insert(key.clone());
            self.schedule_relist(&key, now);
            let waiting = matches!(
                self.workers[&key].plan.front(),
                Some(Op::AwaitStopped { .. })
            );
            if waiting {
                self.resume_now(&key, now);
            }
        }
    }

    /// Resumes the operation the worker waits on now (something it waits
    /// for has happened), cancelling its timed resume.
    fn resume_now(&mut self, key: &PodKey, now: SimTime) {
        if let Some(worker) = self.workers.get_mut(key) {
            worker.resume_generation += 1;
            let generation = worker.resume_generation;
            self.scheduled.push((
                now,
                KubeletEvent::Resume {
                    key: key.clone(),
                    generation,
                },
            ));
        }
    }

    fn schedule_sync(&mut self, key: &PodKey, at: SimTime) {
        if let Some(worker) = self.workers.get_mut(key) {
            worker.sync_generation += 1;
            let generation = worker.sync_generation;
            self.scheduled.push((
                at,
                KubeletEvent::Sync {
                    key: key.clone(),
                    generation,
                },
            ));
        }
    }

    /// The PLEG notices a change at its next relist.
    fn schedule_relist(&mut self, key: &PodKey, now: SimTime) {
        let Some(worker) = self.workers.get_mut(key) else {
            return;
        };
        if worker.relist_at.is_some() {
            return;
        }
        let tick = SimTime::from_millis((now.as_millis() / RELIST_MILLIS + 1) * RELIST_MILLIS);
        worker.relist_at = Some(tick);
        self.scheduled
            .push((tick, KubeletEvent::Relist { key: key.clone() }));
    }
}
