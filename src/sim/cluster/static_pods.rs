//! The node's files and the kubelet's file source: static pods from
//! `/etc/kubernetes/manifests`, reread every 20 s, with their mirror pods.

use super::records::PodRecord;
use super::Cluster;
use crate::sim::ids::{fnv64, make_uid};
use crate::sim::kubelet::PodKey;
use crate::sim::node::STATIC_POD_PATH;
use crate::sim::status::PodStatus;
use crate::spec::{Manifest, Pod};
use std::collections::BTreeMap;

impl Cluster {
    /// The kubelet's configuration on the node, as kubeadm writes it, and its
    /// static pod folder.
    pub(super) fn add_kubelet_files(&mut self) {
        let config = format!(
            "apiVersion: kubelet.config.k8s.io/v1beta1\nauthentication:\n  anonymous:\n    enabled: false\n  webhook:\n    cacheTTL: 0s\n    enabled: true\n  x509:\n    clientCAFile: /etc/kubernetes/pki/ca.crt\nauthorization:\n  mode: Webhook\ncgroupDriver: systemd\nclusterDNS:\n- {dns}\nclusterDomain: cluster.local\ncontainerRuntimeEndpoint: unix:///var/run/cri-dockerd.sock\nkind: KubeletConfiguration\nresolvConf: /run/systemd/resolve/resolv.conf\nrotateCertificates: true\nstaticPodPath: {STATIC_POD_PATH}\n",
            dns = crate::runtime::net::CLUSTER_DNS
        );
        // The node's disk has room for these few bytes from the start.
        let _ = self.write_node_file("/var/lib/kubelet/config.yaml", &config);
        let view = crate::sim::containers::node_view(self.kubelet.node_root());
        let _ = self
            .kubelet
            .runtime
            .fs
            .make_directory(&view, "/", STATIC_POD_PATH, true);
    }

    /// Reads a file of the node.
    pub fn read_node_file(&self, path: &str) -> Option<String> {
        let view = crate::sim::containers::node_view(self.kubelet.node_root());
        let bytes = self.kubelet.runtime.fs.read(&view, "/", path).ok()?;
        Some(String::from_utf8_lossy(bytes).into_owned())
    }

    /// The entries of a folder of the node, sorted.
    pub fn list_node_dir(&self, path: &str) -> Option<Vec<String>> {
        let view = crate::sim::containers::node_view(self.kubelet.node_root());
        self.kubelet.runtime.fs.list(&view, "/", path).ok()
    }

    /// Writes a file of the node (creating its folders), as an admin on the
    /// node does; a manifest in [`STATIC_POD_PATH`] starts a static pod.
    pub fn write_node_file(&mut self, path: &str, contents: &str) -> Result<(), String> {
        let view = crate::sim::containers::node_view(self.kubelet.node_root());
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
        let view = crate::sim::containers::node_view(self.kubelet.node_root());
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
    pub(super) fn scan_static_pods(&mut self) {
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
}
