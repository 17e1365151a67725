//! The cluster: an object store, a scheduler that binds every pod to the one
//! node, the node's kubelet, and the one clock and queue they all run on.
//!
//! [`Cluster::run_until`] is the only way time passes: at each instant the
//! container runtime's processes run first, then the queued events due then,
//! in (time, sequence) order; then the clock jumps to the next instant
//! anything is due (a queued event or a process's wake-up).

use super::events::{Event, EventType, History, Report, TimelineEntry};
use super::ids::{fnv64, make_uid};
use super::kubelet::{Kubelet, KubeletEvent, PodKey};
use super::node::{Node, NODE_NAME, STATIC_POD_PATH};
use super::objects::ObjectStore;
use super::status::PodStatus;
use crate::clock::{EventQueue, SimTime};
use crate::runtime::{ContainerLog, ProcessId};
use crate::spec::{admit_pod, generated_suffix, IntOrString, Manifest, Pod, Service, ServicePort};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// What the API server keeps beside a Service, ConfigMap or Secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredMeta {
    /// When it was created (`metadata.creationTimestamp`).
    pub created: SimTime,
    /// `metadata.uid`.
    pub uid: String,
    /// The store's revision when it last changed (`metadata.resourceVersion`).
    pub resource_version: u64,
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
    /// When it was marked for deletion (`metadata.deletionTimestamp` is
    /// this plus the grace period).
    pub deletion_requested: Option<SimTime>,
    /// The grace period of the deletion, in seconds.
    pub deletion_grace_seconds: Option<u64>,
    /// Its status as the kubelet reports it.
    pub status: PodStatus,
    /// The store's revision when it last changed (`metadata.resourceVersion`).
    pub resource_version: u64,
}

/// A command started by [`Cluster::exec`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExecHandle {
    /// Its process.
    pub process: ProcessId,
    /// The log its output goes to.
    pub log: usize,
}

/// What happened when an object was applied.
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

