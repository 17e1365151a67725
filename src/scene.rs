//! What the pod diagram shows at one virtual instant, read from the cluster:
//! the pod's phase and conditions, the pause container and the network it
//! holds, each container's state as kubectl names it (with a pull's progress
//! and a back-off's countdown), the volumes with their files, and the packets
//! of what the processes did in the last moments (writes, reads, connections).
//!
//! Pure data: the UI draws it and never asks the cluster itself. Built fresh
//! for every frame, so it holds no history; the cluster is the truth.

use crate::clock::SimTime;
use crate::kubectl::pod_row;
use crate::layout::ContainerKind;
use crate::narration::{narrate, Narration};
use crate::runtime::fs::Inode;
use crate::runtime::InodeId;
use crate::sim::{
    ActivityKind, Cluster, ContainerState, ContainerStatus, PodDetails, PodRecord, StartPhase,
};
use crate::spec::Container;
use std::collections::BTreeMap;

/// How long a packet takes to travel its line, in virtual milliseconds, at 1×.
pub const PACKET_MILLIS: u64 = 1_200;

/// Files listed per volume, at most.
const MAX_FILES: usize = 6;

/// Packets drawn at once, at most (the newest).
const MAX_PACKETS: usize = 12;

/// Files looked up for packets, and counted per volume, per scene at most.
pub const MAX_INDEXED_FILES: usize = 4096;

/// The longest line of text (a log line, a file's last line) kept, in characters.
const MAX_LINE_CHARS: usize = 60;

/// A container's state in three words, as `data-state` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum StateKind {
    Waiting,
    Running,
    Terminated,
}

impl StateKind {
    /// `waiting`, `running` or `terminated`.
    pub fn as_str(self) -> &'static str {
        match self {
            StateKind::Waiting => "waiting",
            StateKind::Running => "running",
            StateKind::Terminated => "terminated",
        }
    }
}

/// Something under way with a start and an end: a pull, a back-off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Progress {
    /// How much of it has passed, in thousandths.
    pub permille: u32,
    /// Milliseconds left.
    pub left_millis: u64,
}

impl Progress {
    fn between(since: SimTime, until: SimTime, now: SimTime) -> Progress {
        let total = (until - since).max(1);
        let passed = (now - since).min(total);
        Progress {
            permille: (passed * 1000 / total) as u32,
            left_millis: until - now,
        }
    }
}

/// One container card.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ContainerScene {
    /// Its name.
    pub name: String,
    /// Init, sidecar or app.
    pub kind: ContainerKind,
    /// Its image.
    pub image: String,
    /// Waiting, running or terminated.
    pub state: StateKind,
    /// kubectl's reason: `ContainerCreating`, `CrashLoopBackOff`, `Completed`,
    /// `Error`, or `Running`; empty while the pod has no status for it yet.
    pub reason: String,
    /// The exit code, once terminated.
    pub exit_code: Option<i32>,
    /// How many times it was restarted.
    pub restarts: u32,
    /// Whether it passes its readiness checks.
    pub ready: bool,
    /// An image pull under way.
    pub pulling: Option<Progress>,
    /// A restart back-off under way (CrashLoopBackOff's countdown).
    pub back_off: Option<Progress>,
    /// An init container that exited 0.
    pub done: bool,
    /// An app container that waits for init containers to finish.
    pub locked: bool,
    /// The last line it logged.
    pub last_log: Option<String>,
    /// A Service its command looks up (`nslookup NAME`) that does not exist.
    pub missing_service: Option<String>,
}

/// A port listened on in the pod's network namespace.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PortScene {
    /// The port number.
    pub port: u16,
    /// The container listening on it.
    pub owner: Option<String>,
    /// A container that tried to listen on it too and was refused.
    pub clash: Option<String>,
}

/// A file in a volume.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FileScene {
    /// Its path inside the volume.
    pub path: String,
    /// Its size in bytes.
    pub size: usize,
    /// Its last line.
    pub last_line: Option<String>,
}

