//! The declared pod: what the page draws before the simulation module has
//! loaded.
//!
//! The web page comes in two wasm modules. The page module (UI, layout,
//! drawing) arrives first and draws a first diagram of the pod the editor's
//! YAML declares; the simulation module (kubelet, runtime, kubectl, the
//! serde-decoded model and its validation) arrives later. This module reads the
//! YAML into just the fields [`layout_pod`](crate::layout::layout_pod) and the
//! first scene use, walking the YAML loader's node tree by hand: no serde
//! decoding, no validation, no simulation (so the linker leaves those out of
//! the page module).
//!
//! [`declared_pod`] gives the pod the layout draws; [`declared_scene`] gives
//! the pod as the API server holds it just after it is created, before the
//! scheduler binds it: what the simulation's scene shows at time zero.

use crate::layout::ContainerKind;
use crate::narration::Narration;
use crate::scene::{ContainerScene, PauseScene, PodScene, StateKind, VolumeScene};
use crate::spec::{
    admit_pod, generated_suffix, load_documents, ConfigMapVolumeSource, Container, ContainerPort,
    EmptyDirVolumeSource, HostPathVolumeSource, NfsVolumeSource, Node, NodeValue, ObjectMeta,
    PersistentVolumeClaimVolumeSource, Pod, PodSpec, ProjectedVolumeSource, SecretVolumeSource,
    Volume, VolumeMount, MAX_MANIFEST_BYTES,
};

/// The first Pod of `yaml` (a document with `apiVersion: v1` and `kind: Pod`),
/// with only what the diagram draws filled in: metadata's name and namespace;
/// the init and app containers' names, images, restartPolicy, ports and
/// volume mounts; the volumes' names and sources; hostname,
/// shareProcessNamespace and automountServiceAccountToken. Everything else
/// stays at its default. A volume without a source is an `emptyDir`, as the
/// API server defaults it.
///
/// `None` when the text is over [`MAX_MANIFEST_BYTES`], holds no Pod document
/// the YAML loader can read (a syntax error, too deep, an alias bomb), or its
/// first Pod has no name or no containers (nothing the diagram could draw). A value of the wrong type (a number
/// where a name goes) reads as if the field were absent; the simulation's
/// parser will report it.
pub fn declared_pod(yaml: &str) -> Option<Pod> {
    if yaml.len() > MAX_MANIFEST_BYTES {
        return None;
    }
    let root = load_documents(yaml)
        .into_iter()
        .filter_map(|document| document.root.ok())
        .find(|root| text(root.get("apiVersion")) == "v1" && text(root.get("kind")) == "Pod")?;
    let pod = read_pod(&root);
    (!pod.metadata.name.is_empty() && !pod.spec.containers.is_empty()).then_some(pod)
}

/// The pod as the API server holds it just after it is created, before the
/// scheduler binds it and before any kubelet acts: phase and STATUS
/// `Pending`, READY `0/N` (app containers and sidecars, as kubectl counts),
/// no conditions yet, pause not running and without address, every container
/// waiting with no status yet (empty reason), app containers locked behind
/// unfinished init containers, no port listened on, the volumes (with the
/// service-account token volume admission adds) empty, and the narration
/// "the scheduler binds the pod".
///
/// The token volume's name is the one the simulation gives the first pod it
/// creates, so for the editor's first pod this equals the simulation's scene
/// at time zero, but for `missing_service` (a Service a container looks up
/// that the cluster lacks), which needs the cluster and is left unset.
pub fn declared_scene(pod: &Pod) -> PodScene {
    let spec = &pod.spec;
    let inits_to_finish = spec.init_containers.iter().any(|c| !c.is_restartable());
    let init = spec
        .init_containers
        .iter()
        .map(|c| waiting_container(c, ContainerKind::of_init(c), false));
    let app = spec
        .containers
        .iter()
        .map(|c| waiting_container(c, ContainerKind::App, inits_to_finish));
    let mut admitted = pod.clone();
    admit_pod(&mut admitted, &generated_suffix(1));
    PodScene {
        name: pod.metadata.name.clone(),
        namespace: pod.namespace().to_string(),
        phase: "Pending".to_string(),
        status: "Pending".to_string(),
        ready: format!("0/{}", spec.ready_total()),
        conditions: Vec::new(),
        terminating: false,
        pause: PauseScene {
            running: false,
            creating: None,
            shared_pid: spec.share_process_namespace == Some(true),
            hostname: spec
                .hostname
                .clone()
                .unwrap_or_else(|| pod.metadata.name.clone()),
            ip: None,
            mac: None,
        },
        containers: init.chain(app).collect(),
        ports: Vec::new(),
        volumes: admitted
            .spec
            .volumes
            .iter()
            .map(|volume| VolumeScene {
                name: volume.name.clone(),
                source: volume.source_kind().to_string(),
                files: Vec::new(),
                file_count: 0,
            })
            .collect(),
        packets: Vec::new(),
        narration: Narration::Scheduling,
    }
}

