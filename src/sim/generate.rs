//! The pod status the kubelet reports to the API server, generated from what
//! the runtime knows (`generateAPIPodStatus`, `convertToAPIContainerStatuses`
//! and `getPhase` in `pkg/kubelet/kubelet_pods.go`, the conditions of
//! `pkg/kubelet/status/generate.go`).

use super::actions::{should_container_be_restarted, ProbeResult, RuntimePod, RuntimeState};
use super::status::{ContainerState, ContainerStatus, PodCondition, PodPhase, PodStatus};
use crate::clock::SimTime;
use crate::spec::{Container, Pod};
use std::collections::BTreeMap;

/// Why the last start of a container failed: (reason, message), e.g.
/// (`CrashLoopBackOff`, `back-off 10s restarting failed container=…`).
pub type ReasonCache = BTreeMap<String, (String, String)>;

/// What the kubelet knows of a pod besides its containers.
pub struct PodFacts<'a> {
    /// The pod.
    pub pod: &'a Pod,
    /// The runtime's view of it.
    pub runtime: &'a RuntimePod,
    /// Why recent starts failed, by container name.
    pub reasons: &'a ReasonCache,
    /// Whether a ready sandbox with the pod's network exists.
    pub sandbox_ready: bool,
    /// The pod's IP, once a sandbox had one.
    pub pod_ip: Option<String>,
    /// The node's IP.
    pub host_ip: String,
    /// When the kubelet first saw the pod.
    pub start_time: SimTime,
    /// Whether the kubelet has stopped the pod for good (it will not restart it).
    pub terminal: bool,
    /// Why the kubelet evicted the pod, if it did.
    pub evicted: Option<String>,
}

/// Generates the pod's status, keeping each condition's transition time
/// from `previous` when its value did not change.
pub fn api_pod_status(facts: &PodFacts<'_>, previous: &PodStatus, now: SimTime) -> PodStatus {
    let pod = facts.pod;
    let has_init = !pod.spec.init_containers.is_empty();
    let default_reason = if has_init {
        "PodInitializing"
    } else {
        "ContainerCreating"
    };
    let init_container_statuses: Vec<ContainerStatus> = pod
        .spec
        .init_containers
        .iter()
        .map(|c| container_status(facts, c, true, default_reason))
        .collect();
    let container_statuses: Vec<ContainerStatus> = pod
        .spec
        .containers
        .iter()
        .map(|c| container_status(facts, c, false, default_reason))
        .collect();
    let initialized_before = has_any_regular_container_started(&container_statuses);
    let mut phase = get_phase(
        pod,
        &init_container_statuses,
        &container_statuses,
        facts.terminal,
        initialized_before,
    );
    if matches!(previous.phase, PodPhase::Succeeded | PodPhase::Failed) {
        phase = previous.phase;
    }
    if facts.evicted.is_some() {
        phase = PodPhase::Failed;
    }
    let mut status = PodStatus {
        phase,
        reason: facts
            .evicted
            .as_ref()
            .map(|_| "Evicted".to_string())
            .or_else(|| previous.reason.clone()),
        message: facts.evicted.clone().or_else(|| previous.message.clone()),
        conditions: Vec::new(),
        host_ip: Some(facts.host_ip.clone()),
        pod_ip: facts.pod_ip.clone(),
        start_time: Some(facts.start_time),
        init_container_statuses,
        container_statuses,
    };
    let wanted = [
        condition("PodReadyToStartContainers", facts.sandbox_ready, None, None),
        initialized_condition(pod, &status, initialized_before),
        ready_condition(&status, "Ready"),
        ready_condition(&status, "ContainersReady"),
        condition("PodScheduled", true, None, None),
    ];
    status.conditions = wanted
        .into_iter()
        .map(|mut wanted| {
            wanted.last_transition = previous
                .condition(wanted.condition_type)
                .filter(|old| old.status == wanted.status)
                .map_or(now, |old| old.last_transition);
            wanted
        })
        .collect();
    status
}

