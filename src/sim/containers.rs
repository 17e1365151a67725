//! The container runtime service as the kubelet calls it (CRI's
//! RunPodSandbox, CreateContainer/StartContainer, StopContainer), on top of
//! the process layer in [`crate::runtime`]: a sandbox is the pod's network,
//! its optional shared PID namespace and the `/pause` process; a container is
//! a root filesystem from its image, the pod's volumes mounted on it, and its
//! first process.

use super::node::NODE_NAME;
use super::objects::ObjectStore;
use crate::clock::SimTime;
use crate::runtime::fs::{FileSystem, Inode, InodeId, Mount, MountKind, View};
use crate::runtime::images::{self, Image};
use crate::runtime::net::{write_pod_files, PodNetwork};
use crate::runtime::{Launch, ProcessId, Runtime, SharedPidNamespace, SignalTarget};
use crate::spec::{Container, Manifest, Pod};
use std::collections::BTreeMap;
use std::rc::Rc;

/// The pause image every sandbox runs.
pub const PAUSE_IMAGE: &str = "registry.k8s.io/pause:3.10";

/// A pod's sandbox while it runs.
#[derive(Debug, Clone)]
pub struct Sandbox {
    /// The pod's network namespace (IP, MAC, interfaces).
    pub network: Rc<PodNetwork>,
    /// The `/pause` process.
    pub pause: ProcessId,
    /// The PID namespace the containers share, with `shareProcessNamespace`.
    pub pid_namespace: Option<SharedPidNamespace>,
}

/// A started container's pieces in the runtime.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instance {
    /// Its first process.
    pub process: ProcessId,
    /// Its log.
    pub log: usize,
    /// Its root directory, which every process of the container shares.
    pub root: InodeId,
}

/// Starts a sandbox with IP `ip`: the network namespace and `/pause`.
pub fn run_pod_sandbox(
    runtime: &mut Runtime,
    pod: &Pod,
    ip: [u8; 4],
    serial: u64,
    now: SimTime,
) -> Sandbox {
    let network = Rc::new(PodNetwork::new(ip, serial, 4 + serial as u32));
    let pid_namespace = (pod.spec.share_process_namespace == Some(true))
        .then(|| SharedPidNamespace::new(1_000_000 + serial as usize));
    let image = images::resolve(PAUSE_IMAGE).unwrap_or(images::GENERIC);
    let root = runtime.fs.new_directory();
    let log = runtime.new_log();
    let pause = runtime.spawn(Launch {
        argv: vec!["/pause".to_string()],
        env: Vec::new(),
        cwd: "/".to_string(),
        view: View {
            root,
            mounts: Vec::new(),
        },
        hostname: pod.metadata.name.clone(),
        flavor: image.shell,
        log,
        tools: image.tools,
        started: now,
        network: Some(network.clone()),
        pid_namespace: pid_namespace.clone(),
    });
    Sandbox {
        network,
        pause,
        pid_namespace,
    }
}

/// Why a volume could not be set up, in the words of the kubelet's
/// `FailedMount` event (`MountVolume.SetUp failed for volume "v" : …`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MountError {
    /// The volume's name.
    pub volume: String,
    /// The plugin's error.
    pub message: String,
}

/// The node's own filesystem root, where hostPath volumes and the kubelet's
/// pod directories live.
pub fn node_view(node_root: InodeId) -> View {
    View {
        root: node_root,
        mounts: Vec::new(),
    }
}

/// Where the kubelet keeps a pod's emptyDir `name` on the node.
pub fn empty_dir_path(uid: &str, name: &str) -> String {
    format!("/var/lib/kubelet/pods/{uid}/volumes/kubernetes.io~empty-dir/{name}")
}

