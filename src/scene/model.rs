//! The scene's vocabulary: the plain data the diagram draws of one pod at
//! one instant (containers, ports, volumes and their files, packets, the
//! pause container). Data only: how it is read from the cluster lives in the
//! scene's other files, and it knows nothing of the UI.

use crate::clock::SimTime;
use crate::layout::ContainerKind;
use crate::narration::Narration;

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
    /// How far `now` is between `since` and `until`.
    pub(super) fn between(since: SimTime, until: SimTime, now: SimTime) -> Progress {
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
    /// How many files it holds in all, counted up to [`MAX_INDEXED_FILES`](super::MAX_INDEXED_FILES).
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