fn condition(
    condition_type: &'static str,
    holds: bool,
    reason: Option<&str>,
    message: Option<String>,
) -> PodCondition {
    PodCondition {
        condition_type,
        status: holds,
        reason: reason.map(String::from),
        message,
        last_transition: SimTime::ZERO,
    }
}

/// Go's `fmt.Sprint` of a string slice: `[a b]`.
fn listed(names: &[&str]) -> String {
    format!("[{}]", names.join(" "))
}

/// One container's status (`convertToAPIContainerStatuses`).
fn container_status(
    facts: &PodFacts<'_>,
    container: &Container,
    init: bool,
    default_reason: &str,
) -> ContainerStatus {
    let name = &container.name;
    let newest = facts.runtime.find(name);
    let terminated = |c: &super::actions::RuntimeContainer| ContainerState::Terminated {
        exit_code: c.exit_code,
        reason: c.reason.clone(),
        started_at: c.started_at,
        finished_at: c.finished_at.unwrap_or(c.started_at),
    };
    let mut state = match newest {
        None => ContainerState::Waiting {
            reason: default_reason.to_string(),
            message: None,
        },
        Some(c) => match c.state {
            RuntimeState::Created => ContainerState::Waiting {
                reason: "ContainerCreating".to_string(),
                message: None,
            },
            RuntimeState::Running => ContainerState::Running {
                started_at: c.started_at,
            },
            RuntimeState::Exited => terminated(c),
        },
    };
    let mut last_state = facts
        .runtime
        .previous(name)
        .filter(|c| c.state == RuntimeState::Exited)
        .map(terminated);
    let restartable = init && container.is_restartable();
    // A container the kubelet will start again shows why its last start failed.
    let restart_candidate = (restartable
        && newest.is_none_or(|c| c.state != RuntimeState::Running))
        || should_container_be_restarted(facts.pod, name, facts.runtime);
    if restart_candidate {
        if let Some((reason, message)) = facts.reasons.get(name) {
            if matches!(state, ContainerState::Terminated { .. }) {
                last_state = Some(state);
            }
            state = ContainerState::Waiting {
                reason: reason.clone(),
                message: Some(message.clone()).filter(|m| !m.is_empty()),
            };
        }
    }
    let running = matches!(state, ContainerState::Running { .. });
    let probes = newest.map(|c| c.probes);
    let started = running && probes.is_some_and(|p| p.startup == ProbeResult::Success);
    let ready = if init && !restartable {
        matches!(state, ContainerState::Terminated { exit_code: 0, .. })
    } else {
        started && probes.is_some_and(|p| p.readiness == ProbeResult::Success)
    };
    ContainerStatus {
        name: name.clone(),
        image: container.image.clone(),
        container_id: newest.map(|c| format!("containerd://{}", c.id)),
        state,
        last_state,
        ready,
        restart_count: newest.map_or(0, |c| c.attempt),
        started,
        restartable,
    }
}

/// Whether any app container has started (`HasAnyRegularContainerStarted`).
fn has_any_regular_container_started(statuses: &[ContainerStatus]) -> bool {
    statuses.iter().any(|c| {
        matches!(
            c.state,
            ContainerState::Running { .. } | ContainerState::Terminated { .. }
        ) || c.last_state.is_some()
    })
}

