//! The cluster: an object store, a scheduler that binds every pod to the one
//! node, and a first, minimal kubelet.
//!
//! This kubelet follows the real start-up order (bind, sandbox with the pod IP,
//! then each container's image pull, create and start in spec order) on the
//! virtual clock, but it does not run the containers' commands yet: a started
//! container keeps running. With init containers, the first one starts and the
//! app containers wait. The runtime and the full kubelet (compute pod actions,
//! restarts, probes) replace this in later work.

use super::clock::{EventQueue, SimTime};
use super::status::{ContainerState, ContainerStatus, PodCondition, PodPhase, PodStatus};
use crate::runtime::images;
use crate::spec::{admit_pod, generated_suffix, Manifest, Pod};
use std::collections::{BTreeMap, BTreeSet};

/// How long creating the pod sandbox (the pause container and its network) takes.
const SANDBOX_CREATION_MILLIS: u64 = 500;

/// How long creating and starting a container takes once its image is present.
const CONTAINER_START_MILLIS: u64 = 100;

/// The one node pods run on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// The node's name, as `kubectl get nodes` shows it.
    pub name: String,
    /// The node's InternalIP, the pods' `hostIP`.
    pub internal_ip: String,
}

/// A pod as the API server stores it.
#[derive(Debug, Clone, PartialEq)]
pub struct PodRecord {
    /// The pod as stored: defaulted and admitted (service-account volume, tolerations).
    pub pod: Pod,
    /// The pod as it was submitted (defaulted), to tell `unchanged` from a change.
    pub submitted: Pod,
    /// The unique id the API server gave it.
    pub uid: String,
    /// When it was created (`metadata.creationTimestamp`).
    pub created_at: SimTime,
    /// The node the scheduler bound it to (`spec.nodeName` once bound).
    pub node_name: Option<String>,
    /// Its status as the kubelet reports it.
    pub status: PodStatus,
}

/// What happened when a pod was applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplyOutcome {
    /// A new object was stored.
    Created,
    /// An existing object (not a pod) was replaced by a changed one.
    Configured,
    /// A pod with this name and the same spec already exists.
    Unchanged,
    /// A pod with this name exists and its spec differs: pods are mostly immutable.
    UpdateForbidden,
    /// The pod's namespace does not exist.
    NamespaceNotFound,
}

/// Which container of a pod an event is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ContainerSlot {
    /// Whether it is in `spec.initContainers` (else `spec.containers`).
    init: bool,
    /// Its index in that list.
    index: usize,
}

/// Something the node will do at a given virtual time.
#[derive(Debug, Clone, PartialEq, Eq)]
enum NodeEvent {
    /// The scheduler binds the pod and the kubelet reports it.
    Bind { key: PodKey },
    /// The sandbox is up and has the pod IP.
    SandboxReady { key: PodKey },
    /// The kubelet begins starting a container (pulling its image if needed).
    StartContainer { key: PodKey, slot: ContainerSlot },
    /// The container's process is running.
    ContainerRunning { key: PodKey, slot: ContainerSlot },
}

/// A pod's (namespace, name).
type PodKey = (String, String);

/// The whole simulated cluster.
#[derive(Debug, Clone)]
pub struct Cluster {
    /// The current virtual time.
    now: SimTime,
    /// What the node will do next.
    queue: EventQueue<NodeEvent>,
    /// Pods by (namespace, name), in the order kubectl lists them.
    pods: BTreeMap<PodKey, PodRecord>,
    /// Services, ConfigMaps and Secrets by (kind, namespace, name).
    objects: BTreeMap<(&'static str, String, String), Manifest>,
    /// The namespaces that exist.
    namespaces: BTreeSet<String>,
    /// The node.
    node: Node,
    /// Images already on the node.
    images_present: BTreeSet<String>,
    /// How many pods were ever created (feeds uids and IPs).
    pods_created: u64,
}

impl Default for Cluster {
    fn default() -> Self {
        Cluster::new()
    }
}

impl Cluster {
    /// A cluster at time zero with one empty node and the standard namespaces.
    pub fn new() -> Cluster {
        Cluster {
            now: SimTime::ZERO,
            queue: EventQueue::default(),
            pods: BTreeMap::new(),
            objects: BTreeMap::new(),
            namespaces: ["default", "kube-node-lease", "kube-public", "kube-system"]
                .into_iter()
                .map(String::from)
                .collect(),
            node: Node {
                name: "node-1".to_string(),
                internal_ip: "172.18.0.2".to_string(),
            },
            images_present: BTreeSet::new(),
            pods_created: 0,
        }
    }

    /// The current virtual time.
    pub fn now(&self) -> SimTime {
        self.now
    }

    /// The node.
    pub fn node(&self) -> &Node {
        &self.node
    }