/// A container the kubelet has not seen yet.
fn waiting_container(container: &Container, kind: ContainerKind, locked: bool) -> ContainerScene {
    ContainerScene {
        name: container.name.clone(),
        kind,
        image: container.image.clone(),
        state: StateKind::Waiting,
        reason: String::new(),
        exit_code: None,
        restarts: 0,
        ready: false,
        pulling: None,
        back_off: None,
        done: false,
        locked,
        last_log: None,
        missing_service: None,
    }
}

fn read_pod(root: &Node) -> Pod {
    let metadata = root.get("metadata");
    let field = |key: &str| metadata.and_then(|m| m.get(key));
    let spec = root.get("spec");
    let entry = |key: &str| spec.and_then(|s| s.get(key));
    Pod {
        api_version: "v1".to_string(),
        kind: "Pod".to_string(),
        metadata: ObjectMeta {
            name: text(field("name")),
            namespace: optional_text(field("namespace")),
            ..ObjectMeta::default()
        },
        spec: PodSpec {
            init_containers: items(entry("initContainers"))
                .iter()
                .map(read_container)
                .collect(),
            containers: items(entry("containers"))
                .iter()
                .map(read_container)
                .collect(),
            volumes: items(entry("volumes")).iter().map(read_volume).collect(),
            hostname: optional_text(entry("hostname")),
            share_process_namespace: flag(entry("shareProcessNamespace")),
            automount_service_account_token: flag(entry("automountServiceAccountToken")),
            ..PodSpec::default()
        },
    }
}

fn read_container(node: &Node) -> Container {
    Container {
        name: text(node.get("name")),
        image: text(node.get("image")),
        restart_policy: optional_text(node.get("restartPolicy")),
        ports: items(node.get("ports"))
            .iter()
            .map(|port| ContainerPort {
                container_port: match port.get("containerPort").map(|n| &n.value) {
                    Some(NodeValue::Int(number)) => *number,
                    _ => 0,
                },
                ..ContainerPort::default()
            })
            .collect(),
        volume_mounts: items(node.get("volumeMounts"))
            .iter()
            .map(|mount| VolumeMount {
                name: text(mount.get("name")),
                read_only: flag(mount.get("readOnly")),
                mount_path: text(mount.get("mountPath")),
                sub_path: None,
            })
            .collect(),
        ..Container::default()
    }
}

/// A volume's name and which sources it sets (a source's own fields are
/// left at their defaults: the diagram names only the kind).
fn read_volume(node: &Node) -> Volume {
    let set = |key: &str| node.get(key).is_some_and(|n| n.value != NodeValue::Null);
    let mut volume = Volume {
        name: text(node.get("name")),
        empty_dir: set("emptyDir").then(EmptyDirVolumeSource::default),
        host_path: set("hostPath").then(HostPathVolumeSource::default),
        config_map: set("configMap").then(ConfigMapVolumeSource::default),
        secret: set("secret").then(SecretVolumeSource::default),
        nfs: set("nfs").then(NfsVolumeSource::default),
        persistent_volume_claim: set("persistentVolumeClaim")
            .then(PersistentVolumeClaimVolumeSource::default),
        projected: set("projected").then(ProjectedVolumeSource::default),
    };
    // The API server's default for a volume without a source.
    if volume.sources().is_empty() {
        volume.empty_dir = Some(EmptyDirVolumeSource::default());
    }
    volume
}

/// The text of a string node; empty for anything else.
fn text(node: Option<&Node>) -> String {
    node.and_then(Node::as_str).unwrap_or("").to_string()
}

/// The text of a string node, if it is one.
fn optional_text(node: Option<&Node>) -> Option<String> {
    node.and_then(Node::as_str).map(str::to_string)
}

/// The value of a boolean node, if it is one.
fn flag(node: Option<&Node>) -> Option<bool> {
    match node.map(|n| &n.value) {
        Some(NodeValue::Bool(value)) => Some(*value),
        _ => None,
    }
}

/// The items of a sequence node; none for anything else.
fn items(node: Option<&Node>) -> &[Node] {
    match node.map(|n| &n.value) {
        Some(NodeValue::Seq(items)) => items,
        _ => &[],
    }
}

#[cfg(test)]
mod tests;
