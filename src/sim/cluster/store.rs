//! The API server's store: applying pods, Services, ConfigMaps and Secrets
//! (uids, resourceVersions, admission), deleting them, labels and
//! annotations, and the Services every cluster starts with.

use super::records::{ApplyOutcome, PodRecord, StoredMeta};
use super::{Cluster, ClusterEvent};
use crate::sim::ids::make_uid;
use crate::sim::status::PodStatus;
use crate::spec::{admit_pod, generated_suffix, Manifest, Pod};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The Services every cluster has from the start (namespace, name, cluster
/// IP, object), read from their YAML once: each rebuild of a run starts a
/// fresh cluster, and reading them again cost a sixth of an edit's rerun.
pub(super) fn builtin_services() -> &'static [(&'static str, &'static str, &'static str, Manifest)]
{
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
    /// The Services every cluster has: `kubernetes` (the API server) and
    /// `kube-dns` (CoreDNS, the address in every pod's resolv.conf).
    pub(super) fn add_builtin_services(&mut self) {
        for (namespace, name, ip, manifest) in builtin_services() {
            self.cluster_ips
                .insert((namespace.to_string(), name.to_string()), ip.to_string());
            self.apply(manifest.clone());
        }
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

    pub(super) fn apply_pod(&mut self, submitted: Pod) -> ApplyOutcome {
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
}
