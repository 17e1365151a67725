//! The pod worker: the kubelet's state for one pod (its plan, its runtime
//! view, its sandbox and volumes), the helpers that read a pod's spec for it
//! (grace period, stop signal, field path), and the reporter that records
//! its Events. Knows nothing of the kubelet that holds it.

use super::plan::{Flow, Op, Slot, Stopping, SyncError};
use super::schedule::MINIMUM_GRACE_MILLIS;
use crate::clock::SimTime;
use crate::runtime::fs::InodeId;
use crate::runtime::images;
use crate::sim::actions::{RuntimePod, RuntimeState};
use crate::sim::containers::{Instance, Sandbox};
use crate::sim::events::{EventType, Happening, History, Report};
use crate::sim::generate::ReasonCache;
use crate::sim::prober::{ProbeKind, Tally};
use crate::sim::reasons;
use crate::sim::status::PodStatus;
use crate::spec::{Container, Pod};
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::rc::Rc;

/// The kubelet's state for one pod.
pub(super) struct Worker {
    /// The pod as the API server stores it.
    pub(super) pod: Rc<Pod>,
    /// Its uid.
    pub(super) uid: String,
    /// What the runtime knows of it.
    pub(super) runtime: RuntimePod,
    /// Started containers by (name, attempt).
    pub(super) instances: BTreeMap<(String, u32), Instance>,
    /// The running sandbox.
    pub(super) sandbox: Option<Sandbox>,
    /// The pod's IP, once a sandbox had one.
    pub(super) pod_ip: Option<String>,
    /// The volumes' directories, once set up.
    pub(super) volumes: Option<BTreeMap<String, InodeId>>,
    /// How many times setting up the volumes failed in a row.
    pub(super) mount_failures: u32,
    /// Why the last start of each container failed.
    pub(super) reasons: ReasonCache,
    /// The rest of the current sync.
    pub(super) plan: VecDeque<Op>,
    /// While the plan's first operation waits on the clock: since and until when.
    pub(super) waiting: Option<(SimTime, SimTime)>,
    /// Whether the worker is in a sync (waiting on an operation or not).
    pub(super) busy: bool,
    /// Something changed during the sync: sync again when it completes.
    pub(super) pending_sync: bool,
    /// The current sync's error, for the requeue.
    pub(super) sync_error: Option<SyncError>,
    /// Bumped to cancel a scheduled requeue.
    pub(super) sync_generation: u64,
    /// Bumped to cancel a scheduled resume.
    pub(super) resume_generation: u64,
    /// When the PLEG will next relist for this pod, if a change awaits it.
    pub(super) relist_at: Option<SimTime>,
    /// The grace period of a requested deletion, in milliseconds.
    pub(super) deletion: Option<u64>,
    /// Containers being stopped.
    pub(super) stopping: Vec<Stopping>,
    /// The kubelet has stopped the pod for good.
    pub(super) terminal: bool,
    /// When the kubelet first saw the pod.
    pub(super) start_time: SimTime,
    /// Each probe's run of results, by container, attempt and probe.
    pub(super) tallies: BTreeMap<(String, u32, ProbeKind), Tally>,
    /// When the newest sandbox was created, and when it stopped.
    pub(super) sandbox_times: Option<(SimTime, Option<SimTime>)>,
    /// Why the eviction manager evicted the pod, once it has.
    pub(super) evicted: Option<String>,
    /// What the last generated status was made from, and that status.
    pub(super) status_memo: Option<(StatusInputs, PodStatus)>,
}

/// Everything [`api_pod_status`] reads of a worker: generating from equal
/// inputs and the status it last gave as `previous` gives that status again.
pub(super) struct StatusInputs {
    pub(super) pod: Rc<Pod>,
    pub(super) runtime: RuntimePod,
    pub(super) reasons: ReasonCache,
    pub(super) sandbox_ready: bool,
    pub(super) pod_ip: Option<String>,
    pub(super) start_time: SimTime,
    pub(super) terminal: bool,
    pub(super) evicted: Option<String>,
}

impl StatusInputs {
    /// Whether `worker` has exactly these inputs (its pod the same object).
    pub(super) fn matches(&self, worker: &Worker) -> bool {
        Rc::ptr_eq(&self.pod, &worker.pod)
            && self.sandbox_ready == worker.sandbox.is_some()
            && self.terminal == worker.terminal
            && self.start_time == worker.start_time
            && self.pod_ip == worker.pod_ip
            && self.evicted == worker.evicted
            && self.runtime == worker.runtime
            && self.reasons == worker.reasons
    }
}

impl Worker {
    /// The key of container `name`'s restart back-off (the kubelet's
    /// `podName_namespace_podUID_containerName`).
    pub(super) fn backoff_key(&self, name: &str) -> String {
        format!(
            "{}_{}_{}_{name}",
            self.pod.metadata.name,
            self.pod.namespace(),
            self.uid
        )
    }

