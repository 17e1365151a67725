//! Table rows as the API server's printers build them (`printPod` in
//! `pkg/printers/internalversion/printers.go`).

use super::duration::human_duration;
use crate::clock::SimTime;
use crate::sim::{ContainerState, PodPhase, PodRecord};

/// The cells of one `kubectl get pods` row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PodRow {
    /// NAME
    pub name: String,
    /// READY, e.g. `1/2`
    pub ready: String,
    /// STATUS, e.g. `ContainerCreating`, `Init:0/1`, `CrashLoopBackOff`
    pub status: String,
    /// RESTARTS, e.g. `0` or `4 (37s ago)`
    pub restarts: String,
    /// AGE, e.g. `11s`
    pub age: String,
    /// IP (wide)
    pub ip: String,
    /// NODE (wide)
    pub node: String,
}

/// What `printPod` counts while it walks the containers.
#[derive(Default)]
struct Tally {
    /// Ready containers (and started, ready sidecars).
    ready: usize,
    /// Restarts of the containers counted.
    restarts: u32,
    /// Restarts of the restartable init containers (sidecars).
    sidecar_restarts: u32,
    /// The latest end of a previous run, for RESTARTS' "ago".
    last_restart: Option<SimTime>,
}

/// Computes a pod's row at time `now`, following `printPod` step by step.
pub fn pod_row(record: &PodRecord, now: SimTime) -> PodRow {
    let spec = &record.pod.spec;
    let status = &record.status;
    let total = spec.ready_total();
    let mut tally = Tally::default();

    // Step 2: the phase, unless the pod has a reason of its own.
    let mut reason = status
        .reason
        .clone()
        .unwrap_or_else(|| status.phase.as_str().to_string());

    // Step 4: init containers in order; the first unfinished one sets the reason.
    let init_reason = init_containers_reason(record, &mut tally);
    let initializing = init_reason.is_some();
    if let Some(init_reason) = init_reason {
        reason = init_reason;
    }

    // Step 5: app containers, last to first, so the first one with a reason wins.
    let initialized = status
        .condition("Initialized")
        .is_some_and(|condition| condition.status);
    if !initializing || initialized {
        app_containers_reason(record, &mut tally, &mut reason);
    }

    // Step 6: a pod being deleted is Terminating until it has stopped.
    if record.deletion_requested.is_some()
        && !matches!(status.phase, PodPhase::Succeeded | PodPhase::Failed)
    {
        reason = "Terminating".to_string();
    }

    let restarts = match tally.last_restart {
        Some(at) if tally.restarts > 0 => {
            format!(
                "{} ({} ago)",
                tally.restarts,
                human_duration(now.millis_since(at))
            )
        }
        _ => tally.restarts.to_string(),
    };
    PodRow {
        name: record.pod.metadata.name.clone(),
        ready: format!("{}/{total}", tally.ready),
        status: reason,
        restarts,
        age: human_duration(now.millis_since(record.created_at)),
        ip: status
            .pod_ip
            .clone()
            .unwrap_or_else(|| "<none>".to_string()),
        node: record
            .node_name
            .clone()
            .unwrap_or_else(|| "<none>".to_string()),
    }
}

/// Step 4 of `printPod`: the init containers in order, counted; the reason
/// the first unfinished one gives (`Init:0/1`, `Init:CrashLoopBackOff`), if any.
fn init_containers_reason(record: &PodRecord, tally: &mut Tally) -> Option<String> {
    let init_count = record.pod.spec.init_containers.len();
    for (index, container) in record.status.init_container_statuses.iter().enumerate() {
        tally.restarts += container.restart_count;
        if container.restartable {
            tally.sidecar_restarts += container.restart_count;
        }
        note_last_restart(&container.last_state, &mut tally.last_restart);
        let reason = match &container.state {
            ContainerState::Terminated { exit_code: 0, .. } => continue,
            _ if container.restartable && container.started => {
                if container.ready {
                    tally.ready += 1;
                }
                continue;
            }
            ContainerState::Terminated {
                exit_code,
                reason: terminated_reason,
                ..
            } => {
                if terminated_reason.is_empty() {
                    format!("Init:ExitCode:{exit_code}")
                } else {
                    format!("Init:{terminated_reason}")
                }
            }
            ContainerState::Waiting {
                reason: waiting_reason,
                ..
            } if !waiting_reason.is_empty() && waiting_reason != "PodInitializing" => {
                format!("Init:{waiting_reason}")
            }
            _ => format!("Init:{index}/{init_count}"),
        };
        return Some(reason);
    }
    None
}

/// Step 5 of `printPod`: the app containers, last to first, counted; each
/// waiting or terminated one with a reason sets `reason`.
fn app_containers_reason(record: &PodRecord, tally: &mut Tally, reason: &mut String) {
    let status = &record.status;
    tally.restarts = tally.sidecar_restarts;
    let mut has_running = false;
    for container in status.container_statuses.iter().rev() {
        tally.restarts += container.restart_count;
        note_last_restart(&container.last_state, &mut tally.last_restart);
        match &container.state {
            ContainerState::Waiting {
                reason: waiting_reason,
                ..
            } if !waiting_reason.is_empty() => *reason = waiting_reason.clone(),
            ContainerState::Terminated {
                reason: terminated_reason,
                ..
            } if !terminated_reason.is_empty() => *reason = terminated_reason.clone(),
            ContainerState::Terminated { exit_code, .. } => {
                *reason = format!("ExitCode:{exit_code}")
            }
            ContainerState::Running { .. } if container.ready => {
                has_running = true;
                tally.ready += 1;
            }
            _ => {}
        }
    }
    if reason == "Completed" && has_running {
        let pod_ready = status.condition("Ready").is_some_and(|c| c.status);
        *reason = if pod_ready { "Running" } else { "NotReady" }.to_string();
    }
}

/// Keeps the latest `finishedAt` of a previous run (the "ago" of RESTARTS).
fn note_last_restart(last_state: &Option<ContainerState>, latest: &mut Option<SimTime>) {
    if let Some(ContainerState::Terminated { finished_at, .. }) = last_state {
        *latest = Some(latest.map_or(*finished_at, |t| t.max(*finished_at)));
    }
}