/// A volume card.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct VolumeScene {
    /// Its name.
    pub name: String,
    /// `emptyDir`, `hostPath`, `configMap`, `secret`, …
    pub source: String,
    /// Files inside, once set up (at most a few).
    pub files: Vec<FileScene>,
    /// How many files it holds in all, counted up to [`MAX_INDEXED_FILES`].
    pub file_count: usize,
}

/// What a packet carries.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PacketKind {
    /// From a container into a volume.
    Write { volume: String },
    /// From a volume into a container.
    Read { volume: String },
    /// From a container to a port of the pod.
    Connect { port: u16 },
    /// A connection refused at a port of the pod.
    Refused { port: u16 },
    /// From a container to an address outside the pod (`IP:PORT`).
    Outbound { to: String },
    /// From outside the pod (another pod, the node) to a port of the pod.
    Inbound { port: u16 },
}

/// A packet on its way.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Packet {
    /// The container it belongs to (writer, reader or client); empty for a
    /// client outside the pod.
    pub container: String,
    /// What it carries and where.
    pub kind: PacketKind,
    /// How far it has travelled, in thousandths.
    pub permille: u32,
}

/// The pause container and the namespaces it holds.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PauseScene {
    /// Whether it runs.
    pub running: bool,
    /// Its creation, while under way.
    pub creating: Option<Progress>,
    /// Whether the containers share its PID namespace (pause is PID 1).
    pub shared_pid: bool,
    /// The pod's hostname (UTS namespace).
    pub hostname: String,
    /// eth0's IP.
    pub ip: Option<String>,
    /// eth0's MAC.
    pub mac: Option<String>,
}

/// The whole picture of one pod.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PodScene {
    /// The pod's name.
    pub name: String,
    /// Its namespace.
    pub namespace: String,
    /// `status.phase`.
    pub phase: String,
    /// kubectl's STATUS column.
    pub status: String,
    /// kubectl's READY column.
    pub ready: String,
    /// The five conditions, in the kubelet's order: (type, holds).
    pub conditions: Vec<(String, bool)>,
    /// Whether it is being deleted.
    pub terminating: bool,
    /// The sandbox.
    pub pause: PauseScene,
    /// Init containers then app containers, in spec order.
    pub containers: Vec<ContainerScene>,
    /// Ports listened on, by number.
    pub ports: Vec<PortScene>,
    /// Volumes in spec order.
    pub volumes: Vec<VolumeScene>,
    /// Packets under way, oldest first.
    pub packets: Vec<Packet>,
    /// What is happening and why, in plain words.
    pub narration: Narration,
}

/// The picture of the pod `name` in `namespace` at the cluster's current time;
/// `packet_millis` is how long a packet stays visible.
pub fn pod_scene(
    cluster: &Cluster,
    namespace: &str,
    name: &str,
    packet_millis: u64,
) -> Option<PodScene> {
    let record = cluster.pod(namespace, name)?;
    let now = cluster.now();
    let key = (namespace.to_string(), name.to_string());
    let details = cluster.kubelet().pod_details(&key, now).unwrap_or_default();
    let row = pod_row(record, now);
    let containers = container_scenes(cluster, record, &details, now);
    let volumes = volume_scenes(cluster, record, &details);
    let ports = port_scenes(cluster, record, &details, now);
    let packets = packets(cluster, record, &details, now, packet_millis);
    let pause = PauseScene {
        running: details.sandbox_running,
        creating: details
            .starting
            .as_ref()
            .filter(|s| s.phase == StartPhase::Sandbox)
            .map(|s| Progress::between(s.since, s.until, now)),
        shared_pid: record.pod.spec.share_process_namespace == Some(true),
        hostname: record
            .pod
            .spec
            .hostname
            .clone()
            .unwrap_or_else(|| record.pod.metadata.name.clone()),
        ip: record.status.pod_ip.clone(),
        mac: details.mac.map(|mac| {
            mac.iter()
                .map(|b| format!("{b:02x}"))
                .collect::<Vec<_>>()
                .join(":")
        }),
    };
    let mut scene = PodScene {
        name: name.to_string(),
        namespace: namespace.to_string(),
        phase: record.status.phase.as_str().to_string(),
        status: row.status,
        ready: row.ready,
        conditions: record
            .status
            .conditions
            .iter()
            .map(|c| (c.condition_type.to_string(), c.status))
            .collect(),
        terminating: record.deletion_requested.is_some(),
        pause,
        containers,
        ports,
        volumes,
        packets,
        narration: Narration::NoPod,
    };
    scene.narration = narrate(&scene, record, &details, now);
    Some(scene)
}