/// The Services every cluster has from the start (namespace, name, cluster
/// IP, object), read from their YAML once: each rebuild of a run starts a
/// fresh cluster, and reading them again cost a sixth of an edit's rerun.
fn builtin_services() -> &'static [(&'static str, &'static str, &'static str, Manifest)] {
    static BUILTIN: OnceLock<Vec<(&str, &str, &str, Manifest)>> = OnceLock::new();
    BUILTIN.get_or_init(|| {
        let builtin = [
            ("default", "kubernetes", "10.96.0.1", "  ports:\n  - name: https\n    port: 443\n    protocol: TCP\n    targetPort: 6443\n"),
            ("kube-system", "kube-dns", crate::runtime::net::CLUSTER_DNS, "  selector:\n    k8s-app: kube-dns\n  ports:\n  - name: dns\n    port: 53\n    protocol: UDP\n    targetPort: 53\n  - name: dns-tcp\n    port: 53\n    protocol: TCP\n    targetPort: 53\n  - name: metrics\n    port: 9153\n    protocol: TCP\n    targetPort: 9153\n"),
        ];
        builtin
            .into_iter()
            .filter_map(|(namespace, name, ip, spec)| {
                let yaml = format!("apiVersion: v1\nkind: Service\nmetadata:\n  name: {name}\n  namespace: {namespace}\nspec:\n{spec}");
                let manifest = crate::spec::parse_manifests(&yaml)
                    .documents
                    .into_iter()
                    .find_map(|d| d.manifest)?;
                Some((namespace, name, ip, manifest))
            })
            .collect()
    })
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

    /// The kubelet's configuration on the node, as kubeadm writes it, and its
    /// static pod folder.
    fn add_kubelet_files(&mut self) {
        let config = format!(
            "apiVersion: kubelet.config.k8s.io/v1beta1\nauthentication:\n  anonymous:\n    enabled: false\n  webhook:\n    cacheTTL: 0s\n    enabled: true\n  x509:\n    clientCAFile: /etc/kubernetes/pki/ca.crt\nauthorization:\n  mode: Webhook\ncgroupDriver: systemd\nclusterDNS:\n- {dns}\nclusterDomain: cluster.local\ncontainerRuntimeEndpoint: unix:///var/run/cri-dockerd.sock\nkind: KubeletConfiguration\nresolvConf: /run/systemd/resolve/resolv.conf\nrotateCertificates: true\nstaticPodPath: {STATIC_POD_PATH}\n",
            dns = crate::runtime::net::CLUSTER_DNS
        );
        // The node's disk has room for these few bytes from the start.
        let _ = self.write_node_file("/var/lib/kubelet/config.yaml", &config);
        let view = super::containers::node_view(self.kubelet.node_root());
        let _ = self
            .kubelet
            .runtime
            .fs
            .make_directory(&view, "/", STATIC_POD_PATH, true);
    }

    /// The Services every cluster has: `kubernetes` (the API server) and
    /// `kube-dns` (CoreDNS, the address in every pod's resolv.conf).
    fn add_builtin_services(&mut self) {
        for (namespace, name, ip, manifest) in builtin_services() {
            self.cluster_ips
                .insert((namespace.to_string(), name.to_string()), ip.to_string());
            self.apply(manifest.clone());
        }
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
    pub fn events(&self) -> &[Event] {
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

    /// The log of container `container` of a pod: its current instance, or
    /// with `previous` the one before.
    pub fn container_log(
        &self,
        namespace: &str,
        pod: &str,
        container: &str,
        previous: bool,
    ) -> Option<&ContainerLog> {
        let key = (namespace.to_string(), pod.to_string());
        let log = self.kubelet.container_log(&key, container, previous)?;
        self.kubelet.runtime.log(log)
    }

    /// Runs `argv` in a running container, as `kubectl exec` does; its
    /// output goes to the log [`ExecHandle::log`] (see [`Cluster::log`]).
    pub fn exec(
        &mut self,
        namespace: &str,
        pod: &str,
        container: &str,
        argv: Vec<String>,
    ) -> Result<ExecHandle, crate::runtime::ExecError> {
        self.exec_shown_as(namespace, pod, container, argv, None)
    }

    /// Like [`Cluster::exec`], but with `shown`, `ps` shows the process as
    /// that command line (the console's interactive shell).
    pub fn exec_shown_as(
        &mut self,
        namespace: &str,
        pod: &str,
        container: &str,
        argv: Vec<String>,
        shown: Option<Vec<String>>,
    ) -> Result<ExecHandle, crate::runtime::ExecError> {
        let key = (namespace.to_string(), pod.to_string());
        let instance = self
            .kubelet
            .running_instance(&key, container)
            .ok_or(crate::runtime::ExecError::ContainerNotRunning)?;
        let runtime = &mut self.kubelet.runtime;
        let (process, log) = match shown {
            Some(shown) => runtime.exec_shown_as(instance.process, argv, shown, self.now)?,
            None => runtime.exec(instance.process, argv, self.now)?,
        };
        Ok(ExecHandle { process, log })
    }

    /// Ends a process the console stopped waiting for, as Ctrl-C in the
    /// terminal would.
    pub fn kill_process(&mut self, process: ProcessId) {
        self.kubelet
            .runtime
            .signal(process, crate::runtime::SignalTarget::Process, 9);
    }

    /// How an exec'd process ended, once it has.
    pub fn exit_code(&self, process: ProcessId) -> Option<i32> {
        self.kubelet.runtime.exit_code(process)
    }

    /// Runs a shell command line on the node itself (`curl` a pod's IP,
    /// `echo … > /mnt/data/index.html`); its output goes to the returned log.
    pub fn run_on_node(&mut self, script: &str) -> ExecHandle {
        let node_root = self.kubelet.node_root();
        let (process, log) =
            super::containers::run_on_node(&mut self.kubelet.runtime, node_root, script, self.now);
        ExecHandle { process, log }
    }

    /// Whether the node has `program` (so the console can run it there).
    pub fn node_has(&self, program: &str) -> bool {
        super::containers::NODE_TOOLS.has(program)
    }

    /// Runs until `done` holds or `deadline` comes, instant by instant, as a
    /// waiting kubectl does; what is ready now runs now, so something that
    /// does not wait takes no virtual time. Returns whether `done` holds.
    pub fn run_until_done(
        &mut self,
        deadline: SimTime,
        mut done: impl FnMut(&Cluster) -> bool,
    ) -> bool {
        self.run_until(self.now);
        while !done(self) && self.now < deadline {
            self.step_until(deadline);
        }
        done(self)
    }

    /// Runs up to the next instant anything is due, but not past `limit`.
    pub fn step_until(&mut self, limit: SimTime) {
        let next = [self.queue.next_time(), self.kubelet.runtime.next_wake()]
            .into_iter()
            .flatten()
            .min()
            .map_or(limit, |t| t.min(limit));
        // Always let at least a millisecond pass, so a caller's loop ends.
        self.run_until(next.max(self.now + 1));
    }

    /// A log of the runtime by index: a container's or an exec's.
    pub fn log(&self, index: usize) -> Option<&ContainerLog> {
        self.kubelet.runtime.log(index)
    }

    /// The index of the log [`Cluster::container_log`] gives, to follow it.
    pub fn container_log_index(
        &self,
        namespace: &str,
        pod: &str,
        container: &str,
        previous: bool,
    ) -> Option<usize> {
        let key = (namespace.to_string(), pod.to_string());
        self.kubelet.container_log(&key, container, previous)
    }

    /// The node's kubelet (its runtime, for exec and the node's files).
    pub fn kubelet(&self) -> &Kubelet {
        &self.kubelet
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
    /// and handed to the scheduler.
    pub fn apply(&mut self, manifest: Manifest) -> ApplyOutcome {
        if !self.namespaces.contains(manifest.namespace()) {
            return ApplyOutcome::NamespaceNotFound;
        }
        let outcome = match manifest {
            Manifest::Pod(pod) => return self.apply_pod(pod),
            other => {
                let key = (
                    other.kind(),
                    other.namespace().to_string(),
                    other.name().to_string(),
                );
                if let Manifest::Service(service) = &other {
                    self.allocate_cluster_ip(service);
                }
                match self.objects.get(&key) {
                    Some(existing) if *existing == other => ApplyOutcome::Unchanged,
                    Some(_) => {
                        self.revision += 1;
                        if let Some(meta) = self.object_meta.get_mut(&key) {
                            meta.resource_version = self.revision;
                        }
                        self.objects.insert(key, other);
                        ApplyOutcome::Configured
                    }
                    None => {
                        self.revision += 1;
                        let meta = StoredMeta {
                            created: self.now,
                            uid: make_uid(&key.1, &format!("{}/{}", key.0, key.2), self.revision),
                            resource_version: self.revision,
                        };
                        self.object_meta.insert(key.clone(), meta);
                        self.objects.insert(key, other);
                        ApplyOutcome::Created
                    }
                }
            }
        };
        self.refresh_network();
        outcome
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
        let uid = make_uid(&key.0, &key.1, self.pods_created);
        self.revision += 1;
        let record = PodRecord {
            resource_version: self.revision,
            uid: uid.clone(),
            created_at: self.now,
            node_name: None,
            deletion_requested: None,
            deletion_grace_seconds: None,
            status: PodStatus::pending(),
            pod,
            submitted,
        };
        self.pods.insert(key.clone(), record);
        self.queue
            .schedule(self.now, ClusterEvent::Bind { key, uid });
        ApplyOutcome::Created
    }

    /// Marks a pod for deletion with `grace_seconds` (else the pod's own
    /// `terminationGracePeriodSeconds`); the kubelet stops it and the API
    /// server forgets it once it has. `false` when there is no such pod.
    pub fn delete_pod(&mut self, namespace: &str, name: &str, grace_seconds: Option<u64>) -> bool {
        let key = (namespace.to_string(), name.to_string());
        let Some(record) = self.pods.get_mut(&key) else {
            return false;
        };
        if record.deletion_requested.is_some() {
            return true;
        }
        if self.static_pods.contains_key(&key) {
            // A mirror pod: the API server deletes it, the kubelet (which
            // runs the static pod regardless) creates it again.
            record.created_at = self.now;
            return true;
        }
        let grace = grace_seconds.unwrap_or_else(|| {
            record
                .pod
                .spec
                .termination_grace_period_seconds
                .unwrap_or(30)
                .max(0) as u64
        });
        record.deletion_requested = Some(self.now);
        record.deletion_grace_seconds = Some(grace);
        self.revision += 1;
        record.resource_version = self.revision;
        if record.node_name.is_none() {
            // Never bound: nothing runs it, so it goes at once.
            self.pods.remove(&key);
            return true;
        }
        self.kubelet.delete_pod(
            &key,
            grace * 1000,
            self.now,
            &self.objects,
            &mut self.history,
        );
        self.absorb_kubelet();
        true
    }

    /// Replaces a pod's labels (`kubectl label`); Services select anew.
    pub fn set_pod_labels(
        &mut self,
        namespace: &str,
        name: &str,
        labels: BTreeMap<String, String>,
    ) {
        let key = (namespace.to_string(), name.to_string());
        let Some(record) = self.pods.get_mut(&key) else {
            return;
        };
        if record.pod.metadata.labels == labels {
            return;
        }
        record.pod.metadata.labels = labels;
        self.revision += 1;
        record.resource_version = self.revision;
        self.refresh_network();
    }

    /// Replaces a pod's annotations (`kubectl annotate`).
    pub fn set_pod_annotations(
        &mut self,
        namespace: &str,
        name: &str,
        annotations: BTreeMap<String, String>,
    ) {
        let key = (namespace.to_string(), name.to_string());
        let Some(record) = self.pods.get_mut(&key) else {
            return;
        };
        if record.pod.metadata.annotations == annotations {
            return;
        }
        record.pod.metadata.annotations = annotations;
        self.revision += 1;
        record.resource_version = self.revision;
    }

    /// Deletes a Service, ConfigMap or Secret (`kind` in lower case); `false`
    /// when there is none of that name.
    pub fn delete_object(&mut self, kind: &str, namespace: &str, name: &str) -> bool {
        let kind = match kind {
            "service" => "Service",
            "configmap" => "ConfigMap",
            "secret" => "Secret",
            _ => return false,
        };
        let key = (kind, namespace.to_string(), name.to_string());
        self.object_meta.remove(&key);
        let removed = self.objects.remove(&key).is_some();
        if kind == "Service" {
            self.cluster_ips
                .remove(&(namespace.to_string(), name.to_string()));
        }
        self.refresh_network();
        removed
    }

    /// Removes a pod from the API at once (`--force --grace-period=0`); the
    /// kubelet goes on stopping it.
    pub fn forget_pod(&mut self, namespace: &str, name: &str) {
        self.pods.remove(&(namespace.to_string(), name.to_string()));
        self.refresh_network();
    }

    /// Runs everything due up to and including `time`, then sets the clock to `time`.
    pub fn run_until(&mut self, time: SimTime) {
        loop {
            self.kubelet.runtime.run(self.now);
            let happened = self.kubelet.runtime.take_events();
            self.kubelet.observe(&happened, self.now, &mut self.history);
            self.kubelet.runtime.recycle_events(happened);
            self.absorb_kubelet();
            if let Some((_, event)) = self.queue.pop_until(self.now) {
                self.handle(event);
                self.absorb_kubelet();
                continue;
            }
            let next = [self.queue.next_time(), self.kubelet.runtime.next_wake()]
                .into_iter()
                .flatten()
                .min();
            match next {
                Some(next) if next <= time => self.now = self.now.max(next),
                _ => break,
            }
        }
        self.now = self.now.max(time);
    }

    /// Advances the clock by `millis`, running what happens meanwhile.
    pub fn advance(&mut self, millis: u64) {
        self.run_until(self.now + millis);
    }

    fn handle(&mut self, event: ClusterEvent) {
        match event {
            ClusterEvent::Bind { key, uid } => self.bind(key, uid),
            ClusterEvent::Kubelet(event) => {
                self.kubelet
                    .handle(event, self.now, &self.objects, &mut self.history)
            }
            ClusterEvent::StaticPodScan => {
                self.queue.schedule(
                    self.now + STATIC_POD_SCAN_MILLIS,
                    ClusterEvent::StaticPodScan,
                );
                self.scan_static_pods();
            }
        }
    }

    fn bind(&mut self, key: PodKey, uid: String) {
        let node_name = self.node.name.clone();
        let Some(record) = self.pods.get_mut(&key) else {
            return;
        };
        if record.uid != uid {
            return;
        }
        record.node_name = Some(
            record
                .pod
                .spec
                .node_name
                .clone()
                .unwrap_or(node_name.clone()),
        );
        self.history.report(
            Report {
                namespace: key.0.clone(),
                name: key.1.clone(),
                uid: uid.clone(),
                field_path: String::new(),
                event_type: EventType::Normal,
                reason: "Scheduled",
                message: format!("Successfully assigned {}/{} to {node_name}", key.0, key.1),
                source: "default-scheduler",
            },
            self.now,
        );
        self.kubelet.add_pod(key, record.pod.clone(), uid, self.now);
    }

    /// Reads a file of the node.
    pub fn read_node_file(&self, path: &str) -> Option<String> {
        let view = super::containers::node_view(self.kubelet.node_root());
        let bytes = self.kubelet.runtime.fs.read(&view, "/", path).ok()?;
        Some(String::from_utf8_lossy(bytes).into_owned())
    }

    /// The entries of a folder of the node, sorted.
    pub fn list_node_dir(&self, path: &str) -> Option<Vec<String>> {
        let view = super::containers::node_view(self.kubelet.node_root());
        self.kubelet.runtime.fs.list(&view, "/", path).ok()
    }

    /// Writes a file of the node (creating its folders), as an admin on the
    /// node does; a manifest in [`STATIC_POD_PATH`] starts a static pod.
    pub fn write_node_file(&mut self, path: &str, contents: &str) -> Result<(), String> {
        let view = super::containers::node_view(self.kubelet.node_root());
        let fs = &mut self.kubelet.runtime.fs;
        if let Some((parent, _)) = path.rsplit_once('/').filter(|(p, _)| !p.is_empty()) {
            fs.make_directory(&view, "/", parent, true)
                .map_err(|e| e.message().to_string())?;
        }
        fs.write(&view, "/", path, contents.as_bytes(), false)
            .map_err(|e| e.message().to_string())?;
        if path.starts_with(STATIC_POD_PATH) {
            self.scan_static_pods();
        }
        Ok(())
    }

    /// Removes a file of the node; a static pod's manifest takes its pod away.
    pub fn remove_node_file(&mut self, path: &str) -> Result<(), String> {
        let view = super::containers::node_view(self.kubelet.node_root());
        self.kubelet
            .runtime
            .fs
            .remove(&view, "/", path, false)
            .map_err(|e| e.message().to_string())?;
        if path.starts_with(STATIC_POD_PATH) {
            self.scan_static_pods();
        }
        Ok(())
    }

    /// The kubelet's file source: a pod for every manifest in
    /// [`STATIC_POD_PATH`], named after the node, started without the
    /// scheduler; a changed manifest replaces its pod, a removed one stops it.
    fn scan_static_pods(&mut self) {
        let mut wanted: BTreeMap<PodKey, (String, String, Pod)> = BTreeMap::new();
        for file in self.list_node_dir(STATIC_POD_PATH).unwrap_or_default() {
            let known = [".yaml", ".yml", ".json"].iter().any(|e| file.ends_with(e));
            if file.starts_with('.') || !known {
                continue;
            }
            let path = format!("{STATIC_POD_PATH}/{file}");
            let Some(text) = self.read_node_file(&path) else {
                continue;
            };
            let parsed = crate::spec::parse_manifests(&text);
            let Some(pod) = parsed
                .documents
                .into_iter()
                .filter(|d| d.is_accepted())
                .find_map(|d| match d.manifest {
                    Some(Manifest::Pod(pod)) => Some(pod),
                    _ => None,
                })
            else {
                continue;
            };
            let name = format!("{}-{}", pod.metadata.name, self.node.name);
            let key = (pod.namespace().to_string(), name);
            let hash = format!("{:016x}", fnv64(&[path.as_bytes(), text.as_bytes()]));
            wanted.entry(key).or_insert((path, hash, pod));
        }
        let stale: Vec<PodKey> = self
            .static_pods
            .iter()
            .filter(|(key, (_, hash))| wanted.get(*key).is_none_or(|(_, h, _)| h != hash))
            .map(|(key, _)| key.clone())
            .collect();
        for key in stale {
            self.static_pods.remove(&key);
            if let Some(record) = self.pods.get_mut(&key) {
                let grace = record
                    .pod
                    .spec
                    .termination_grace_period_seconds
                    .unwrap_or(30);
                record.deletion_requested = Some(self.now);
                record.deletion_grace_seconds = Some(grace.max(0) as u64);
                self.kubelet.delete_pod(
                    &key,
                    grace.max(0) as u64 * 1000,
                    self.now,
                    &self.objects,
                    &mut self.history,
                );
            }
        }
        for (key, (path, hash, mut pod)) in wanted {
            if self.static_pods.contains_key(&key) || self.pods.contains_key(&key) {
                continue;
            }
            pod.metadata.name = key.1.clone();
            let annotations = &mut pod.metadata.annotations;
            annotations.insert("kubernetes.io/config.hash".into(), hash.clone());
            annotations.insert("kubernetes.io/config.mirror".into(), hash.clone());
            annotations.insert("kubernetes.io/config.source".into(), "file".into());
            pod.spec.node_name = Some(self.node.name.clone());
            pod.spec.tolerations.push(crate::spec::Toleration {
                operator: "Exists".into(),
                effect: "NoExecute".into(),
                ..Default::default()
            });
            self.pods_created += 1;
            let uid = make_uid(&key.0, &key.1, self.pods_created);
            self.pods.insert(
                key.clone(),
                PodRecord {
                    pod: pod.clone(),
                    submitted: pod.clone(),
                    uid: uid.clone(),
                    created_at: self.now,
                    node_name: Some(self.node.name.clone()),
                    deletion_requested: None,
                    deletion_grace_seconds: None,
                    status: PodStatus::pending(),
                    resource_version: 0,
                },
            );
            self.static_pods.insert(key.clone(), (path, hash));
            self.revision += 1;
            if let Some(record) = self.pods.get_mut(&key) {
                record.resource_version = self.revision;
            }
            self.kubelet.add_pod(key, pod, uid, self.now);
        }
        self.absorb_kubelet();
    }

    /// Moves the kubelet's timed work into the queue and its status changes
    /// into the store.
    fn absorb_kubelet(&mut self) {
        for (time, event) in self.kubelet.take_scheduled() {
            self.queue.schedule(time, ClusterEvent::Kubelet(event));
        }
        // Service endpoints follow the pods' readiness and IPs only.
        let serving = |status: &PodStatus| {
            let ready = status.condition("Ready").is_some_and(|c| c.status);
            (ready, status.pod_ip.clone())
        };
        let mut endpoints_changed = false;
        for key in self.kubelet.take_dirty() {
            if let Some(record) = self.pods.get_mut(&key) {
                // `None`: the status did not change.
                if let Some(status) = self.kubelet.api_status(&key, &record.status, self.now) {
                    endpoints_changed |= serving(&status) != serving(&record.status);
                    self.revision += 1;
                    record.resource_version = self.revision;
                    record.status = status;
                }
            }
        }
        for key in self.kubelet.take_removed() {
            endpoints_changed |= self.pods.remove(&key).is_some();
        }
        if endpoints_changed {
            self.refresh_network();
        }
    }

    /// Gives a Service its virtual IP, as the API server's allocator does:
    /// from 10.96.0.0/12, here derived from its name so runs repeat.
    fn allocate_cluster_ip(&mut self, service: &crate::spec::Service) {
        let key = (
            service
                .metadata
                .namespace
                .clone()
                .unwrap_or_else(|| "default".to_string()),
            service.metadata.name.clone(),
        );
        if self.cluster_ips.contains_key(&key) {
            return;
        }
        let mut hash: u32 = 2_166_136_261;
        for byte in key.0.bytes().chain([b'/']).chain(key.1.bytes()) {
            hash = (hash ^ u32::from(byte)).wrapping_mul(16_777_619);
        }
        let taken: BTreeSet<&String> = self.cluster_ips.values().collect();
        let ip = (0..)
            .map(|probe: u32| {
                let offset = hash.wrapping_add(probe) % 0x000f_fff0 + 11;
                format!(
                    "10.{}.{}.{}",
                    96 + (offset >> 16),
                    (offset >> 8) & 0xff,
                    offset & 0xff
                )
            })
            .find(|ip| !taken.contains(ip) && !ip.ends_with(".0") && !ip.ends_with(".255"))
            .unwrap_or_default();
        self.cluster_ips.insert(key, ip);
    }

    /// The pods of namespace `namespace` that back `service` now: selected
    /// by its selector, Ready, and not being deleted (the endpoints
    /// controller's rule).
    pub fn endpoint_pods<'a>(
        &'a self,
        namespace: &'a str,
        service: &'a Service,
    ) -> impl Iterator<Item = &'a PodRecord> + 'a {
        endpoint_pods(self.pods.values(), namespace, service)
    }

    /// Gives the runtime the cluster DNS records and kube-proxy's routes for
    /// the Services, with the ready pods they select as backends.
    fn refresh_network(&mut self) {
        let mut dns = BTreeMap::new();
        let mut routes = Routes::new();
        for ((kind, namespace, name), manifest) in &self.objects {
            let (true, Manifest::Service(service)) = (*kind == "Service", manifest) else {
                continue;
            };
            let Some(ip) = self.cluster_ips.get(&(namespace.clone(), name.clone())) else {
                continue;
            };
            dns.insert(format!("{name}.{namespace}.svc.cluster.local"), ip.clone());
            let selected: Vec<&PodRecord> =
                endpoint_pods(self.pods.values(), namespace, service).collect();
            for port in &service.spec.ports {
                let backends = selected
                    .iter()
                    .filter_map(|record| {
                        let pod_ip = record.status.pod_ip.clone()?;
                        let target = target_port(record, port)?;
                        Some((pod_ip, u16::try_from(target).ok()?))
                    })
                    .collect();
                if let Ok(number) = u16::try_from(port.port) {
                    routes.insert((ip.clone(), number), backends);
                }
            }
        }
        if self.network_state != (dns.clone(), routes.clone()) {
            self.kubelet.runtime.set_dns(dns.clone());
            self.kubelet.runtime.set_services(routes.clone());
            self.network_state = (dns, routes);
        }
    }
}

/// Of `pods`, those that back `service` in `namespace`.
fn endpoint_pods<'a>(
    pods: impl Iterator<Item = &'a PodRecord> + 'a,
    namespace: &'a str,
    service: &'a Service,
) -> impl Iterator<Item = &'a PodRecord> + 'a {
    pods.filter(move |record| {
        record.pod.namespace() == namespace
            && !service.spec.selector.is_empty()
            && service
                .spec
                .selector
                .iter()
                .all(|(k, v)| record.pod.metadata.labels.get(k) == Some(v))
            && record.status.condition("Ready").is_some_and(|c| c.status)
            && record.deletion_requested.is_none()
    })
}

/// The container port of `record` that `port`'s targetPort names (a number,
/// or a container port's name), as kube-proxy resolves it.
pub fn target_port(record: &PodRecord, port: &ServicePort) -> Option<i64> {
    match &port.target_port {
        None => Some(port.port),
        Some(IntOrString::Int(number)) => Some(*number),
        Some(IntOrString::String(port_name)) => record
            .pod
            .spec
            .containers
            .iter()
            .flat_map(|c| &c.ports)
            .find(|p| p.name.as_deref() == Some(port_name.as_str()))
            .map(|p| p.container_port),
    }
}
