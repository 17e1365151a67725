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

mod details;

pub use details::{BackOffWait, PodDetails, StartPhase, StartWait};

use super::actions::{
    compute_pod_actions, ProbeResult, ProbeResults, RuntimeContainer, RuntimePod, RuntimeSandbox,
    RuntimeState,
};
use super::activity::ActivityLog;
use super::backoff::{go_duration, Backoff};
use super::containers::{self, Instance, Sandbox};
use super::events::{EventType, Happening, History, Report};
use super::generate::{api_pod_status, PodFacts, ReasonCache};
use super::ids::runtime_id;
use super::objects::ObjectStore;
use super::prober::{self, Check, ProbeKind, Tally};
use super::status::PodStatus;
use crate::clock::SimTime;
use crate::runtime::fs::InodeId;
use crate::runtime::{images, Connection, ProcessId, Runtime, RuntimeEvent};
use crate::spec::{Container, Pod};
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::rc::Rc;

/// A pod's (namespace, name).
pub type PodKey = (String, String);

/// How long creating a sandbox (the pause container and its network) takes.
const SANDBOX_CREATION_MILLIS: u64 = 500;

/// How long creating a container takes once its image is present.
const CONTAINER_CREATION_MILLIS: u64 = 100;

/// How long a pull that the registry refuses takes.
const FAILED_PULL_MILLIS: u64 = 800;

/// The pod worker's resync interval (the kubelet's `syncFrequency`).
const RESYNC_MILLIS: u64 = 60_000;

/// The requeue delay after a sync error (`backOffPeriod`).
const ERROR_REQUEUE_MILLIS: u64 = 10_000;

/// The generic PLEG's relist period.
const RELIST_MILLIS: u64 = 1_000;

/// Container restarts and image pulls back off from 10 s to 300 s.
const INITIAL_BACKOFF_MILLIS: u64 = 10_000;
const MAX_BACKOFF_MILLIS: u64 = 300_000;

/// The volume manager retries a failed mount after 500 ms, doubling to 2m2s.
const MOUNT_RETRY_MILLIS: u64 = 500;
const MAX_MOUNT_RETRY_MILLIS: u64 = 122_000;

/// How often the eviction manager looks at usage (`evictionMonitoringPeriod`).
const EVICTION_PERIOD_MILLIS: u64 = 10_000;

/// The shortest grace period the kubelet gives a container.
const MINIMUM_GRACE_MILLIS: u64 = 2_000;

/// Something the kubelet will do at a given time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KubeletEvent {
    /// The pod worker's requeued sync (only the latest `generation` counts).
    Sync { key: PodKey, generation: u64 },
    /// The operation the worker waits on is due (only the latest `generation`).
    Resume { key: PodKey, generation: u64 },
    /// The PLEG relists and tells the worker its containers changed.
    Relist { key: PodKey },
    /// A probe's period has come round for one container instance.
    Probe {
        key: PodKey,
        container: String,
        attempt: u32,
        kind: ProbeKind,
    },
    /// A probe check's timeout (the `serial`-th check).
    ProbeDeadline { serial: u64 },
    /// The eviction manager's periodic look at the pods' emptyDir usage.
    EvictionCheck,
}

/// Which probe of which container instance.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ProbeTarget {
    /// The pod.
    key: PodKey,
    /// The container's name.
    container: String,
    /// The container instance's attempt.
    attempt: u32,
    /// Which probe.
    kind: ProbeKind,
}

/// A probe check under way.
#[derive(Debug, Clone, PartialEq, Eq)]
struct InFlight {
    /// Whose check it is.
    target: ProbeTarget,
    /// What is being waited for.
    check: Pending,
}

/// What a check under way waits for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Pending {
    /// The command's process to exit; its output is in `log`.
    Exec {
        process: ProcessId,
        log: usize,
        command: String,
    },
    /// The server's answer.
    Http {
        connection: Connection,
        url: String,
        received: Vec<u8>,
    },
}

/// A container (or a pod's sandbox) as the node's runtime lists it
/// (`crictl ps -a`, `crictl pods`, `docker ps -a`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeContainer {
    /// The runtime's id (64 hex digits).
    pub id: String,
    /// The id of the pod's sandbox.
    pub pod_id: String,
    /// The container's name in the spec, or `POD` for the sandbox.
    pub name: String,
    /// The pod's name.
    pub pod: String,
    /// The pod's namespace.
    pub namespace: String,
    /// The pod's uid.
    pub uid: String,
    /// How many instances of it came before.
    pub attempt: u32,
    /// The image.
    pub image: String,
    /// The command line of its first process.
    pub command: Vec<String>,
    /// When it was created.
    pub created: SimTime,
    /// Whether it runs; else how it ended and when.
    pub exited: Option<(i32, SimTime)>,
}

/// The address probes come from: the node's side of the pod network.
const PROBE_SOURCE: [u8; 4] = [10, 244, 1, 1];

/// Which container of the spec: an init container or an app container, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    /// Whether it is in `spec.initContainers`.
    pub init: bool,
    /// Its index there.
    pub index: usize,
}

/// How far a container start has come.
#[derive(Debug, Clone, PartialEq, Eq)]
enum StartStage {
    /// Check the back-off, then the image.
    Begin,
    /// The pull ended: the milliseconds it took, or the registry's error.
    Pulled(Result<u64, String>),
    /// The container is created; start its process.
    Created,
    /// Its postStart hook runs: a command (its process), or a sleep.
    PostStart(Option<ProcessId>),
}

/// A container being stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stopping {
    /// Its name.
    name: String,
    /// Its instance.
    attempt: u32,
    /// Its preStop hook, while it runs: SIGTERM follows it.
    hook: Option<HookRun>,
}

/// A lifecycle hook that runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HookRun {
    /// A command in the container.
    Process(ProcessId),
    /// A `sleep` action, until this time.
    Until(SimTime),
}

