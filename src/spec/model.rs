//! The typed Pod model: the fields of `core/v1` a tutorial Pod uses, named as the
//! API names them (camelCase in YAML).
//!
//! Unknown fields are ignored for now; strict decoding and defaulting arrive with
//! validation. Every collection is ordered (Vec or BTreeMap) so that printing and
//! simulating never depend on hash order.

use serde::Deserialize;
use std::collections::BTreeMap;

/// A `kind: Pod` object.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Pod {
    /// `apiVersion`, `v1` for a Pod.
    pub api_version: String,
    /// `kind`, always `Pod` here.
    pub kind: String,
    /// Name, namespace, labels and annotations.
    #[serde(default)]
    pub metadata: ObjectMeta,
    /// What the pod should run.
    #[serde(default)]
    pub spec: PodSpec,
}

/// `metadata` of any object.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ObjectMeta {
    /// The object's name, unique per kind and namespace.
    #[serde(default)]
    pub name: String,
    /// The namespace; `None` means the client's current one (`default`).
    pub namespace: Option<String>,
    /// Labels, printed sorted by key as kubectl does.
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    /// Annotations, sorted by key.
    #[serde(default)]
    pub annotations: BTreeMap<String, String>,
}

/// `spec` of a Pod.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PodSpec {
    /// Init containers, run one after another before the app containers.
    #[serde(default)]
    pub init_containers: Vec<Container>,
    /// App containers, started in this order.
    #[serde(default)]
    pub containers: Vec<Container>,
    /// Volumes the containers may mount.
    #[serde(default)]
    pub volumes: Vec<Volume>,
    /// `Always`, `OnFailure` or `Never`; `None` until defaulted.
    pub restart_policy: Option<String>,
    /// The node the pod is bound to; set by the scheduler when absent.
    pub node_name: Option<String>,
}

/// One container of a Pod.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Container {
    /// The container's name, unique within the pod.
    #[serde(default)]
    pub name: String,
    /// The image reference, e.g. `centos:7`.
    #[serde(default)]
    pub image: String,
    /// The entrypoint array; empty means the image's own.
    #[serde(default)]
    pub command: Vec<String>,
    /// Arguments to the entrypoint.
    #[serde(default)]
    pub args: Vec<String>,
    /// `Always`, `IfNotPresent` or `Never`; `None` until defaulted.
    pub image_pull_policy: Option<String>,
    /// Ports the container declares (informational, as in Kubernetes).
    #[serde(default)]
    pub ports: Vec<ContainerPort>,
    /// Volumes mounted into the container's filesystem.
    #[serde(default)]
    pub volume_mounts: Vec<VolumeMount>,
    /// `Always` marks an init container as a native sidecar.
    pub restart_policy: Option<String>,
}

/// A port a container declares.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContainerPort {
    /// An IANA service name for the port, optional.
    pub name: Option<String>,
    /// The port number inside the pod's network namespace.
    #[serde(default)]
    pub container_port: i64,
    /// `TCP`, `UDP` or `SCTP`; `None` until defaulted to `TCP`.
    pub protocol: Option<String>,
}

/// A volume mounted into a container.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VolumeMount {
    /// The name of a volume in `spec.volumes`.
    #[serde(default)]
    pub name: String,
    /// Where the volume appears inside the container.
    #[serde(default)]
    pub mount_path: String,
    /// Mount read-only.
    #[serde(default)]
    pub read_only: bool,
    /// Mount only this path inside the volume.
    pub sub_path: Option<String>,
}

/// A volume of the pod: a name and exactly one source.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Volume {
    /// The volume's name, referenced by volume mounts.
    #[serde(default)]
    pub name: String,
    /// A directory that lives as long as the pod.
    pub empty_dir: Option<EmptyDirVolumeSource>,
    /// A directory or file of the node.
    pub host_path: Option<HostPathVolumeSource>,
    /// The keys of a ConfigMap as files.
    pub config_map: Option<ObjectReference>,
    /// The keys of a Secret as files.
    pub secret: Option<SecretVolumeSource>,
}

impl Volume {
    /// A short word for the volume's source, as drawn in the diagram.
    pub fn source_kind(&self) -> &'static str {
        if self.empty_dir.is_some() {
            "emptyDir"
        } else if self.host_path.is_some() {
            "hostPath"
        } else if self.config_map.is_some() {
            "configMap"
        } else if self.secret.is_some() {
            "secret"
        } else {
            "volume"
        }
    }
}

/// `emptyDir` source.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EmptyDirVolumeSource {
    /// `""` (node disk) or `Memory` (tmpfs).
    pub medium: Option<String>,
    /// The most the volume may hold, as a quantity string (`1Gi`).
    pub size_limit: Option<String>,
}

/// `hostPath` source.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HostPathVolumeSource {
    /// The path on the node.
    #[serde(default)]
    pub path: String,
    /// The check made before mounting (`Directory`, `DirectoryOrCreate`, …).
    #[serde(rename = "type")]
    pub path_type: Option<String>,
}

/// A reference to a ConfigMap by name, with optional key selection.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ObjectReference {
    /// The ConfigMap's name.
    #[serde(default)]
    pub name: String,
    /// Which keys become which files; all keys when empty.
    #[serde(default)]
    pub items: Vec<KeyToPath>,
}

/// `secret` volume source (the Secret is named `secretName`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SecretVolumeSource {
    /// The Secret's name.
    #[serde(default)]
    pub secret_name: String,
    /// Which keys become which files; all keys when empty.
    #[serde(default)]
    pub items: Vec<KeyToPath>,
}

/// One key projected to one file.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyToPath {
    /// The key in the ConfigMap or Secret.
    #[serde(default)]
    pub key: String,
    /// The relative file path it is written to.
    #[serde(default)]
    pub path: String,
}

impl Container {
    /// The image pull policy, defaulted as the API server does: `Always` for a
    /// `:latest` or untagged image, else `IfNotPresent`.
    pub fn pull_policy(&self) -> &str {
        if let Some(policy) = &self.image_pull_policy {
            return policy;
        }
        if self.image.contains('@') {
            return "IfNotPresent";
        }
        let last_component = self.image.rsplit('/').next().unwrap_or(&self.image);
        match last_component.split_once(':') {
            Some((_, "latest")) | None => "Always",
            Some(_) => "IfNotPresent",
        }
    }
}

impl Pod {
    /// The namespace the pod lives in once created.
    pub fn namespace(&self) -> &str {
        self.metadata.namespace.as_deref().unwrap_or("default")
    }
}