fn container_scenes(
    cluster: &Cluster,
    record: &PodRecord,
    details: &PodDetails,
    now: SimTime,
) -> Vec<ContainerScene> {
    let spec = &record.pod.spec;
    let status = &record.status;
    let inits_done = !spec.init_containers.is_empty()
        && spec.init_containers.iter().all(|c| {
            c.is_restartable()
                || status
                    .init_container_statuses
                    .iter()
                    .any(|s| s.name == c.name && completed(s))
        });
    let init = spec.init_containers.iter().map(|c| {
        let kind = ContainerKind::of_init(c);
        (c, kind, &status.init_container_statuses)
    });
    let app = spec
        .containers
        .iter()
        .map(|c| (c, ContainerKind::App, &status.container_statuses));
    init.chain(app)
        .map(|(container, kind, statuses)| {
            let status = statuses.iter().find(|s| s.name == container.name);
            let mut scene = container_scene(container, kind, status);
            scene.locked = kind == ContainerKind::App
                && !spec.init_containers.is_empty()
                && !inits_done
                && scene.state == StateKind::Waiting;
            if let Some(starting) = &details.starting {
                if starting.phase == StartPhase::Pull
                    && starting.container.as_deref() == Some(container.name.as_str())
                {
                    scene.pulling = Some(Progress::between(starting.since, starting.until, now));
                }
            }
            scene.back_off = details
                .back_offs
                .iter()
                .find(|b| b.container == container.name)
                .map(|b| Progress::between(b.since, b.until, now));
            scene.missing_service = looked_up_names(container)
                .find(|name| cluster.cluster_ip(record.pod.namespace(), name).is_none());
            scene.last_log = details
                .logs
                .iter()
                .rev()
                .find(|(name, _, _)| *name == container.name)
                .and_then(|(_, _, log)| cluster.log(*log))
                .and_then(|log| log.lines.back())
                .map(|line| shorten(&line.text));
            scene
        })
        .collect()
}

/// The names a container's command looks up with `nslookup` (the init
/// container pattern that waits for a Service), short names only.
fn looked_up_names(container: &Container) -> impl Iterator<Item = String> + '_ {
    container
        .command
        .iter()
        .chain(&container.args)
        .flat_map(|part| {
            let words: Vec<&str> = part
                .split(|c: char| c.is_whitespace() || c == ';')
                .filter(|w| !w.is_empty())
                .collect();
            words
                .windows(2)
                .filter(|pair| pair[0] == "nslookup")
                .map(|pair| pair[1].to_string())
                .collect::<Vec<_>>()
        })
        .filter(|name| !name.contains('.') && !name.starts_with('$'))
}

fn completed(status: &ContainerStatus) -> bool {
    matches!(
        status.state,
        ContainerState::Terminated { exit_code: 0, .. }
    )
}

fn container_scene(
    container: &Container,
    kind: ContainerKind,
    status: Option<&ContainerStatus>,
) -> ContainerScene {
    let (state, reason, exit_code) = match status.map(|s| &s.state) {
        None => (StateKind::Waiting, String::new(), None),
        Some(ContainerState::Waiting { reason, .. }) => (StateKind::Waiting, reason.clone(), None),
        Some(ContainerState::Running { .. }) => (StateKind::Running, "Running".to_string(), None),
        Some(ContainerState::Terminated {
            exit_code, reason, ..
        }) => (StateKind::Terminated, reason.clone(), Some(*exit_code)),
    };
    ContainerScene {
        name: container.name.clone(),
        kind,
        image: container.image.clone(),
        state,
        reason,
        exit_code,
        restarts: status.map_or(0, |s| s.restart_count),
        ready: status.is_some_and(|s| s.ready),
        pulling: None,
        back_off: None,
        done: kind == ContainerKind::Init && status.is_some_and(completed),
        locked: false,
        last_log: None,
        missing_service: None,
    }
}

