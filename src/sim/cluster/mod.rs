//! The cluster: an object store, a scheduler that binds every pod to the one
//! node, the node's kubelet, and the one clock and queue they all run on.
//!
//! [`Cluster::run_until`] is the only way time passes: at each instant the
//! container runtime's processes run first, then the queued events due then,
//! in (time, sequence) order; then the clock jumps to the next instant
//! anything is due (a queued event or a process's wake-up).

mod network;
mod records;
mod run;
mod static_pods;
mod store;

pub use network::target_port;
pub use records::{ApplyOutcome, ExecHandle, PodRecord, StoredMeta};

use super::events::{Event, History, TimelineEntry};
use super::kubelet::{Kubelet, KubeletEvent, PodKey};
use super::node::{Node, NODE_NAME};
use super::objects::ObjectStore;
use crate::clock::{EventQueue, SimTime};
use crate::spec::Manifest;
use std::collections::{BTreeMap, BTreeSet};

/// Something that happens at a given virtual time.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ClusterEvent {
    /// The scheduler binds the pod to the node.
    Bind { key: PodKey, uid: String },
    /// The kubelet's own work.
    Kubelet(KubeletEvent),
    /// The kubelet's file source rereads the static pod manifests.
    StaticPodScan,
}

/// How often the kubelet rereads that folder (`fileCheckFrequency`).
const STATIC_POD_SCAN_MILLIS: u64 = 20_000;

/// The whole simulated cluster.
pub struct Cluster {
    /// The current virtual time.
    now: SimTime,
    /// What happens next.
    queue: EventQueue<ClusterEvent>,
    /// Pods by (namespace, name), in the order kubectl lists them.
    pods: BTreeMap<PodKey, PodRecord>,
    /// Services, ConfigMaps and Secrets by (kind, namespace, name).
    objects: ObjectStore,
    /// Each Service's virtual IP by (namespace, name).
    cluster_ips: BTreeMap<PodKey, String>,
    /// The metadata the API server keeps for each Service, ConfigMap and Secret.
    object_meta: BTreeMap<(&'static str, String, String), StoredMeta>,
    /// The namespaces that exist.
    namespaces: BTreeSet<String>,
    /// The node.
    node: Node,
    /// The node's kubelet and container runtime.
    kubelet: Kubelet,
    /// Every Event and happening.
    history: History,
    /// How many pods were ever created (feeds uids and generated names).
    pods_created: u64,
    /// The DNS records and Service routes last given to the runtime.
    network_state: (BTreeMap<String, String>, Routes),
    /// Static pods by key: the manifest file and a hash of its contents.
    static_pods: BTreeMap<PodKey, (String, String)>,
    /// The store's revision, bumped by every write (etcd's revision).
    revision: u64,
}

/// Service routes: (ClusterIP, port) → the ready backends' (pod IP, port).
type Routes = BTreeMap<(String, u16), Vec<(String, u16)>>;

impl Default for Cluster {
    fn default() -> Self {
        Cluster::new()
    }
}

impl Cluster {
    /// A cluster at time zero with one empty node and the standard namespaces.
    pub fn new() -> Cluster {
        let node = Node {
            name: NODE_NAME.to_string(),
            internal_ip: "172.18.0.2".to_string(),
        };
        let mut queue = EventQueue::default();
        queue.schedule(
            SimTime::from_millis(STATIC_POD_SCAN_MILLIS),
            ClusterEvent::StaticPodScan,
        );
        let mut cluster = Cluster {
            now: SimTime::ZERO,
            queue,
            pods: BTreeMap::new(),
            objects: ObjectStore::new(),
            cluster_ips: BTreeMap::new(),
            object_meta: BTreeMap::new(),
            namespaces: ["default", "kube-node-lease", "kube-public", "kube-system"]
                .into_iter()
                .map(String::from)
                .collect(),
            kubelet: Kubelet::new(&node.internal_ip),
            node,
            history: History::default(),
            pods_created: 0,
            network_state: Default::default(),
            static_pods: BTreeMap::new(),
            revision: 1000,
        };
        cluster.add_builtin_services();
        cluster.add_kubelet_files();
        cluster
    }

    /// Services, ConfigMaps and Secrets (by kind, namespace, name) with the
    /// metadata the API server keeps for each.
    pub fn objects(&self) -> impl Iterator<Item = (&Manifest, &StoredMeta)> {
        self.objects
            .iter()
            .filter_map(|(key, manifest)| Some((manifest, self.object_meta.get(key)?)))
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

    /// Every Event, in the order first seen.
    pub fn events(&self) -> &std::collections::VecDeque<Event> {
        self.history.events.all()
    }

    /// Everything that happened, oldest first (a long run keeps the newest).
    pub fn timeline(&self) -> impl Iterator<Item = &TimelineEntry> {
        self.history.timeline()
    }

    /// How many timeline entries were ever noted; see [`History::noted`].
    pub fn timeline_noted(&self) -> u64 {
        self.history.noted()
    }

    /// The timeline entries noted after the first `noted`, oldest first.
    pub fn timeline_after(&self, noted: u64) -> impl Iterator<Item = &TimelineEntry> {
        self.history.noted_after(noted)
    }

    /// The events about one pod (this pod, not an earlier one of the same name).
    pub fn pod_events<'a>(&'a self, record: &'a PodRecord) -> impl Iterator<Item = &'a Event> + 'a {
        self.history.events.for_uid(&record.uid)
    }

    /// A Service's virtual IP.
    pub fn cluster_ip(&self, namespace: &str, name: &str) -> Option<&str> {
        self.cluster_ips
            .get(&(namespace.to_string(), name.to_string()))
            .map(String::as_str)
    }

    /// Runs spinning processes every slice (tests compare with parking).
    #[cfg(test)]
    pub(crate) fn never_park(&mut self) {
        self.kubelet.runtime.never_park();
    }

    /// The node's kubelet (its runtime, for exec and the node's files).
    pub fn kubelet(&self) -> &Kubelet {
        &self.kubelet
    }
}
