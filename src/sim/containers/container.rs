//! A container's creation and start (`CreateContainer`/`StartContainer`):
//! its environment, its root from the image, the volumes mounted, the
//! kubelet's `/etc` files and its first process.

use super::host::node_view;
use super::sandbox::{Instance, Sandbox};
use super::volumes::{mount_kind, secret_data};
use crate::clock::SimTime;
use crate::runtime::fs::{InodeId, Mount, MountKind, View};
use crate::runtime::images::{self, Image};
use crate::runtime::net::write_pod_files;
use crate::runtime::{CpuCgroup, Launch, Runtime};
use crate::sim::objects::ObjectStore;
use crate::spec::{effective_requests, Container, Manifest, Pod, Quantity};
use std::collections::BTreeMap;

/// Why a container could not be created (`CreateContainerConfigError`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The kubelet's message, e.g. `configmap "cfg" not found`.
    pub message: String,
}

/// The container's environment as the kubelet computes it: the service
/// links of the `kubernetes` Service, then the container's `env`.
pub fn container_env(
    pod: &Pod,
    container: &Container,
    pod_ip: &str,
    host_ip: &str,
    objects: &ObjectStore,
) -> Result<Vec<(String, String)>, ConfigError> {
    let namespace = pod.namespace().to_string();
    let mut env: Vec<(String, String)> = vec![
        ("KUBERNETES_SERVICE_HOST".into(), "10.96.0.1".into()),
        ("KUBERNETES_SERVICE_PORT".into(), "443".into()),
        ("KUBERNETES_SERVICE_PORT_HTTPS".into(), "443".into()),
        ("KUBERNETES_PORT".into(), "tcp://10.96.0.1:443".into()),
        (
            "KUBERNETES_PORT_443_TCP".into(),
            "tcp://10.96.0.1:443".into(),
        ),
        ("KUBERNETES_PORT_443_TCP_PROTO".into(), "tcp".into()),
        ("KUBERNETES_PORT_443_TCP_PORT".into(), "443".into()),
        ("KUBERNETES_PORT_443_TCP_ADDR".into(), "10.96.0.1".into()),
    ];
    for variable in &container.env {
        let value = if let Some(value) = &variable.value {
            value.clone()
        } else if let Some(source) = &variable.value_from {
            if let Some(field) = &source.field_ref {
                match field.field_path.as_str() {
                    "metadata.name" => pod.metadata.name.clone(),
                    "metadata.namespace" => namespace.clone(),
                    "status.podIP" => pod_ip.to_string(),
                    "status.hostIP" => host_ip.to_string(),
                    "spec.nodeName" => pod.spec.node_name.clone().unwrap_or_default(),
                    "spec.serviceAccountName" => {
                        pod.spec.service_account_name.clone().unwrap_or_default()
                    }
                    other => other
                        .strip_prefix("metadata.labels['")
                        .and_then(|rest| rest.strip_suffix("']"))
                        .and_then(|label| pod.metadata.labels.get(label).cloned())
                        .unwrap_or_default(),
                }
            } else if let Some(selector) = &source.config_map_key_ref {
                let key = ("ConfigMap", namespace.clone(), selector.name.clone());
                let data = match objects.get(&key) {
                    Some(Manifest::ConfigMap(config_map)) => Some(config_map.data.clone()),
                    _ => None,
                };
                let found = key_value("ConfigMap", data, &selector.name, &selector.key, &namespace);
                match (found, selector.optional == Some(true)) {
                    (Ok(value), _) => value,
                    (Err(_), true) => continue,
                    (Err(error), false) => return Err(error),
                }
            } else if let Some(selector) = &source.secret_key_ref {
                let key = ("Secret", namespace.clone(), selector.name.clone());
                let data = match objects.get(&key) {
                    Some(Manifest::Secret(secret)) => Some(secret_data(secret)),
                    _ => None,
                };
                let found = key_value("Secret", data, &selector.name, &selector.key, &namespace);
                match (found, selector.optional == Some(true)) {
                    (Ok(value), _) => value,
                    (Err(_), true) => continue,
                    (Err(error), false) => return Err(error),
                }
            } else {
                String::new()
            }
        } else {
            String::new()
        };
        env.push((variable.name.clone(), value));
    }
    Ok(env)
}

/// The value of `key` in the ConfigMap or Secret (`kind`) called `name`,
/// whose data is `data` when it exists; else the kubelet's error.
fn key_value(
    kind: &str,
    data: Option<BTreeMap<String, String>>,
    name: &str,
    key: &str,
    namespace: &str,
) -> Result<String, ConfigError> {
    let Some(data) = data else {
        return Err(ConfigError {
            message: format!("{} \"{name}\" not found", kind.to_lowercase()),
        });
    };
    data.get(key).cloned().ok_or_else(|| ConfigError {
        message: format!("couldn't find key {key} in {kind} {namespace}/{name}"),
    })
}