    /// All pods, ordered by namespace then name.
    pub fn pods(&self) -> impl Iterator<Item = &PodRecord> {
        self.pods.values()
    }

    /// One pod by namespace and name.
    pub fn pod(&self, namespace: &str, name: &str) -> Option<&PodRecord> {
        self.pods.get(&(namespace.to_string(), name.to_string()))
    }

    /// Whether an object of this kind, namespace and name exists.
    pub fn contains(&self, manifest: &Manifest) -> bool {
        let (namespace, name) = (
            manifest.namespace().to_string(),
            manifest.name().to_string(),
        );
        match manifest {
            Manifest::Pod(_) => self.pods.contains_key(&(namespace, name)),
            _ => self
                .objects
                .contains_key(&(manifest.kind(), namespace, name)),
        }
    }

    /// Stores a validated object as `kubectl apply` does; pods are admitted
    /// and handed to the node.
    pub fn apply(&mut self, manifest: Manifest) -> ApplyOutcome {
        if !self.namespaces.contains(manifest.namespace()) {
            return ApplyOutcome::NamespaceNotFound;
        }
        match manifest {
            Manifest::Pod(pod) => self.apply_pod(pod),
            other => {
                let key = (
                    other.kind(),
                    other.namespace().to_string(),
                    other.name().to_string(),
                );
                match self.objects.get(&key) {
                    Some(existing) if *existing == other => ApplyOutcome::Unchanged,
                    Some(_) => {
                        self.objects.insert(key, other);
                        ApplyOutcome::Configured
                    }
                    None => {
                        self.objects.insert(key, other);
                        ApplyOutcome::Created
                    }
                }
            }
        }
    }

    fn apply_pod(&mut self, submitted: Pod) -> ApplyOutcome {
        let key = (
            submitted.namespace().to_string(),
            submitted.metadata.name.clone(),
        );
        if let Some(existing) = self.pods.get(&key) {
            return if existing.submitted == submitted {
                ApplyOutcome::Unchanged
            } else {
                ApplyOutcome::UpdateForbidden
            };
        }
        self.pods_created += 1;
        let mut pod = submitted.clone();
        admit_pod(&mut pod, &generated_suffix(self.pods_created));
        let record = PodRecord {
            uid: make_uid(&key, self.pods_created),
            created_at: self.now,
            node_name: None,
            status: PodStatus::pending(),
            pod,
            submitted,
        };
        self.pods.insert(key.clone(), record);
        self.queue.schedule(self.now, NodeEvent::Bind { key });
        ApplyOutcome::Created
    }

    /// Runs every event up to and including `time`, then sets the clock to `time`.
    pub fn run_until(&mut self, time: SimTime) {
        while let Some((event_time, event)) = self.queue.pop_until(time) {
            self.now = self.now.max(event_time);
            self.handle(event);
        }
        self.now = self.now.max(time);
    }

    /// Advances the clock by `millis`, running what happens meanwhile.
    pub fn advance(&mut self, millis: u64) {
        self.run_until(self.now + millis);
    }

    fn handle(&mut self, event: NodeEvent) {
        match event {
            NodeEvent::Bind { key } => self.bind(&key),
            NodeEvent::SandboxReady { key } => self.sandbox_ready(&key),
            NodeEvent::StartContainer { key, slot } => self.start_container(key, slot),
            NodeEvent::ContainerRunning { key, slot } => self.container_running(key, slot),
        }
    }

    fn bind(&mut self, key: &PodKey) {
        let now = self.now;
        let host_ip = self.node.internal_ip.clone();
        let Some(record) = self.pods.get_mut(key) else {
            return;
        };
        record.node_name = Some(
            record
                .pod
                .spec
                .node_name
                .clone()
                .unwrap_or_else(|| self.node.name.clone()),
        );
        let has_init_containers = !record.pod.spec.init_containers.is_empty();
        let waiting_reason = if has_init_containers {
            "PodInitializing"
        } else {
            "ContainerCreating"
        };
        let waiting = |container: &crate::spec::Container, restartable: bool| ContainerStatus {
            name: container.name.clone(),
            image: container.image.clone(),
            state: ContainerState::Waiting {
                reason: waiting_reason.to_string(),
            },
            last_state: None,
            ready: false,
            restart_count: 0,
            started: false,
            restartable,
        };
        let spec = &record.pod.spec;
        record.status.init_container_statuses = spec
            .init_containers
            .iter()
            .map(|c| waiting(c, c.restart_policy.as_deref() == Some("Always")))
            .collect();
        record.status.container_statuses =
            spec.containers.iter().map(|c| waiting(c, false)).collect();
        record.status.host_ip = Some(host_ip);
        record.status.start_time = Some(now);
        update_conditions(record, now, false);
        self.queue.schedule(
            now + SANDBOX_CREATION_MILLIS,
            NodeEvent::SandboxReady { key: key.clone() },
        );
    }