/// The pod's phase (`getPhase`).
fn get_phase(
    pod: &Pod,
    init_statuses: &[ContainerStatus],
    statuses: &[ContainerStatus],
    terminal: bool,
    initialized: bool,
) -> PodPhase {
    let mut pending_regular_init = 0;
    let mut pending_sidecars = 0;
    let mut failed_initialization = 0;
    let (mut running, mut waiting, mut stopped, mut succeeded) = (0, 0, 0, 0);
    for status in init_statuses {
        let previously_failed = matches!(
            status.last_state,
            Some(ContainerState::Terminated { exit_code, .. }) if exit_code != 0
        );
        if status.restartable {
            match &status.state {
                ContainerState::Running { .. } => {
                    if !status.started {
                        pending_sidecars += 1;
                    }
                    running += 1;
                }
                ContainerState::Terminated { .. } => {}
                ContainerState::Waiting { .. } if status.last_state.is_some() => {}
                ContainerState::Waiting { .. } => {
                    pending_sidecars += 1;
                    waiting += 1;
                }
            }
            continue;
        }
        match &status.state {
            ContainerState::Running { .. } => pending_regular_init += 1,
            ContainerState::Terminated { exit_code, .. } => {
                if *exit_code != 0 {
                    failed_initialization += 1;
                }
            }
            ContainerState::Waiting { .. } if status.last_state.is_some() => {
                if previously_failed {
                    failed_initialization += 1;
                }
            }
            ContainerState::Waiting { .. } => pending_regular_init += 1,
        }
    }
    for status in statuses {
        match &status.state {
            ContainerState::Running { .. } => running += 1,
            ContainerState::Terminated { exit_code, .. } => {
                stopped += 1;
                if *exit_code == 0 {
                    succeeded += 1;
                }
            }
            ContainerState::Waiting { .. } if status.last_state.is_some() => stopped += 1,
            ContainerState::Waiting { .. } => waiting += 1,
        }
    }
    let policy = pod.spec.restart_policy.as_deref().unwrap_or("Always");
    if failed_initialization > 0 && policy == "Never" {
        return PodPhase::Failed;
    }
    if pending_regular_init > 0 || (pending_sidecars > 0 && !initialized) || waiting > 0 {
        return PodPhase::Pending;
    }
    if running > 0 {
        return PodPhase::Running;
    }
    if stopped > 0 {
        if terminal {
            return if stopped == succeeded {
                PodPhase::Succeeded
            } else {
                PodPhase::Failed
            };
        }
        return match policy {
            "Always" => PodPhase::Running,
            _ if stopped == succeeded => PodPhase::Succeeded,
            "Never" => PodPhase::Failed,
            _ => PodPhase::Running,
        };
    }
    PodPhase::Pending
}

/// The `Initialized` condition (`GeneratePodInitializedCondition`).
fn initialized_condition(pod: &Pod, status: &PodStatus, started_before: bool) -> PodCondition {
    if pod.spec.init_containers.is_empty() || started_before {
        return condition("Initialized", true, None, None);
    }
    let incomplete: Vec<&str> = status
        .init_container_statuses
        .iter()
        .filter(|c| {
            if c.restartable {
                !c.started
            } else {
                !matches!(c.state, ContainerState::Terminated { exit_code: 0, .. })
            }
        })
        .map(|c| c.name.as_str())
        .collect();
    if status.phase == PodPhase::Succeeded {
        return condition("Initialized", true, Some("PodCompleted"), None);
    }
    if incomplete.is_empty() {
        return condition("Initialized", true, None, None);
    }
    condition(
        "Initialized",
        false,
        Some("ContainersNotInitialized"),
        Some(format!(
            "containers with incomplete status: {}",
            listed(&incomplete)
        )),
    )
}

/// The `Ready` and `ContainersReady` conditions (no readiness gates here).
fn ready_condition(status: &PodStatus, condition_type: &'static str) -> PodCondition {
    match status.phase {
        PodPhase::Succeeded => {
            return condition(condition_type, false, Some("PodCompleted"), None);
        }
        PodPhase::Failed => return condition(condition_type, false, Some("PodFailed"), None),
        _ => {}
    }
    let sidecars = status
        .init_container_statuses
        .iter()
        .filter(|c| c.restartable);
    let unready: Vec<&str> = sidecars
        .chain(status.container_statuses.iter())
        .filter(|c| !c.ready)
        .map(|c| c.name.as_str())
        .collect();
    if unready.is_empty() {
        return condition(condition_type, true, None, None);
    }
    condition(
        condition_type,
        false,
        Some("ContainersNotReady"),
        Some(format!(
            "containers with unready status: {}",
            listed(&unready)
        )),
    )
}