/// One operation of a sync, in SyncPod's order.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Op {
    /// Step 2/3: stop a running container (`Killing` event, SIGTERM).
    Kill { name: String, message: String },
    /// Wait until the stopped containers exit; SIGKILL the rest at `deadline`.
    AwaitStopped { deadline: SimTime },
    /// Step 2: stop the sandbox.
    StopSandbox,
    /// Step 4: create the sandbox; `done` once its creation time has passed.
    CreateSandbox { attempt: u32, done: bool },
    /// Steps 6 and 8: start a container.
    Start { slot: Slot, stage: StartStage },
    /// After termination: tear the volumes down and forget the pod.
    Remove,
    /// End the sync here (a regular init container did not start).
    EndSync,
}

/// What executing an operation leads to.
enum Flow {
    /// Go on with the next operation now.
    Next,
    /// Resume with this operation at this time.
    Wait(SimTime, Op),
    /// A regular init container could not start: end this sync.
    Abort,
}

/// Why a sync did not do all it wanted (`completeWork`'s requeue decision).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SyncError {
    /// A back-off that ends at this time.
    BackOffUntil(SimTime),
    /// Any other error: retry after `backOffPeriod`.
    Other,
}

/// The kubelet's state for one pod.
struct Worker {
    /// The pod as the API server stores it.
    pod: Rc<Pod>,
    /// Its uid.
    uid: String,
    /// What the runtime knows of it.
    runtime: RuntimePod,
    /// Started containers by (name, attempt).
    instances: BTreeMap<(String, u32), Instance>,
    /// The running sandbox.
    sandbox: Option<Sandbox>,
    /// The pod's IP, once a sandbox had one.
    pod_ip: Option<String>,
    /// The volumes' directories, once set up.
    volumes: Option<BTreeMap<String, InodeId>>,
    /// How many times setting up the volumes failed in a row.
    mount_failures: u32,
    /// Why the last start of each container failed.
    reasons: ReasonCache,
    /// The rest of the current sync.
    plan: VecDeque<Op>,
    /// While the plan's first operation waits on the clock: since and until when.
    waiting: Option<(SimTime, SimTime)>,
    /// Whether the worker is in a sync (waiting on an operation or not).
    busy: bool,
    /// Something changed during the sync: sync again when it completes.
    pending_sync: bool,
    /// The current sync's error, for the requeue.
    sync_error: Option<SyncError>,
    /// Bumped to cancel a scheduled requeue.
    sync_generation: u64,
    /// Bumped to cancel a scheduled resume.
    resume_generation: u64,
    /// When the PLEG will next relist for this pod, if a change awaits it.
    relist_at: Option<SimTime>,
    /// The grace period of a requested deletion, in milliseconds.
    deletion: Option<u64>,
    /// Containers being stopped.
    stopping: Vec<Stopping>,
    /// The kubelet has stopped the pod for good.
    terminal: bool,
    /// When the kubelet first saw the pod.
    start_time: SimTime,
    /// Each probe's run of results, by container, attempt and probe.
    tallies: BTreeMap<(String, u32, ProbeKind), Tally>,
    /// When the newest sandbox was created, and when it stopped.
    sandbox_times: Option<(SimTime, Option<SimTime>)>,
    /// Why the eviction manager evicted the pod, once it has.
    evicted: Option<String>,
    /// Container instances the kernel's OOM killer ended: (name, attempt).
    oom_killed: BTreeSet<(String, u32)>,
    /// What the last generated status was made from, and that status.
    status_memo: Option<(StatusInputs, PodStatus)>,
}

/// Everything [`api_pod_status`] reads of a worker: generating from equal
/// inputs and the status it last gave as `previous` gives that status again.
struct StatusInputs {
    pod: Rc<Pod>,
    runtime: RuntimePod,
    reasons: ReasonCache,
    sandbox_ready: bool,
    pod_ip: Option<String>,
    start_time: SimTime,
    terminal: bool,
    evicted: Option<String>,
}