    fn sandbox_ready(&mut self, key: &PodKey) {
        let now = self.now;
        let pod_ip = format!("10.244.1.{}", 1 + self.pods_created.min(253));
        let Some(record) = self.pods.get_mut(key) else {
            return;
        };
        record.status.pod_ip = Some(pod_ip);
        update_conditions(record, now, true);
        let first = if record.pod.spec.init_containers.is_empty() {
            ContainerSlot {
                init: false,
                index: 0,
            }
        } else {
            ContainerSlot {
                init: true,
                index: 0,
            }
        };
        if container_at(&record.pod, first).is_some() {
            self.queue.schedule(
                now,
                NodeEvent::StartContainer {
                    key: key.clone(),
                    slot: first,
                },
            );
        }
    }

    fn start_container(&mut self, key: PodKey, slot: ContainerSlot) {
        let Some(record) = self.pods.get(&key) else {
            return;
        };
        let Some(container) = container_at(&record.pod, slot) else {
            return;
        };
        let image = container.image.clone();
        let resolved = match images::resolve(&image) {
            Ok(resolved) => resolved,
            Err(_) => {
                // The pull fails; this kubelet does not retry yet.
                self.set_waiting(&key, slot, "ErrImagePull");
                return;
            }
        };
        let present = self.images_present.contains(&image);
        let pull_millis = match (container.pull_policy(), present) {
            ("Never", _) | ("IfNotPresent", true) => 0,
            (_, present) => images::pull_duration(&resolved, present),
        };
        self.images_present.insert(image);
        self.queue.schedule(
            self.now + pull_millis + CONTAINER_START_MILLIS,
            NodeEvent::ContainerRunning { key, slot },
        );
    }

    fn set_waiting(&mut self, key: &PodKey, slot: ContainerSlot, reason: &str) {
        let Some(record) = self.pods.get_mut(key) else {
            return;
        };
        let statuses = if slot.init {
            &mut record.status.init_container_statuses
        } else {
            &mut record.status.container_statuses
        };
        if let Some(status) = statuses.get_mut(slot.index) {
            status.state = ContainerState::Waiting {
                reason: reason.to_string(),
            };
        }
    }