fn volume_scenes(cluster: &Cluster, record: &PodRecord, details: &PodDetails) -> Vec<VolumeScene> {
    let fs = &cluster.kubelet().runtime.fs;
    record
        .pod
        .spec
        .volumes
        .iter()
        .map(|volume| {
            let mut files = Vec::new();
            let mut file_count = 0;
            if let Some((_, root)) = details.volumes.iter().find(|(n, _)| *n == volume.name) {
                collect_files(fs, *root, "", 0, &mut files, &mut file_count);
            }
            VolumeScene {
                name: volume.name.clone(),
                source: volume.source_kind().to_string(),
                files,
                file_count,
            }
        })
        .collect()
}

/// Lists the files under `directory` (three levels deep at most), keeping
/// the first [`MAX_FILES`] and counting all; hidden entries (`..data` of
/// configMap volumes) are skipped.
fn collect_files(
    fs: &crate::runtime::fs::FileSystem,
    directory: InodeId,
    prefix: &str,
    depth: usize,
    files: &mut Vec<FileScene>,
    count: &mut usize,
) {
    let Inode::Directory(entries) = fs.inode(directory) else {
        return;
    };
    for (name, id) in entries {
        if *count >= MAX_INDEXED_FILES {
            return;
        }
        if name.starts_with('.') {
            continue;
        }
        // A configMap's or Secret's key is a link into `..data`.
        let view = crate::runtime::fs::View {
            root: directory,
            mounts: Vec::new(),
        };
        let id = match fs.inode(*id) {
            Inode::Symlink(_) => match fs.lookup(&view, "/", name) {
                Ok(target) => target,
                Err(_) => continue,
            },
            _ => *id,
        };
        match fs.inode(id) {
            Inode::File(bytes) => {
                *count += 1;
                if files.len() < MAX_FILES {
                    files.push(FileScene {
                        path: format!("{prefix}{name}"),
                        size: bytes.len(),
                        last_line: last_line(bytes),
                    });
                }
            }
            Inode::Directory(_) if depth < 3 => {
                collect_files(fs, id, &format!("{prefix}{name}/"), depth + 1, files, count)
            }
            _ => {}
        }
    }
}

/// The last non-empty line of a file's bytes, shortened.
fn last_line(bytes: &[u8]) -> Option<String> {
    let tail = &bytes[bytes.len().saturating_sub(256)..];
    let text = String::from_utf8_lossy(tail);
    text.lines()
        .rev()
        .find(|line| !line.trim().is_empty())
        .map(shorten)
}

fn port_scenes(
    cluster: &Cluster,
    record: &PodRecord,
    details: &PodDetails,
    now: SimTime,
) -> Vec<PortScene> {
    let Some(ip) = record.status.pod_ip.as_deref() else {
        return Vec::new();
    };
    let runtime = &cluster.kubelet().runtime;
    let container_of = |log: usize| container_of_log(details, log);
    let mut ports: Vec<PortScene> = runtime
        .listeners_in(ip)
        .into_iter()
        .map(|(port, process)| PortScene {
            port,
            owner: runtime.process_log(process).and_then(container_of),
            clash: None,
        })
        .collect();
    // A refused bind in the last minute marks the port it clashed on.
    let since = SimTime::from_millis(now.as_millis().saturating_sub(60_000));
    for activity in cluster.kubelet().activity_since(since) {
        let ActivityKind::ListenRefused { address } = &activity.kind else {
            continue;
        };
        if address.0 != ip {
            continue;
        }
        let Some(container) = container_of(activity.log) else {
            continue;
        };
        match ports.iter_mut().find(|p| p.port == address.1) {
            Some(port) => port.clash = Some(container),
            None => ports.push(PortScene {
                port: address.1,
                owner: None,
                clash: Some(container),
            }),
        }
    }
    crate::sort::sort_by_key(&mut ports, |p| p.port);
    ports
}

