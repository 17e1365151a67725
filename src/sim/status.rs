//! Pod and container status, shaped like `core/v1` PodStatus so kubectl's
//! printers can read it the way they read a real API object.

use crate::clock::SimTime;

/// `status.phase`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PodPhase {
    Pending,
    Running,
    Succeeded,
    Failed,
    Unknown,
}

impl PodPhase {
    /// The word the API uses.
    pub fn as_str(self) -> &'static str {
        match self {
            PodPhase::Pending => "Pending",
            PodPhase::Running => "Running",
            PodPhase::Succeeded => "Succeeded",
            PodPhase::Failed => "Failed",
            PodPhase::Unknown => "Unknown",
        }
    }
}

/// One entry of `status.conditions`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PodCondition {
    /// `PodReadyToStartContainers`, `Initialized`, `Ready`, `ContainersReady` or `PodScheduled`.
    pub condition_type: &'static str,
    /// Whether the condition holds.
    pub status: bool,
    /// Machine-readable reason when it does not, e.g. `ContainersNotReady`.
    pub reason: Option<String>,
    /// Human-readable detail, e.g. `containers with unready status: [a]`.
    pub message: Option<String>,
    /// When `status` last changed.
    pub last_transition: SimTime,
}

/// `state` (and `lastState`) of a container.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContainerState {
    /// Not running yet (or again); `reason` says why, e.g. `ContainerCreating`,
    /// and `message` in words, e.g. `back-off 10s restarting failed container=…`.
    Waiting {
        reason: String,
        message: Option<String>,
    },
    /// Running since `started_at`.
    Running { started_at: SimTime },
    /// Exited with `exit_code`; `reason` is `Completed`, `Error`, …
    Terminated {
        exit_code: i32,
        reason: String,
        started_at: SimTime,
        finished_at: SimTime,
    },
}

/// One entry of `status.containerStatuses` or `status.initContainerStatuses`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContainerStatus {
    /// The container's name.
    pub name: String,
    /// The image it runs.
    pub image: String,
    /// The runtime's id of its newest instance (`containerd://…`), once it has one.
    pub container_id: Option<String>,
    /// What it is doing now.
    pub state: ContainerState,
    /// How its previous run ended, if it was restarted.
    pub last_state: Option<ContainerState>,
    /// Whether it passes its readiness checks.
    pub ready: bool,
    /// How many times the kubelet restarted it.
    pub restart_count: u32,
    /// Whether it started (and passed its startup probe).
    pub started: bool,
    /// Whether this is an init container with `restartPolicy: Always` (a sidecar).
    pub restartable: bool,
}

/// `status` of a Pod.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PodStatus {
    /// The pod's phase.
    pub phase: PodPhase,
    /// A reason for the whole pod, e.g. `Evicted`.
    pub reason: Option<String>,
    /// A message for the whole pod, e.g. why it was evicted.
    pub message: Option<String>,
    /// Conditions in the kubelet's order.
    pub conditions: Vec<PodCondition>,
    /// The node's address, once scheduled.
    pub host_ip: Option<String>,
    /// The pod's address, once the sandbox has one.
    pub pod_ip: Option<String>,
    /// When the kubelet first saw the pod.
    pub start_time: Option<SimTime>,
    /// Init containers' statuses in spec order.
    pub init_container_statuses: Vec<ContainerStatus>,
    /// App containers' statuses in spec order.
    pub container_statuses: Vec<ContainerStatus>,
}

impl PodStatus {
    /// The status of a pod nobody has scheduled yet.
    pub fn pending() -> PodStatus {
        PodStatus {
            phase: PodPhase::Pending,
            reason: None,
            message: None,
            conditions: Vec::new(),
            host_ip: None,
            pod_ip: None,
            start_time: None,
            init_container_statuses: Vec::new(),
            container_statuses: Vec::new(),
        }
    }

    /// The condition of the given type, if set.
    pub fn condition(&self, condition_type: &str) -> Option<&PodCondition> {
        self.conditions
            .iter()
            .find(|condition| condition.condition_type == condition_type)
    }
}