    fn container_running(&mut self, key: PodKey, slot: ContainerSlot) {
        let now = self.now;
        let Some(record) = self.pods.get_mut(&key) else {
            return;
        };
        let statuses = if slot.init {
            &mut record.status.init_container_statuses
        } else {
            &mut record.status.container_statuses
        };
        if let Some(status) = statuses.get_mut(slot.index) {
            status.state = ContainerState::Running { started_at: now };
            status.started = true;
            status.ready = true;
        }
        update_conditions(record, now, true);
        let next = ContainerSlot {
            init: slot.init,
            index: slot.index + 1,
        };
        // Init containers run to completion before the next one starts; this
        // kubelet cannot run commands yet, so a running init container never ends.
        if !slot.init && container_at(&record.pod, next).is_some() {
            self.queue
                .schedule(now, NodeEvent::StartContainer { key, slot: next });
        }
    }
}

fn container_at(pod: &Pod, slot: ContainerSlot) -> Option<&crate::spec::Container> {
    let list = if slot.init {
        &pod.spec.init_containers
    } else {
        &pod.spec.containers
    };
    list.get(slot.index)
}

/// Recomputes phase and conditions from the container statuses, keeping each
/// condition's transition time when its value did not change.
fn update_conditions(record: &mut PodRecord, now: SimTime, sandbox_ready: bool) {
    let status = &mut record.status;
    let unfinished_init: Vec<&str> = status
        .init_container_statuses
        .iter()
        .filter(|c| !matches!(c.state, ContainerState::Terminated { exit_code: 0, .. }))
        .map(|c| c.name.as_str())
        .collect();
    let unready: Vec<&str> = status
        .container_statuses
        .iter()
        .filter(|c| !c.ready)
        .map(|c| c.name.as_str())
        .collect();
    let listed = |names: &[&str]| format!("[{}]", names.join(" "));
    let wanted = [
        ("PodReadyToStartContainers", sandbox_ready, None, None),
        (
            "Initialized",
            unfinished_init.is_empty(),
            Some("ContainersNotInitialized"),
            Some(format!(
                "containers with incomplete status: {}",
                listed(&unfinished_init)
            )),
        ),
        (
            "Ready",
            unready.is_empty(),
            Some("ContainersNotReady"),
            Some(format!(
                "containers with unready status: {}",
                listed(&unready)
            )),
        ),
        (
            "ContainersReady",
            unready.is_empty(),
            Some("ContainersNotReady"),
            Some(format!(
                "containers with unready status: {}",
                listed(&unready)
            )),
        ),
        ("PodScheduled", true, None, None),
    ];
    let conditions = wanted
        .into_iter()
        .map(|(condition_type, holds, reason, message)| {
            let last_transition = status
                .condition(condition_type)
                .filter(|previous| previous.status == holds)
                .map_or(now, |previous| previous.last_transition);
            PodCondition {
                condition_type,
                status: holds,
                reason: reason.filter(|_| !holds).map(String::from),
                message: message.filter(|_| !holds),
                last_transition,
            }
        })
        .collect();
    status.conditions = conditions;
    let any_running = status
        .container_statuses
        .iter()
        .any(|c| matches!(c.state, ContainerState::Running { .. }));
    status.phase = if any_running {
        PodPhase::Running
    } else {
        PodPhase::Pending
    };
}

/// A deterministic, UUID-shaped uid for the `sequence`-th pod created.
fn make_uid(key: &PodKey, sequence: u64) -> String {
    let mut hash: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    for byte in key
        .0
        .bytes()
        .chain([b'/'])
        .chain(key.1.bytes())
        .chain(sequence.to_le_bytes())
    {
        hash ^= u128::from(byte);
        hash = hash.wrapping_mul(0x0000_0000_0100_0000_0000_0000_0000_013B);
    }
    let hex = format!("{hash:032x}");
    format!(
        "{}-{}-4{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[16..20],
        &hex[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::parse_manifests;

    fn pod(yaml: &str) -> Manifest {
        Manifest::Pod(parse_manifests(yaml).first_pod().cloned().expect("a pod"))
    }

    const TWO_CONTAINERS: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: centos:7\n  - name: b\n    image: centos:7\n";

    #[test]
    fn a_new_pod_is_bound_and_waits_in_container_creating() {
        let mut cluster = Cluster::new();
        assert_eq!(cluster.apply(pod(TWO_CONTAINERS)), ApplyOutcome::Created);
        cluster.run_until(SimTime::ZERO);
        let record = cluster.pod("default", "p").unwrap();
        assert_eq!(record.status.phase, PodPhase::Pending);
        assert_eq!(record.status.host_ip.as_deref(), Some("172.18.0.2"));
        assert!(record.status.container_statuses.iter().all(|c| c.state
            == ContainerState::Waiting {
                reason: "ContainerCreating".to_string()
            }));
    }

    #[test]
    fn containers_start_in_order_after_the_sandbox_and_their_image_pull() {
        let mut cluster = Cluster::new();
        cluster.apply(pod(TWO_CONTAINERS));
        // sandbox 500 ms, pull centos:7 4204 ms, start 100 ms.
        cluster.run_until(SimTime::from_millis(4803));
        let statuses = &cluster
            .pod("default", "p")
            .unwrap()
            .status
            .container_statuses;
        assert!(matches!(statuses[0].state, ContainerState::Waiting { .. }));
        cluster.run_until(SimTime::from_millis(4804));
        let record = cluster.pod("default", "p").unwrap();
        assert_eq!(
            record.status.container_statuses[0].state,
            ContainerState::Running {
                started_at: SimTime::from_millis(4804)
            }
        );
        assert_eq!(record.status.phase, PodPhase::Running);
        // The image is present now, so the second container only needs its start.
        cluster.run_until(SimTime::from_millis(4904));
        let record = cluster.pod("default", "p").unwrap();
        assert!(record.status.container_statuses.iter().all(|c| c.ready));
        assert!(record.status.condition("Ready").unwrap().status);
        assert_eq!(record.status.pod_ip.as_deref(), Some("10.244.1.2"));
    }

    #[test]
    fn applying_the_same_pod_again_changes_nothing_and_a_different_spec_is_refused() {
        let mut cluster = Cluster::new();
        cluster.apply(pod(TWO_CONTAINERS));
        assert_eq!(cluster.apply(pod(TWO_CONTAINERS)), ApplyOutcome::Unchanged);
        let changed = TWO_CONTAINERS.replace("name: b", "name: c");
        assert_eq!(cluster.apply(pod(&changed)), ApplyOutcome::UpdateForbidden);
    }

    #[test]
    fn a_pod_in_a_missing_namespace_is_not_stored() {
        let mut cluster = Cluster::new();
        let yaml = TWO_CONTAINERS.replace("  name: p\n", "  name: p\n  namespace: nope\n");
        assert_eq!(cluster.apply(pod(&yaml)), ApplyOutcome::NamespaceNotFound);
        assert_eq!(cluster.pods().count(), 0);
    }

    #[test]
    fn uids_are_uuid_shaped_and_differ_per_pod() {
        let first = make_uid(&("default".into(), "a".into()), 1);
        let second = make_uid(&("default".into(), "b".into()), 2);
        assert_eq!(first.len(), 36);
        assert_eq!(&first[14..15], "4");
        assert_ne!(first, second);
    }
}