impl StatusInputs {
    /// Whether `worker` has exactly these inputs (its pod the same object).
    fn matches(&self, worker: &Worker) -> bool {
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
    /// Sandboxes created so far (for IPs and MACs).
    sandboxes_created: u64,
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
            dirty: BTreeSet::new(),
            removed: Vec::new(),
            scheduled: vec![(
                SimTime::from_millis(EVICTION_PERIOD_MILLIS),
                KubeletEvent::EvictionCheck,
            )],
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

    /// Every sandbox and container the node's runtime holds, newest first:
    /// running ones and, per container, the last one that exited (the
    /// kubelet's garbage collector keeps one dead instance each).
    pub fn node_containers(&self) -> Vec<NodeContainer> {
        let mut listed = Vec::new();
        for worker in self.workers.values() {
            let Some((created, stopped)) = worker.sandbox_times else {
                continue;
            };
            let sandbox_attempt = worker.runtime.sandbox.map_or(0, |s| s.attempt);
            let pod_id = runtime_id(&worker.uid, "POD", sandbox_attempt);
            let entry =
                |name: &str, attempt: u32, image: &str, command: Vec<String>| NodeContainer {
                    id: runtime_id(&worker.uid, name, attempt),
                    pod_id: pod_id.clone(),
                    name: name.to_string(),
                    pod: worker.pod.metadata.name.clone(),
                    namespace: worker.pod.namespace().to_string(),
                    uid: worker.uid.clone(),
                    attempt,
                    image: image.to_string(),
                    command,
                    created,
                    exited: None,
                };
            listed.push(NodeContainer {
                exited: stopped.map(|at| (0, at)),
                ..entry(
                    "POD",
                    sandbox_attempt,
                    containers::PAUSE_IMAGE,
                    vec!["/pause".to_string()],
                )
            });
            let mut dead_kept = BTreeSet::new();
            for instance in &worker.runtime.containers {
                let exited = instance.state == RuntimeState::Exited;
                if exited && !dead_kept.insert(instance.name.clone()) {
                    continue;
                }
                let Some(container) = worker.pod.spec.container(&instance.name) else {
                    continue;
                };
                let image = images::resolve(&container.image).unwrap_or(images::GENERIC);
                let command = images::container_argv(&image, &container.command, &container.args);
                listed.push(NodeContainer {
                    created: instance.started_at,
                    exited: exited.then(|| {
                        (
                            instance.exit_code,
                            instance.finished_at.unwrap_or(instance.started_at),
                        )
                    }),
                    ..entry(&instance.name, instance.attempt, &container.image, command)
                });
            }
        }
        crate::sort::sort_by(&mut listed, |a, b| {
            b.created.cmp(&a.created).then(a.id.cmp(&b.id))
        });
        listed
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

    /// The pod's status as the kubelet would report it now, or `None` when
    /// it is `previous` unchanged (or the kubelet has no such pod).
    pub fn api_status(
        &mut self,
        key: &PodKey,
        previous: &PodStatus,
        now: SimTime,
    ) -> Option<PodStatus> {
        let worker = self.workers.get_mut(key)?;
        if let Some((inputs, last)) = &worker.status_memo {
            if inputs.matches(worker) && last == previous {
                return None;
            }
        }
        let facts = PodFacts {
            pod: &worker.pod,
            runtime: &worker.runtime,
            reasons: &worker.reasons,
            sandbox_ready: worker.sandbox.is_some(),
            pod_ip: worker.pod_ip.clone(),
            host_ip: self.host_ip.clone(),
            start_time: worker.start_time,
            terminal: worker.terminal,
            evicted: worker.evicted.clone(),
        };
        let status = api_pod_status(&facts, previous, now);
        let inputs = StatusInputs {
            pod: Rc::clone(&worker.pod),
            runtime: worker.runtime.clone(),
            reasons: worker.reasons.clone(),
            sandbox_ready: worker.sandbox.is_some(),
            pod_ip: worker.pod_ip.clone(),
            start_time: worker.start_time,
            terminal: worker.terminal,
            evicted: worker.evicted.clone(),
        };
        worker.status_memo = Some((inputs, status.clone()));
        (status != *previous).then_some(status)
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
                oom_killed: BTreeSet::new(),
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
                if let Some(in_flight) = self.probes_in_flight.remove(&serial) {
                    let message = match &in_flight.check {
                        Pending::Exec { process, command, .. } => {
                            self.runtime
                                .signal(*process, crate::runtime::SignalTarget::Process, 9);
                            format!("command \"{command}\" timed out")
                        }
                        Pending::Http { url, .. } => format!(
                            "Get \"{url}\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"
                        ),
                    };
                    self.probe_result(&in_flight.target, false, message, now, reporter.history);
                }
            }
            KubeletEvent::EvictionCheck => {
                self.scheduled
                    .push((now + EVICTION_PERIOD_MILLIS, KubeletEvent::EvictionCheck));
                self.check_evictions(now, objects, reporter);
            }
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
        self.enforce_memory_limits();
        self.poll_probes(events, now, history);
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
                container.reason = if worker.oom_killed.contains(&(name.clone(), attempt)) {
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

    /// One sync of the pod worker.
    fn sync(
        &mut self,
        key: &PodKey,
        now: SimTime,
        objects: &ObjectStore,
        reporter: &mut Reporter<'_>,
    ) {
        let Some(worker) = self.workers.get_mut(key) else {
            return;
        };
        if worker.busy {
            worker.pending_sync = true;
            return;
        }
        worker.busy = true;
        worker.sync_error = None;
        worker.plan.clear();
        if let Some(grace) = worker.deletion {
            // SyncTerminatingPod: stop everything, then the sandbox, then forget the pod.
            plan_kill_pod(worker, grace, now);
            worker.plan.push_back(Op::Remove);
            self.continue_plan(key, now, objects, reporter);
            return;
        }
        if worker.evicted.is_some() && !worker.terminal {
            // Evicted: stop everything for good; the pod stays, Failed.
            plan_kill_pod(worker, MINIMUM_GRACE_MILLIS, now);
            worker.terminal = true;
            self.continue_plan(key, now, objects, reporter);
            return;
        }
        if worker.terminal {
            worker.busy = false;
            return;
        }
        // WaitForAttachAndMount: volumes before anything else.
        if worker.volumes.is_none() {
            match containers::set_up_volumes(
                &mut self.runtime.fs,
                self.node_root,
                &worker.pod,
                &worker.uid,
                objects,
            ) {
                Ok(volumes) => {
                    worker.volumes = Some(volumes);
                    worker.mount_failures = 0;
                }
                Err(error) => {
                    reporter.pod_event(
                        worker,
                        "",
                        EventType::Warning,
                        "FailedMount",
                        format!(
                            "MountVolume.SetUp failed for volume \"{}\" : {}",
                            error.volume, error.message
                        ),
                    );
                    let delay = (MOUNT_RETRY_MILLIS << worker.mount_failures.min(20))
                        .min(MAX_MOUNT_RETRY_MILLIS);
                    worker.mount_failures += 1;
                    worker.busy = false;
                    self.schedule_sync(key, now + delay);
                    return;
                }
            }
        }

        // Step 1: compute sandbox and container changes.
        let actions = compute_pod_actions(&worker.pod, &worker.runtime);
        // Step 2: kill the pod if the sandbox changed or nothing is left to run.
        if actions.kill_pod {
            let grace = worker.pod_grace_millis();
            plan_kill_pod(worker, grace, now);
            if !actions.create_sandbox {
                worker.terminal = true;
            }
        }
        // Step 3: kill the containers that should not keep running.
        for kill in &actions.containers_to_kill {
            worker.plan.push_back(Op::Kill {
                name: kill.name.clone(),
                message: kill.message.clone(),
            });
        }
        if !actions.containers_to_kill.is_empty() {
            worker.plan.push_back(Op::AwaitStopped {
                deadline: now + worker.pod_grace_millis(),
            });
        }
        // Step 4: create the sandbox.
        if actions.create_sandbox {
            worker.plan.push_back(Op::CreateSandbox {
                attempt: actions.attempt,
                done: false,
            });
        }
        // Step 6: init containers; step 8: app containers.
        for &index in &actions.init_containers_to_start {
            worker.plan.push_back(Op::Start {
                slot: Slot { init: true, index },
                stage: StartStage::Begin,
            });
        }
        for &index in &actions.containers_to_start {
            worker.plan.push_back(Op::Start {
                slot: Slot { init: false, index },
                stage: StartStage::Begin,
            });
        }
        self.continue_plan(key, now, objects, reporter);
    }

    /// Works through the sync's operations until one has to wait or none is left.
    fn continue_plan(
        &mut self,
        key: &PodKey,
        now: SimTime,
        objects: &ObjectStore,
        reporter: &mut Reporter<'_>,
    ) {
        loop {
            let Some(op) = self.workers.get_mut(key).and_then(|w| {
                w.waiting = None;
                w.plan.pop_front()
            }) else {
                self.complete_work(key, now);
                return;
            };
            // Stopping a container changes the status only when it exits,
            // which `observe` notes; the other operations change it now.
            if !matches!(op, Op::Kill { .. } | Op::AwaitStopped { .. } | Op::EndSync) {
                self.dirty.insert(key.clone());
            }
            match self.execute(key, op, now, objects, reporter) {
                Flow::Next => {}
                Flow::Wait(time, op) => {
                    let Some(worker) = self.workers.get_mut(key) else {
                        return;
                    };
                    worker.plan.push_front(op);
                    worker.waiting = Some((now, time));
                    worker.resume_generation += 1;
                    let generation = worker.resume_generation;
                    self.scheduled.push((
                        time,
                        KubeletEvent::Resume {
                            key: key.clone(),
                            generation,
                        },
                    ));
                    return;
                }
                Flow::Abort => {
                    if let Some(worker) = self.workers.get_mut(key) {
                        worker.plan.clear();
                    }
                    self.complete_work(key, now);
                    return;
                }
            }
        }
    }

    /// The sync is over: requeue the worker (`completeWork`).
    fn complete_work(&mut self, key: &PodKey, now: SimTime) {
        let Some(worker) = self.workers.get_mut(key) else {
            return;
        };
        worker.busy = false;
        let delay = if worker.pending_sync || (worker.deletion.is_some() && !worker.terminal) {
            worker.pending_sync = false;
            0
        } else if worker.terminal {
            return;
        } else {
            match worker.sync_error {
                None => RESYNC_MILLIS,
                Some(SyncError::BackOffUntil(until)) => (until - now).min(RESYNC_MILLIS),
                Some(SyncError::Other) => ERROR_REQUEUE_MILLIS,
            }
        };
        self.schedule_sync(key, now + delay);
    }

    fn execute(
        &mut self,
        key: &PodKey,
        op: Op,
        now: SimTime,
        objects: &ObjectStore,
        reporter: &mut Reporter<'_>,
    ) -> Flow {
        match op {
            Op::Kill { name, message } => {
                let Some(worker) = self.workers.get_mut(key) else {
                    return Flow::Next;
                };
                let Some(newest) = worker.runtime.find(&name).cloned() else {
                    return Flow::Next;
                };
                if newest.state != RuntimeState::Running {
                    return Flow::Next;
                }
                let field_path = field_path(&worker.pod, &name);
                reporter.pod_event(worker, &field_path, EventType::Normal, "Killing", message);
                let Some(instance) = worker
                    .instances
                    .get(&(name.clone(), newest.attempt))
                    .copied()
                else {
                    return Flow::Next;
                };
                let pre_stop = worker
                    .pod
                    .spec
                    .container(&name)
                    .and_then(|c| c.lifecycle.as_ref())
                    .and_then(|l| l.pre_stop.clone());
                let hook = match pre_stop {
                    Some(handler) => match (&handler.exec, &handler.sleep) {
                        (Some(exec), _) => {
                            match self
                                .runtime
                                .exec(instance.process, exec.command.clone(), now)
                            {
                                Ok((process, _)) => {
                                    self.hook_processes.insert(process, key.clone());
                                    Some(HookRun::Process(process))
                                }
                                Err(_) => None,
                            }
                        }
                        (None, Some(sleep)) => {
                            Some(HookRun::Until(now + sleep.seconds.max(0) as u64 * 1000))
                        }
                        (None, None) => None,
                    },
                    None => None,
                };
                if hook.is_none() {
                    let signal = stop_signal(&worker.pod, &name);
                    containers::signal_container(&mut self.runtime, &instance, signal);
                }
                worker.stopping.push(Stopping {
                    name,
                    attempt: newest.attempt,
                    hook,
                });
                Flow::Next
            }
            Op::AwaitStopped { deadline } => {
                let Some(worker) = self.workers.get_mut(key) else {
                    return Flow::Next;
                };
                // A preStop hook that has ended is followed by SIGTERM.
                let mut next_hook_end: Option<SimTime> = None;
                for stopping in &mut worker.stopping {
                    let ended = match stopping.hook {
                        None => continue,
                        Some(HookRun::Process(process)) => {
                            self.runtime.exit_code(process).is_some()
                        }
                        Some(HookRun::Until(until)) => {
                            next_hook_end = Some(next_hook_end.map_or(until, |t| t.min(until)));
                            now >= until
                        }
                    };
                    if ended {
                        stopping.hook = None;
                        if let Some(instance) = worker
                            .instances
                            .get(&(stopping.name.clone(), stopping.attempt))
                        {
                            containers::signal_container(&mut self.runtime, instance, 15);
                        }
                    }
                }
                let still_running: Vec<Stopping> = worker
                    .stopping
                    .iter()
                    .filter(|stopping| {
                        worker.runtime.containers.iter().any(|c| {
                            c.name == stopping.name
                                && c.attempt == stopping.attempt
                                && c.state == RuntimeState::Running
                        })
                    })
                    .cloned()
                    .collect();
                if still_running.is_empty() {
                    worker.stopping.clear();
                    return Flow::Next;
                }
                if now < deadline {
                    let wake = next_hook_end
                        .filter(|t| *t > now)
                        .map_or(deadline, |t| t.min(deadline));
                    return Flow::Wait(wake, Op::AwaitStopped { deadline });
                }
                // The grace period is over: SIGKILL, which no process survives.
                for stopping in &still_running {
                    if let Some(instance) = worker
                        .instances
                        .get(&(stopping.name.clone(), stopping.attempt))
                    {
                        containers::signal_container(&mut self.runtime, instance, 9);
                    }
                    if let Some(HookRun::Process(process)) = stopping.hook {
                        self.runtime
                            .signal(process, crate::runtime::SignalTarget::Process, 9);
                    }
                }
                Flow::Wait(now + 1, Op::AwaitStopped { deadline })
            }
            Op::EndSync => Flow::Abort,
            Op::StopSandbox => {
                let Some(worker) = self.workers.get_mut(key) else {
                    return Flow::Next;
                };
                if let Some(sandbox) = worker.sandbox.take() {
                    reporter.note(worker, Happening::SandboxStopped);
                    if let Some((_, stopped)) = &mut worker.sandbox_times {
                        *stopped = Some(now);
                    }
                    self.runtime
                        .signal(sandbox.pause, crate::runtime::SignalTarget::Process, 9);
                    if let Some(runtime_sandbox) = &mut worker.runtime.sandbox {
                        runtime_sandbox.ready = false;
                    }
                }
                Flow::Next
            }
            Op::CreateSandbox {
                attempt,
                done: false,
            } => Flow::Wait(
                now + SANDBOX_CREATION_MILLIS,
                Op::CreateSandbox {
                    attempt,
                    done: true,
                },
            ),
            Op::CreateSandbox {
                attempt,
                done: true,
            } => {
                self.sandboxes_created += 1;
                let serial = self.sandboxes_created;
                let Some(worker) = self.workers.get_mut(key) else {
                    return Flow::Next;
                };
                let ip = [10, 244, 1, (1 + serial.min(253)) as u8];
                let sandbox =
                    containers::run_pod_sandbox(&mut self.runtime, &worker.pod, ip, serial, now);
                worker.pod_ip = Some(sandbox.network.ip_text());
                worker.sandbox_times = Some((now, None));
                reporter.note(
                    worker,
                    Happening::SandboxReady {
                        ip: sandbox.network.ip_text(),
                    },
                );
                worker.sandbox = Some(sandbox);
                worker.runtime.sandbox = Some(RuntimeSandbox {
                    attempt,
                    ready: true,
                });
                self.schedule_relist(key, now);
                Flow::Next
            }
            Op::Start { slot, stage } => self.start(key, slot, stage, now, objects, reporter),
            Op::Remove => {
                if let Some(worker) = self.workers.remove(key) {
                    reporter.note(&worker, Happening::PodRemoved);
                    let node = containers::node_view(self.node_root);
                    let pod_dir = format!("/var/lib/kubelet/pods/{}", worker.uid);
                    // The emptyDirs go with the pod; hostPath directories stay.
                    let _ = self.runtime.fs.remove(&node, "/", &pod_dir, true);
                    self.processes.retain(|_, (k, _, _)| k != key);
                }
                self.removed.push(key.clone());
                Flow::Next
            }
        }
    }

    /// One stage of starting a container (`start` and `startContainer`).
    fn start(
        &mut self,
        key: &PodKey,
        slot: Slot,
        stage: StartStage,
        now: SimTime,
        objects: &ObjectStore,
        reporter: &mut Reporter<'_>,
    ) -> Flow {
        let Some(worker) = self.workers.get_mut(key) else {
            return Flow::Next;
        };
        // The spec is shared, not copied, for each stage of each start.
        let pod = Rc::clone(&worker.pod);
        let Some(container) = container_at(&pod, slot) else {
            return Flow::Next;
        };
        let name = container.name.clone();
        let path = field_path(&worker.pod, &name);
        let aborts = slot.init && !container.is_restartable();
        let fail = if aborts { Flow::Abort } else { Flow::Next };
        let image = container.image.clone();
        // The image pull back-off's key, made only where it is used.
        let pull_key = |uid: &str| format!("{uid}_{image}");
        match stage {
            StartStage::Begin => {
                // doBackOff: a container that exited waits out its back-off.
                if let Some(exited) = worker
                    .runtime
                    .find(&name)
                    .filter(|c| c.state == RuntimeState::Exited)
                    .cloned()
                {
                    let finished = exited.finished_at.unwrap_or(now);
                    let backoff_key = worker.backoff_key(&name);
                    if self
                        .restart_backoff
                        .is_in_back_off_since(&backoff_key, finished, now)
                    {
                        let pod_name = format_pod(&worker.pod, &worker.uid);
                        reporter.pod_event(
                            worker,
                            &path,
                            EventType::Warning,
                            "BackOff",
                            format!(
                                "Back-off restarting failed container {name} in pod {pod_name}"
                            ),
                        );
                        let period = self.restart_backoff.get(&backoff_key);
                        let message = format!(
                            "back-off {} restarting failed container={name} pod={pod_name}",
                            go_duration(period)
                        );
                        // A repeat keeps the entry (and its key and reason).
                        match worker.reasons.get_mut(&name) {
                            Some((reason, kept)) if reason == "CrashLoopBackOff" => {
                                if *kept != message {
                                    *kept = message;
                                }
                            }
                            _ => {
                                worker.reasons.insert(
                                    name.clone(),
                                    ("CrashLoopBackOff".to_string(), message),
                                );
                            }
                        }
                        worker.note_error(SyncError::BackOffUntil(finished + period));
                        return fail;
                    }
                    self.restart_backoff.next(&backoff_key, finished, now);
                }
                // EnsureImageExists.
                let pull_key = pull_key(&worker.uid);
                let present = self.images_present.contains(&image);
                let policy = container.pull_policy().to_string();
                if policy == "Never" && !present {
                    let message = format!(
                        "Container image \"{image}\" is not present with pull policy of Never"
                    );
                    reporter.pod_event(
                        worker,
                        &path,
                        EventType::Warning,
                        "ErrImageNeverPull",
                        message.clone(),
                    );
                    reporter.pod_event(
                        worker,
                        &path,
                        EventType::Warning,
                        "Failed",
                        "Error: ErrImageNeverPull".to_string(),
                    );
                    worker
                        .reasons
                        .insert(name, ("ErrImageNeverPull".to_string(), message));
                    worker.note_error(SyncError::Other);
                    return fail;
                }
                if present && policy != "Always" {
                    reporter.pod_event(
                        worker,
                        &path,
                        EventType::Normal,
                        "Pulled",
                        format!(
                            "Container image \"{image}\" already present on machine and can be accessed by the pod"
                        ),
                    );
                    return Flow::Wait(
                        now + CONTAINER_CREATION_MILLIS,
                        Op::Start {
                            slot,
                            stage: StartStage::Created,
                        },
                    );
                }
                if self
                    .pull_backoff
                    .is_in_back_off_since_update(&pull_key, now)
                {
                    let message = format!("Back-off pulling image \"{image}\"");
                    reporter.pod_event(
                        worker,
                        &path,
                        EventType::Normal,
                        "BackOff",
                        message.clone(),
                    );
                    reporter.pod_event(
                        worker,
                        &path,
                        EventType::Warning,
                        "Failed",
                        "Error: ImagePullBackOff".to_string(),
                    );
                    worker
                        .reasons
                        .insert(name, ("ImagePullBackOff".to_string(), message));
                    let until = self
                        .pull_backoff
                        .until_from_update(&pull_key)
                        .unwrap_or(now);
                    worker.note_error(SyncError::BackOffUntil(until));
                    return fail;
                }
                reporter.pod_event(
                    worker,
                    &path,
                    EventType::Normal,
                    "Pulling",
                    format!("Pulling image \"{image}\""),
                );
                let (delay, result) = match images::resolve(&image) {
                    Ok(resolved) => {
                        let millis = images::pull_duration(&resolved, present);
                        (millis, Ok(millis))
                    }
                    Err(error) => (FAILED_PULL_MILLIS, Err(error.message)),
                };
                Flow::Wait(
                    now + delay,
                    Op::Start {
                        slot,
                        stage: StartStage::Pulled(result),
                    },
                )
            }
            StartStage::Pulled(Ok(millis)) => {
                self.images_present.insert(image.clone());
                let size = images::resolve(&image).map_or(0, |i| i.size_bytes);
                let took = go_duration(millis);
                reporter.pod_event(
                    worker,
                    &path,
                    EventType::Normal,
                    "Pulled",
                    format!("Successfully pulled image \"{image}\" in {took} ({took} including waiting). Image size: {size} bytes."),
                );
                Flow::Wait(
                    now + CONTAINER_CREATION_MILLIS,
                    Op::Start {
                        slot,
                        stage: StartStage::Created,
                    },
                )
            }
            StartStage::Pulled(Err(message)) => {
                reporter.pod_event(
                    worker,
                    &path,
                    EventType::Warning,
                    "Failed",
                    format!("Failed to pull image \"{image}\": {message}"),
                );
                self.pull_backoff.next(&pull_key(&worker.uid), now, now);
                reporter.pod_event(
                    worker,
                    &path,
                    EventType::Warning,
                    "Failed",
                    "Error: ErrImagePull".to_string(),
                );
                worker
                    .reasons
                    .insert(name, ("ErrImagePull".to_string(), message));
                worker.note_error(SyncError::Other);
                fail
            }
            StartStage::Created => {
                let pod_ip = worker.pod_ip.clone().unwrap_or_default();
                let env = match containers::container_env(
                    &worker.pod,
                    container,
                    &pod_ip,
                    &self.host_ip,
                    objects,
                ) {
                    Ok(env) => env,
                    Err(error) => {
                        reporter.pod_event(
                            worker,
                            &path,
                            EventType::Warning,
                            "Failed",
                            format!("Error: {}", error.message),
                        );
                        worker.reasons.insert(
                            name,
                            ("CreateContainerConfigError".to_string(), error.message),
                        );
                        worker.note_error(SyncError::Other);
                        return fail;
                    }
                };
                let (Some(sandbox), Some(volumes)) = (&worker.sandbox, &worker.volumes) else {
                    return fail;
                };
                let resolved = images::resolve(&image).unwrap_or(images::GENERIC);
                let instance = containers::start_container(
                    &mut self.runtime,
                    containers::ContainerStart {
                        pod: &worker.pod,
                        container,
                        image: resolved,
                        env,
                        sandbox,
                        volumes,
                        now,
                    },
                );
                let attempt = worker.runtime.find(&name).map_or(0, |c| c.attempt + 1);
                worker.runtime.containers.insert(
                    0,
                    RuntimeContainer {
                        name: name.clone(),
                        attempt,
                        state: RuntimeState::Running,
                        exit_code: 0,
                        reason: String::new(),
                        started_at: now,
                        finished_at: None,
                        probes: ProbeResults::initial(container),
                        id: runtime_id(&worker.uid, &name, attempt),
                    },
                );
                worker.instances.insert((name.clone(), attempt), instance);
                worker.collect_garbage();
                worker.reasons.remove(&name);
                reporter.pod_event(
                    worker,
                    &path,
                    EventType::Normal,
                    "Created",
                    "Container created".to_string(),
                );
                reporter.pod_event(
                    worker,
                    &path,
                    EventType::Normal,
                    "Started",
                    "Container started".to_string(),
                );
                reporter.note(
                    worker,
                    Happening::ContainerStarted {
                        container: name.clone(),
                        attempt,
                    },
                );
                for kind in [
                    ProbeKind::Startup,
                    ProbeKind::Liveness,
                    ProbeKind::Readiness,
                ] {
                    if kind.of(container).is_some() {
                        self.scheduled.push((
                            now,
                            KubeletEvent::Probe {
                                key: key.clone(),
                                container: name.clone(),
                                attempt,
                                kind,
                            },
                        ));
                    }
                }
                self.processes
                    .insert(instance.process, (key.clone(), name.clone(), attempt));
                self.schedule_relist(key, now);
                // Step 4 of startContainer: the postStart hook, which the
                // sync waits for.
                let post_start = container
                    .lifecycle
                    .as_ref()
                    .and_then(|l| l.post_start.clone());
                match post_start.map(|h| (h.exec, h.sleep)) {
                    Some((Some(exec), _)) => {
                        match self.runtime.exec(instance.process, exec.command, now) {
                            Ok((process, _)) => {
                                self.hook_processes.insert(process, key.clone());
                                Flow::Wait(
                                    SimTime::from_millis(u64::MAX),
                                    Op::Start {
                                        slot,
                                        stage: StartStage::PostStart(Some(process)),
                                    },
                                )
                            }
                            Err(_) => self.post_start_failed(key, slot, container, now, reporter),
                        }
                    }
                    Some((None, Some(sleep))) => Flow::Wait(
                        now + sleep.seconds.max(0) as u64 * 1000,
                        Op::Start {
                            slot,
                            stage: StartStage::PostStart(None),
                        },
                    ),
                    _ => Flow::Next,
                }
            }
            StartStage::PostStart(process) => {
                let failed = process
                    .is_some_and(|p| self.runtime.exit_code(p).is_some_and(|code| code != 0));
                if failed {
                    self.post_start_failed(key, slot, container, now, reporter)
                } else {
                    Flow::Next
                }
            }
        }
    }
}

/// The kernel, on the node's behalf.
impl Kubelet {
    /// The OOM killer: a container whose processes hold more memory than its
    /// `resources.limits.memory` is killed whole (exit 137, `OOMKilled`).
    fn enforce_memory_limits(&mut self) {
        for worker in self.workers.values_mut() {
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
    fn check_evictions(
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
                        format!(
                            "Usage of EmptyDir volume \"{}\" exceeds the limit \"{limit}\". ",
                            volume.name
                        ),
                    ));
                    break;
                }
            }
        }
        for (key, message) in evict {
            let Some(worker) = self.workers.get_mut(&key) else {
                continue;
            };
            reporter.pod_event(worker, "", EventType::Warning, "Evicted", message.clone());
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

/// The prober.
impl Kubelet {
    /// A probe's period came round: check the container unless it is not
    /// yet due (initial delay, startup not passed) or no longer probed.
    fn probe_tick(
        &mut self,
        key: &PodKey,
        name: &str,
        attempt: u32,
        kind: ProbeKind,
        now: SimTime,
        reporter: &mut Reporter<'_>,
    ) {
        let Some(worker) = self.workers.get(key) else {
            return;
        };
        let Some(running) =
            worker.runtime.containers.iter().find(|c| {
                c.name == name && c.attempt == attempt && c.state == RuntimeState::Running
            })
        else {
            return;
        };
        let Some(container) = worker.pod.spec.container(name) else {
            return;
        };
        let Some((check, timing)) = kind.of(container).and_then(|p| prober::plan(container, p))
        else {
            return;
        };
        let probes = running.probes;
        let verdict = match kind {
            ProbeKind::Startup => probes.startup,
            ProbeKind::Liveness => probes.liveness,
            ProbeKind::Readiness => probes.readiness,
        };
        // A started container is not probed for startup again; a failed
        // liveness or startup probe waits for the restart.
        if kind == ProbeKind::Startup && verdict == ProbeResult::Success
            || kind != ProbeKind::Readiness && verdict == ProbeResult::Failure
        {
            return;
        }
        self.scheduled.push((
            now + timing.period,
            KubeletEvent::Probe {
                key: key.clone(),
                container: name.to_string(),
                attempt,
                kind,
            },
        ));
        let started_seconds = (now - running.started_at) / 1000 * 1000;
        let target = ProbeTarget {
            key: key.clone(),
            container: name.to_string(),
            attempt,
            kind,
        };
        let busy = self.probes_in_flight.values().any(|f| f.target == target);
        if kind != ProbeKind::Startup && probes.startup != ProbeResult::Success
            || started_seconds < timing.initial_delay
            || busy
        {
            return;
        }
        let ip = worker.pod_ip.clone().unwrap_or_default();
        let instance = worker.instances.get(&(name.to_string(), attempt)).copied();
        let pending = match check {
            Check::Exec(command) => {
                let Some(instance) = instance else {
                    return;
                };
                match self.runtime.exec(instance.process, command.clone(), now) {
                    Ok((process, log)) => Pending::Exec {
                        process,
                        log,
                        command: command.join(" "),
                    },
                    Err(error) => {
                        self.probe_result(&target, false, error.to_string(), now, reporter.history);
                        return;
                    }
                }
            }
            Check::Tcp { port } => {
                let outcome = match self.runtime.host_connect(PROBE_SOURCE, &ip, port) {
                    Ok(connection) => {
                        // Connected: the probe passes and hangs up at once.
                        self.runtime.host_send(connection, b"");
                        (true, String::new())
                    }
                    Err(_) => (
                        false,
                        format!("dial tcp {ip}:{port}: connect: connection refused"),
                    ),
                };
                self.probe_result(&target, outcome.0, outcome.1, now, reporter.history);
                return;
            }
            Check::Http { port, path } => {
                let url = format!("http://{ip}:{port}{path}");
                match self.runtime.host_connect(PROBE_SOURCE, &ip, port) {
                    Ok(connection) => {
                        let request = format!("GET {path} HTTP/1.1\r\nHost: {ip}:{port}\r\nUser-Agent: kube-probe/1.36\r\nAccept: */*\r\nConnection: close\r\n\r\n");
                        self.runtime.host_send(connection, request.as_bytes());
                        Pending::Http {
                            connection,
                            url,
                            received: Vec::new(),
                        }
                    }
                    Err(_) => {
                        let message = format!(
                            "Get \"{url}\": dial tcp {ip}:{port}: connect: connection refused"
                        );
                        self.probe_result(&target, false, message, now, reporter.history);
                        return;
                    }
                }
            }
        };
        let serial = self.next_probe_serial;
        self.next_probe_serial += 1;
        self.probes_in_flight.insert(
            serial,
            InFlight {
                target,
                check: pending,
            },
        );
        self.scheduled
            .push((now + timing.timeout, KubeletEvent::ProbeDeadline { serial }));
    }

    /// Finishes the checks whose command exited or whose server answered.
    fn poll_probes(&mut self, events: &[RuntimeEvent], now: SimTime, history: &mut History) {
        let mut finished = Vec::new();
        for (serial, in_flight) in &mut self.probes_in_flight {
            match &mut in_flight.check {
                Pending::Exec { process, log, .. } => {
                    let code = events.iter().find_map(|e| match e {
                        RuntimeEvent::Exited { process: p, code } if p == process => Some(*code),
                        _ => None,
                    });
                    if let Some(code) = code {
                        let output = self.runtime.log(*log).map(|l| l.text()).unwrap_or_default();
                        finished.push((*serial, code == 0, output.trim_end().to_string()));
                    }
                }
                Pending::Http {
                    connection,
                    received,
                    ..
                } => {
                    let (data, _) = self.runtime.host_receive(*connection);
                    received.extend(data);
                    if let Some(code) = prober::status_code(received) {
                        let passed = (200..400).contains(&code);
                        finished.push((
                            *serial,
                            passed,
                            format!("HTTP probe failed with statuscode: {code}"),
                        ));
                    }
                }
            }
        }
        for (serial, passed, message) in finished {
            if let Some(in_flight) = self.probes_in_flight.remove(&serial) {
                self.probe_result(&in_flight.target, passed, message, now, history);
            }
        }
    }

    /// Counts one check's outcome; a verdict that changes wakes the pod worker.
    fn probe_result(
        &mut self,
        target: &ProbeTarget,
        passed: bool,
        message: String,
        now: SimTime,
        history: &mut History,
    ) {
        let key = &target.key;
        let Some(worker) = self.workers.get_mut(key) else {
            return;
        };
        let Some(container) = worker.pod.spec.container(&target.container).cloned() else {
            return;
        };
        let Some((_, timing)) = target
            .kind
            .of(&container)
            .and_then(|p| prober::plan(&container, p))
        else {
            return;
        };
        if !passed {
            let mut reporter = Reporter { history, now };
            let path = field_path(&worker.pod, &container.name);
            reporter.pod_event(
                worker,
                &path,
                EventType::Warning,
                "Unhealthy",
                format!("{} probe failed: {message}", target.kind.word()),
            );
        }
        let tally = worker
            .tallies
            .entry((target.container.clone(), target.attempt, target.kind))
            .or_insert_with(Tally::new);
        let Some(verdict) = tally.count(passed, &timing) else {
            return;
        };
        if verdict == ProbeResult::Failure && target.kind != ProbeKind::Readiness {
            *tally = Tally::new();
        }
        let Some(running) = worker.runtime.containers.iter_mut().find(|c| {
            c.name == target.container
                && c.attempt == target.attempt
                && c.state == RuntimeState::Running
        }) else {
            return;
        };
        let slot = match target.kind {
            ProbeKind::Startup => &mut running.probes.startup,
            ProbeKind::Liveness => &mut running.probes.liveness,
            ProbeKind::Readiness => &mut running.probes.readiness,
        };
        if *slot == verdict {
            return;
        }
        *slot = verdict;
        self.dirty.insert(key.clone());
        if worker.busy {
            worker.pending_sync = true;
        } else {
            self.schedule_sync(key, now);
        }
    }
}

impl Kubelet {
    /// A postStart hook failed: the container is killed and its start fails
    /// (`PostStartHookError`).
    fn post_start_failed(
        &mut self,
        key: &PodKey,
        slot: Slot,
        container: &Container,
        now: SimTime,
        reporter: &mut Reporter<'_>,
    ) -> Flow {
        let Some(worker) = self.workers.get_mut(key) else {
            return Flow::Next;
        };
        let path = field_path(&worker.pod, &container.name);
        reporter.pod_event(
            worker,
            &path,
            EventType::Warning,
            "FailedPostStartHook",
            "PostStartHook failed".to_string(),
        );
        worker.reasons.insert(
            container.name.clone(),
            (
                "PostStartHookError".to_string(),
                "PostStartHook failed".to_string(),
            ),
        );
        worker.note_error(SyncError::Other);
        if slot.init && !container.is_restartable() {
            worker.plan.push_front(Op::EndSync);
        }
        let deadline = now + worker.pod_grace_millis();
        worker.plan.push_front(Op::AwaitStopped { deadline });
        worker.plan.push_front(Op::Kill {
            name: container.name.clone(),
            message: "FailedPostStartHook".to_string(),
        });
        Flow::Next
    }
}

impl Worker {
    /// The key of container `name`'s restart back-off (the kubelet's
    /// `podName_namespace_podUID_containerName`).
    fn backoff_key(&self, name: &str) -> String {
        format!(
            "{}_{}_{}_{name}",
            self.pod.metadata.name,
            self.pod.namespace(),
            self.uid
        )
    }

    /// The container garbage collector: of each container, only the newest
    /// instance and the one before it are kept (`MaxPerPodContainer` is 1
    /// dead instance), so long runs keep flat memory.
    fn collect_garbage(&mut self) {
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
        self.instances.retain(|key, _| kept.contains(key));
        self.tallies
            .retain(|(name, attempt, _), _| kept.contains(&(name.clone(), *attempt)));
        self.oom_killed.retain(|key| kept.contains(key));
    }

    /// The pod's termination grace period.
    fn pod_grace_millis(&self) -> u64 {
        let seconds = self.pod.spec.termination_grace_period_seconds.unwrap_or(30);
        (seconds.max(0) as u64 * 1000).max(MINIMUM_GRACE_MILLIS)
    }

    /// Records a sync error; of two back-offs the earlier expiry wins.
    fn note_error(&mut self, error: SyncError) {
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
fn plan_kill_pod(worker: &mut Worker, grace_millis: u64, now: SimTime) {
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
            message: format!("Stopping container {name}"),
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
fn stop_signal(pod: &Pod, name: &str) -> i32 {
    pod.spec
        .container(name)
        .and_then(|c| images::resolve(&c.image).ok())
        .map_or(15, |image| images::stop_signal(&image))
}

/// The container at `slot` of the pod's spec.
fn container_at(pod: &Pod, slot: Slot) -> Option<&Container> {
    let list = if slot.init {
        &pod.spec.init_containers
    } else {
        &pod.spec.containers
    };
    list.get(slot.index)
}

/// The event field path of container `name`: `spec.containers{name}` or
/// `spec.initContainers{name}`.
fn field_path(pod: &Pod, name: &str) -> String {
    if pod.spec.init_containers.iter().any(|c| c.name == name) {
        format!("spec.initContainers{{{name}}}")
    } else {
        format!("spec.containers{{{name}}}")
    }
}

/// `format.Pod`: `name_namespace(uid)`.
fn format_pod(pod: &Pod, uid: &str) -> String {
    format!("{}_{}({uid})", pod.metadata.name, pod.namespace())
}

/// Records the kubelet's events and happenings at the current time.
struct Reporter<'a> {
    history: &'a mut History,
    now: SimTime,
}

impl Reporter<'_> {
    fn pod_event(
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

    fn note(&mut self, worker: &Worker, happening: Happening) {
        self.history.note(
            self.now,
            worker.pod.namespace(),
            &worker.pod.metadata.name,
            happening,
        );
    }
}