/// Sets up every volume of `pod` on the node, as the volume manager does before
/// the sandbox starts; returns the directory of each volume by name.
pub fn set_up_volumes(
    fs: &mut FileSystem,
    node_root: InodeId,
    pod: &Pod,
    uid: &str,
    objects: &ObjectStore,
) -> Result<BTreeMap<String, InodeId>, MountError> {
    let node = node_view(node_root);
    let namespace = pod.namespace().to_string();
    let mut directories = BTreeMap::new();
    for volume in &pod.spec.volumes {
        let fail = |message: String| MountError {
            volume: volume.name.clone(),
            message,
        };
        let directory = if volume.empty_dir.is_some() {
            let path = empty_dir_path(uid, &volume.name);
            fs.make_directory(&node, "/", &path, true)
                .map_err(|e| fail(e.message().to_string()))?;
            fs.lookup(&node, "/", &path)
                .map_err(|e| fail(e.message().to_string()))?
        } else if let Some(host_path) = &volume.host_path {
            host_path_directory(fs, &node, &host_path.path, host_path.path_type.as_deref())
                .map_err(fail)?
        } else if let Some(source) = &volume.config_map {
            let key = ("ConfigMap", namespace.clone(), source.name.clone());
            let data = match objects.get(&key) {
                Some(Manifest::ConfigMap(config_map)) => config_map.data.clone(),
                _ if source.optional == Some(true) => BTreeMap::new(),
                _ => return Err(fail(format!("configmap \"{}\" not found", source.name))),
            };
            files_directory(fs, &data, &source.items)
        } else if let Some(source) = &volume.secret {
            let key = ("Secret", namespace.clone(), source.secret_name.clone());
            let data = match objects.get(&key) {
                Some(Manifest::Secret(secret)) => secret_data(secret),
                _ if source.optional == Some(true) => BTreeMap::new(),
                _ => return Err(fail(format!("secret \"{}\" not found", source.secret_name))),
            };
            files_directory(fs, &data, &source.items)
        } else if volume.projected.is_some() {
            let data: BTreeMap<String, String> = [
                ("ca.crt", "-----BEGIN CERTIFICATE-----\n(the cluster's CA certificate)\n-----END CERTIFICATE-----\n".to_string()),
                ("namespace", namespace.clone()),
                ("token", "eyJhbGciOiJSUzI1NiIsImtpZCI6InBvZHBsYXkifQ.(a service account token).signature".to_string()),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
            files_directory(fs, &data, &[])
        } else {
            // NFS and PVCs: an empty directory (the playground has no storage server).
            fs.new_directory()
        };
        directories.insert(volume.name.clone(), directory);
    }
    Ok(directories)
}

/// A Secret's keys with their decoded values.
fn secret_data(secret: &crate::spec::Secret) -> BTreeMap<String, String> {
    let mut data: BTreeMap<String, String> = secret
        .data
        .iter()
        .map(|(k, v)| (k.clone(), decode_base64(v)))
        .collect();
    data.extend(secret.string_data.clone());
    data
}

/// Decodes standard base64, ignoring what is not part of the alphabet.
fn decode_base64(text: &str) -> String {
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::new();
    for byte in text.bytes() {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => continue,
        };
        bits = bits << 6 | u32::from(value);
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A new directory with one file per key (or per `items` entry).
fn files_directory(
    fs: &mut FileSystem,
    data: &BTreeMap<String, String>,
    items: &[crate::spec::KeyToPath],
) -> InodeId {
    let directory = fs.new_directory();
    let view = node_view(directory);
    let files: Vec<(String, &String)> = if items.is_empty() {
        data.iter().map(|(k, v)| (k.clone(), v)).collect()
    } else {
        items
            .iter()
            .filter_map(|item| data.get(&item.key).map(|v| (item.path.clone(), v)))
            .collect()
    };
    // The kubelet's atomic writer: the files go into a timestamped
    // directory, `..data` links to it, and each top-level name links into
    // `..data`, so an update swaps one link.
    let millis = fs.clock().as_millis();
    let seconds = crate::runtime::EPOCH_SECONDS + (millis / 1000) as i64;
    let stamp = format!(
        "{}.{}",
        crate::runtime::format_time(seconds, "..%Y_%m_%d_%H_%M_%S"),
        (2_847_103_562 + millis * 1_000_003) % 4_294_967_296
    );
    let _ = fs.make_directory(&view, "/", &stamp, false);
    let mut top_level = std::collections::BTreeSet::new();
    for (path, contents) in files {
        if let Some((parent, _)) = path.rsplit_once('/') {
            // The key names were validated; a failure only leaves the file out.
            let _ = fs.make_directory(&view, &stamp, parent, true);
        }
        let _ = fs.write(&view, &stamp, &path, contents.as_bytes(), false);
        top_level.insert(path.split('/').next().unwrap_or(&path).to_string());
    }
    let _ = fs.symlink(&view, "/", &stamp, "..data");
    for name in top_level {
        let _ = fs.symlink(&view, "/", &format!("..data/{name}"), &name);
    }
    directory
}

/// The node directory (or file) for a hostPath volume after its type check
/// (`checkTypeInternal` in `pkg/volume/hostpath/host_path.go`).
fn host_path_directory(
    fs: &mut FileSystem,
    node: &View,
    path: &str,
    path_type: Option<&str>,
) -> Result<InodeId, String> {
    let existing = fs.lookup(node, "/", path).ok();
    let is_directory = existing.map(|id| matches!(fs.inode(id), Inode::Directory(_)));
    let check_failed = |what: &str| format!("hostPath type check failed: {path} is not {what}");
    let strerror = |error: crate::runtime::fs::FsError| error.message().to_string();
    match (path_type.unwrap_or(""), is_directory, existing) {
        ("" | "DirectoryOrCreate", None, _) => {
            fs.make_directory(node, "/", path, true).map_err(strerror)?;
            fs.lookup(node, "/", path).map_err(strerror)
        }
        ("FileOrCreate", None, _) => {
            if let Some((parent, _)) = path.rsplit_once('/').filter(|(p, _)| !p.is_empty()) {
                fs.make_directory(node, "/", parent, true)
                    .map_err(strerror)?;
            }
            fs.write(node, "/", path, b"", false).map_err(strerror)?;
            fs.lookup(node, "/", path).map_err(strerror)
        }
        ("Directory", None, _) | ("Directory" | "DirectoryOrCreate", Some(false), _) => {
            Err(check_failed("a directory"))
        }
        ("File", None, _) | ("File" | "FileOrCreate", Some(true), _) => Err(check_failed("a file")),
        ("Socket", _, _) => Err(check_failed("a socket file")),
        ("CharDevice", _, _) => Err(check_failed("a character device")),
        ("BlockDevice", _, _) => Err(check_failed("a block device")),
        (_, _, Some(id)) => Ok(id),
        (_, _, None) => Err(strerror(crate::runtime::fs::FsError::NotFound)),
    }
}

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
    let _ = write_pod_files(
        &mut runtime.fs,
        &own_root,
        &sandbox.network,
        &pod.metadata.name,
        pod.namespace(),
    );
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

/// What holds a volume's files: a tmpfs for `medium: Memory` (sized by its
/// `sizeLimit`), Secrets and the service-account token; else the node's disk.
fn mount_kind(volume: &crate::spec::Volume) -> MountKind {
    match (&volume.empty_dir, &volume.secret, &volume.projected) {
        (Some(empty_dir), _, _) if empty_dir.medium.as_deref() == Some("Memory") => {
            MountKind::Memory {
                size_limit: empty_dir.size_limit.as_ref().and_then(|q| q.value()),
            }
        }
        (_, Some(_), _) | (_, _, Some(_)) => MountKind::Memory { size_limit: None },
        _ => MountKind::Disk,
    }
}

/// The programs of the node itself: CentOS's, plus the clients tutorials
/// install on a node (curl, wget, redis-cli, nc).
pub const NODE_TOOLS: crate::runtime::images::Tools = crate::runtime::images::Tools {
    base: crate::runtime::images::Toolset::Centos,
    extras: &["curl", "wget", "redis-cli", "nc"],
};

/// Starts `bash -c SCRIPT` on the node itself, as root in `/root`: the
/// node's filesystem, the node's network (pods are reached by their IPs).
pub fn run_on_node(
    runtime: &mut Runtime,
    node_root: InodeId,
    script: &str,
    now: SimTime,
) -> (ProcessId, usize) {
    let view = node_view(node_root);
    let _ = runtime.fs.make_directory(&view, "/", "/root", true);
    let _ = runtime.fs.make_directory(&view, "/", "/tmp", true);
    let log = runtime.new_log();
    let process = runtime.spawn(Launch {
        argv: vec!["bash".to_string(), "-c".to_string(), script.to_string()],
        env: vec![
            ("HOME".to_string(), "/root".to_string()),
            (
                "PATH".to_string(),
                "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".to_string(),
            ),
        ],
        cwd: "/root".to_string(),
        view,
        hostname: NODE_NAME.to_string(),
        flavor: crate::runtime::shell::Flavor::Bash,
        log,
        tools: NODE_TOOLS,
        started: now,
        network: None,
        pid_namespace: None,
    });
    (process, log)
}

/// Sends `signal` to a container's first process.
pub fn signal_container(runtime: &mut Runtime, instance: &Instance, signal: i32) {
    runtime.signal(instance.process, SignalTarget::Process, signal);
}