/// The container whose instance writes to `log`.
fn container_of_log(details: &PodDetails, log: usize) -> Option<String> {
    details
        .logs
        .iter()
        .find(|(_, _, l)| *l == log)
        .map(|(name, _, _)| name.clone())
}

fn packets(
    cluster: &Cluster,
    record: &PodRecord,
    details: &PodDetails,
    now: SimTime,
    packet_millis: u64,
) -> Vec<Packet> {
    let since = SimTime::from_millis(now.as_millis().saturating_sub(packet_millis));
    let fs = &cluster.kubelet().runtime.fs;
    let ip = record.status.pod_ip.as_deref().unwrap_or("");
    let mut packets: Vec<Packet> = Vec::new();
    let mut files: Option<BTreeMap<InodeId, String>> = None;
    let mut volume_of = |file: InodeId| {
        files
            .get_or_insert_with(|| volume_files(fs, details))
            .get(&file)
            .cloned()
    };
    let local = |address: &str| address == ip || address == "127.0.0.1";
    for activity in cluster.kubelet().activity_since(since) {
        // A process of this pod's containers, or else one outside the pod
        // (another pod, the node), which only counts when it reaches in.
        let container = container_of_log(details, activity.log);
        let kind = match (&activity.kind, container.is_some()) {
            (ActivityKind::Wrote { file, .. }, true) => {
                volume_of(*file).map(|volume| PacketKind::Write { volume })
            }
            (ActivityKind::Read { file, .. }, true) => {
                volume_of(*file).map(|volume| PacketKind::Read { volume })
            }
            (ActivityKind::Connected { to }, true) if local(&to.0) => {
                Some(PacketKind::Connect { port: to.1 })
            }
            (ActivityKind::Refused { to }, true) if local(&to.0) => {
                Some(PacketKind::Refused { port: to.1 })
            }
            (ActivityKind::Connected { to }, true) => Some(PacketKind::Outbound {
                to: format!("{}:{}", to.0, to.1),
            }),
            (ActivityKind::Connected { to }, false) if !ip.is_empty() && to.0 == ip => {
                Some(PacketKind::Inbound { port: to.1 })
            }
            _ => None,
        };
        let Some(kind) = kind else { continue };
        let container = container.unwrap_or_default();
        let permille = ((now - activity.time) * 1000 / packet_millis.max(1)) as u32;
        // One packet per path: the newest wins.
        packets.retain(|p| !(p.container == container && p.kind == kind));
        packets.push(Packet {
            container,
            kind,
            permille,
        });
    }
    let excess = packets.len().saturating_sub(MAX_PACKETS);
    packets.drain(..excess);
    packets
}

/// Which volume holds each file (three levels deep at most, and at most
/// [`MAX_INDEXED_FILES`] entries in all, so a volume of many files costs a
/// frame no more than that), built once per scene.
fn volume_files(
    fs: &crate::runtime::fs::FileSystem,
    details: &PodDetails,
) -> BTreeMap<InodeId, String> {
    fn walk(
        fs: &crate::runtime::fs::FileSystem,
        directory: InodeId,
        volume: &str,
        depth: usize,
        files: &mut BTreeMap<InodeId, String>,
    ) {
        let Inode::Directory(entries) = fs.inode(directory) else {
            return;
        };
        for id in entries.values() {
            if files.len() >= MAX_INDEXED_FILES {
                return;
            }
            files.insert(*id, volume.to_string());
            if depth < 3 {
                walk(fs, *id, volume, depth + 1, files);
            }
        }
    }
    let mut files = BTreeMap::new();
    for (name, root) in &details.volumes {
        walk(fs, *root, name, 0, &mut files);
    }
    files
}

/// `text` cut to [`MAX_LINE_CHARS`] characters, with an ellipsis when cut.
fn shorten(text: &str) -> String {
    if text.chars().count() <= MAX_LINE_CHARS {
        return text.to_string();
    }
    let mut short: String = text.chars().take(MAX_LINE_CHARS - 1).collect();
    short.push('…');
    short
}