/// The container's CPU cgroup as `generateLinuxContainerResources` sets it
/// (kubernetes `pkg/kubelet/kuberuntime/kuberuntime_container_linux.go`):
/// `cpu.shares` from the request's millicores (a limit alone sets the
/// request), a CFS quota from the limit's.
pub fn cpu_cgroup(container: &Container) -> CpuCgroup {
    // `Quantity.MilliValue()`: millicores, rounded up.
    let millicores = |quantity: Option<&Quantity>| -> u64 {
        let nanos = quantity.and_then(Quantity::parsed).map_or(0, |q| q.nanos);
        u64::try_from((nanos + 999_999) / 1_000_000).unwrap_or(0)
    };
    let limit = container
        .resources
        .as_ref()
        .and_then(|resources| resources.limits.get("cpu"));
    CpuCgroup::of_container(
        millicores(effective_requests(container).get("cpu")),
        millicores(limit),
    )
}

/// What a container needs to start, besides the runtime.
pub struct ContainerStart<'a> {
    /// The pod.
    pub pod: &'a Pod,
    /// The container.
    pub container: &'a Container,
    /// Its image from the catalog.
    pub image: Image,
    /// Its environment.
    pub env: Vec<(String, String)>,
    /// The pod's sandbox.
    pub sandbox: &'a Sandbox,
    /// The pod's volumes by name.
    pub volumes: &'a BTreeMap<String, InodeId>,
    /// When it starts.
    pub now: SimTime,
}

/// Creates and starts a container: its root from the image, the volumes
/// mounted, the kubelet's `/etc` files, and its first process.
pub fn start_container(runtime: &mut Runtime, start: ContainerStart<'_>) -> Instance {
    let ContainerStart {
        pod,
        container,
        image,
        env,
        sandbox,
        volumes,
        now,
    } = start;
    let root = runtime.fs.new_directory();
    runtime.set_cpu_cgroup(root, cpu_cgroup(container));
    let mut mounts = Vec::new();
    for mount in &container.volume_mounts {
        let Some(&directory) = volumes.get(&mount.name) else {
            continue;
        };
        let directory = match mount.sub_path.as_deref().filter(|p| !p.is_empty()) {
            Some(sub_path) => {
                let view = node_view(directory);
                let _ = runtime.fs.make_directory(&view, "/", sub_path, true);
                runtime.fs.lookup(&view, "/", sub_path).unwrap_or(directory)
            }
            None => directory,
        };
        let path = if mount.mount_path.starts_with('/') {
            mount.mount_path.trim_end_matches('/').to_string()
        } else {
            format!("/{}", mount.mount_path.trim_end_matches('/'))
        };
        let volume = pod.spec.volumes.iter().find(|v| v.name == mount.name);
        mounts.push(Mount {
            path,
            root: directory,
            read_only: mount.is_read_only(),
            kind: volume.map_or(MountKind::Disk, mount_kind),
        });
    }
    // The image's files and the kubelet's /etc files go into the container's
    // own root, under the mounts (a volume hides what the image has at its
    // path); a failure (a full disk) leaves them out, as a broken image would.
    let own_root = View {
        root,
        mounts: Vec::new(),
    };
    let _ = images::install_files(&mut runtime.fs, &own_root, &image);
    let _ = runtime.fs.make_dev(&own_root, true);
    let _ = write_pod_files(
        &mut runtime.fs,
        &own_root,
        &sandbox.network,
        &pod.metadata.name,
        pod.namespace(),
    );
    // The container's memory cgroup: `memory.max` from its limit, charged
    // for what it writes to its memory-backed emptyDirs.
    let memory_limit = container
        .resources
        .as_ref()
        .and_then(|r| r.limits.get("memory"))
        .and_then(|q| q.value());
    let tmpfs = mounts
        .iter()
        .filter(|m| !m.read_only && matches!(m.kind, MountKind::Memory { .. }))
        .map(|m| m.root)
        .collect();
    runtime.create_memory_cgroup(root, memory_limit, tmpfs);
    let view = View { root, mounts };
    let log = runtime.new_log();
    let argv = images::container_argv(&image, &container.command, &container.args);
    let cwd = container
        .working_dir
        .clone()
        .unwrap_or_else(|| image.working_dir.to_string());
    let process = runtime.spawn(Launch {
        argv,
        env,
        cwd,
        view,
        hostname: pod.metadata.name.clone(),
        flavor: image.shell,
        log,
        tools: image.tools,
        started: now,
        network: Some(sandbox.network.clone()),
        pid_namespace: sandbox.pid_namespace.clone(),
    });
    Instance { process, log, root }
}