    /// The container garbage collector: of each container, only the newest
    /// instance and the one before it are kept (`MaxPerPodContainer` is 1
    /// dead instance), so long runs keep flat memory. Returns the logs of the
    /// instances removed, whose files go with them.
    pub(super) fn collect_garbage(&mut self) -> Vec<usize> {
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        self.runtime.containers.retain(|c| {
            let count = seen.entry(c.name.clone()).or_insert(0);
            *count += 1;
            *count <= 2
        });
        let kept: BTreeSet<(String, u32)> = self
            .runtime
            .containers
            .iter()
            .map(|c| (c.name.clone(), c.attempt))
            .collect();
        let removed = self
            .instances
            .iter()
            .filter(|(key, _)| !kept.contains(*key))
            .map(|(_, instance)| instance.log)
            .collect();
        self.instances.retain(|key, _| kept.contains(key));
        self.tallies
            .retain(|(name, attempt, _), _| kept.contains(&(name.clone(), *attempt)));
        removed
    }

    /// The pod's termination grace period.
    pub(super) fn pod_grace_millis(&self) -> u64 {
        let seconds = self.pod.spec.termination_grace_period_seconds.unwrap_or(30);
        (seconds.max(0) as u64 * 1000).max(MINIMUM_GRACE_MILLIS)
    }

    /// Records a sync error; of two back-offs the earlier expiry wins.
    pub(super) fn note_error(&mut self, error: SyncError) {
        self.sync_error = Some(match (self.sync_error, error) {
            (Some(SyncError::BackOffUntil(a)), SyncError::BackOffUntil(b)) => {
                SyncError::BackOffUntil(a.min(b))
            }
            (Some(SyncError::BackOffUntil(a)), SyncError::Other) => SyncError::BackOffUntil(a),
            (_, error) => error,
        });
    }
}

/// Plans stopping every running container (each with a `Killing` event and
/// SIGTERM), waiting up to the grace period, then stopping the sandbox.
pub(super) fn plan_kill_pod(worker: &mut Worker, grace_millis: u64, now: SimTime) {
    let running: Vec<String> = worker
        .runtime
        .containers
        .iter()
        .filter(|c| c.state == RuntimeState::Running)
        .map(|c| c.name.clone())
        .collect();
    for name in &running {
        worker.plan.push_back(Op::Kill {
            name: name.clone(),
            message: reasons::stopping_container(name),
        });
    }
    if !running.is_empty() {
        worker.plan.push_back(Op::AwaitStopped {
            deadline: now + grace_millis,
        });
    }
    worker.plan.push_back(Op::StopSandbox);
}

/// The signal that stops container `name` of `pod`: its image's STOPSIGNAL.
pub(super) fn stop_signal(pod: &Pod, name: &str) -> i32 {
    pod.spec
        .container(name)
        .and_then(|c| images::resolve(&c.image).ok())
        .map_or(15, |image| images::stop_signal(&image))
}

/// The container at `slot` of the pod's spec.
pub(super) fn container_at(pod: &Pod, slot: Slot) -> Option<&Container> {
    let list = if slot.init {
        &pod.spec.init_containers
    } else {
        &pod.spec.containers
    };
    list.get(slot.index)
}

/// What a failed start does to the sync: an init container that is not a
/// sidecar aborts it; any other container lets the sync go on.
pub(super) fn failed_start(slot: Slot, container: &Container) -> Flow {
    if slot.init && !container.is_restartable() {
        Flow::Abort
    } else {
        Flow::Next
    }
}

/// The event field path of container `name`: `spec.containers{name}` or
/// `spec.initContainers{name}`.
pub(super) fn field_path(pod: &Pod, name: &str) -> String {
    if pod.spec.init_containers.iter().any(|c| c.name == name) {
        format!("spec.initContainers{{{name}}}")
    } else {
        format!("spec.containers{{{name}}}")
    }
}

/// `format.Pod`: `name_namespace(uid)`.
pub(super) fn format_pod(pod: &Pod, uid: &str) -> String {
    format!("{}_{}({uid})", pod.metadata.name, pod.namespace())
}

/// Records the kubelet's events and happenings at the current time.
pub(super) struct Reporter<'a> {
    pub(super) history: &'a mut History,
    pub(super) now: SimTime,
}

impl Reporter<'_> {
    pub(super) fn pod_event(
        &mut self,
        worker: &Worker,
        field_path: &str,
        event_type: EventType,
        reason: &'static str,
        message: String,
    ) {
        self.history.report(
            Report {
                namespace: worker.pod.namespace().to_string(),
                name: worker.pod.metadata.name.clone(),
                uid: worker.uid.clone(),
                field_path: field_path.to_string(),
                event_type,
                reason,
                message,
                source: "kubelet",
            },
            self.now,
        );
    }

    pub(super) fn note(&mut self, worker: &Worker, happening: Happening) {
        self.history.note(
            self.now,
            worker.pod.namespace(),
            &worker.pod.metadata.name,
            happening,
        );
    }
}
