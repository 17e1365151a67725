//! Which sentence the narration says of a scene: what matters most about the
//! pod now, chosen by priority (a deletion before a back-off, a back-off
//! before a running init container, trouble before traffic…). It only
//! chooses; the words are [`Narration::text`]'s.

use super::model::{PacketKind, PodScene, StateKind};
use crate::clock::SimTime;
use crate::layout::ContainerKind;
use crate::narration::Narration;
use crate::sim::{ContainerState, PodDetails, PodRecord, StartPhase};

/// Chooses what to say about the pod.
pub(super) fn narrate(
    scene: &PodScene,
    record: &PodRecord,
    details: &PodDetails,
    now: SimTime,
) -> Narration {
    lifecycle(scene, record)
        .or_else(|| starting(scene, details))
        .or_else(|| back_off(scene, record, details, now))
        .or_else(|| trouble(scene))
        .or_else(|| init_running(scene))
        .or_else(|| finished(scene))
        .or_else(|| traffic(scene))
        .unwrap_or_else(|| app_containers(scene))
}

/// A pod being deleted, evicted, or not bound to the node yet.
fn lifecycle(scene: &PodScene, record: &PodRecord) -> Option<Narration> {
    if scene.terminating {
        return Some(Narration::Terminating);
    }
    if record.status.reason.as_deref() == Some("Evicted") {
        return Some(Narration::Evicted);
    }
    if record.node_name.is_none() {
        return Some(Narration::Scheduling);
    }
    None
}

/// The kubelet's start under way: the sandbox, a pull, a creation.
fn starting(scene: &PodScene, details: &PodDetails) -> Option<Narration> {
    let starting = details.starting.as_ref()?;
    match (&starting.phase, &starting.container) {
        (StartPhase::Sandbox, _) => Some(Narration::CreatingSandbox),
        (StartPhase::Pull, Some(container)) => {
            let image = scene
                .containers
                .iter()
                .find(|c| c.name == *container)
                .map(|c| c.image.clone())
                .unwrap_or_default();
            Some(Narration::Pulling {
                container: container.clone(),
                image,
            })
        }
        (StartPhase::Create, Some(container)) => Some(Narration::Creating {
            container: container.clone(),
        }),
        _ => None,
    }
}

/// The first restart back-off under way, with the exit code that caused it.
fn back_off(
    scene: &PodScene,
    record: &PodRecord,
    details: &PodDetails,
    now: SimTime,
) -> Option<Narration> {
    let back_off = details.back_offs.first()?;
    let exit_code = scene
        .containers
        .iter()
        .find(|c| c.name == back_off.container)
        .and_then(|c| c.exit_code)
        .or_else(|| last_exit_code(record, &back_off.container));
    Some(Narration::BackOff {
        container: back_off.container.clone(),
        exit_code,
        seconds: (back_off.until - now).div_ceil(1000),
    })
}

/// An image that could not be pulled, else a port two containers want.
fn trouble(scene: &PodScene) -> Option<Narration> {
    if let Some(failed) = scene.containers.iter().find(|c| {
        matches!(
            c.reason.as_str(),
            "ErrImagePull" | "ImagePullBackOff" | "ErrImageNeverPull" | "InvalidImageName"
        )
    }) {
        return Some(Narration::ImagePullFailed {
            container: failed.name.clone(),
            image: failed.image.clone(),
        });
    }
    let clash = scene.ports.iter().find(|p| p.clash.is_some())?;
    Some(Narration::PortClash {
        container: clash.clash.clone().unwrap_or_default(),
        port: clash.port,
        holder: clash.owner.clone(),
    })
}

/// The init container that runs now, and the Service it waits for if any.
fn init_running(scene: &PodScene) -> Option<Narration> {
    let inits: Vec<_> = scene
        .containers
        .iter()
        .filter(|c| c.kind == ContainerKind::Init)
        .collect();
    let (index, running) = inits
        .iter()
        .enumerate()
        .find(|(_, c)| c.state == StateKind::Running)?;
    if let Some(service) = &running.missing_service {
        return Some(Narration::InitWaitsForService {
            container: running.name.clone(),
            service: service.clone(),
        });
    }
    Some(Narration::InitRunning {
        container: running.name.clone(),
        position: index + 1,
        total: inits.len(),
        last_log: running.last_log.clone(),
    })
}

/// A pod whose phase is final.
fn finished(scene: &PodScene) -> Option<Narration> {
    match scene.phase.as_str() {
        "Succeeded" => Some(Narration::Succeeded),
        "Failed" => Some(Narration::Failed),
        _ => None,
    }
}

/// The app containers: the first that does not run, else how many run.
fn app_containers(scene: &PodScene) -> Narration {
    let app = || {
        scene
            .containers
            .iter()
            .filter(|c| c.kind != ContainerKind::Init)
    };
    if let Some(waiting) = app().find(|c| c.state != StateKind::Running) {
        return Narration::Waiting {
            container: waiting.name.clone(),
            reason: if waiting.reason.is_empty() {
                "ContainerCreating".to_string()
            } else {
                waiting.reason.clone()
            },
        };
    }
    Narration::Running {
        count: app().count(),
    }
}

/// The pod's traffic in words: a volume one writes and another reads, or a
/// connection over localhost.
fn traffic(scene: &PodScene) -> Option<Narration> {
    for write in &scene.packets {
        let PacketKind::Write { volume } = &write.kind else {
            continue;
        };
        let reader = scene.packets.iter().find(|p| {
            p.container != write.container
                && matches!(&p.kind, PacketKind::Read { volume: v } if v == volume)
        });
        if let Some(reader) = reader {
            return Some(Narration::Sharing {
                writer: write.container.clone(),
                reader: reader.container.clone(),
                volume: volume.clone(),
            });
        }
    }
    scene
        .packets
        .iter()
        .find_map(|p| match p.kind {
            PacketKind::Connect { port } => Some(Narration::Localhost {
                client: p.container.clone(),
                port,
            }),
            _ => None,
        })
        .or_else(|| {
            scene.packets.iter().find_map(|p| match &p.kind {
                PacketKind::Inbound { port } => Some(Narration::Inbound { port: *port }),
                PacketKind::Outbound { to } => Some(Narration::Outbound {
                    client: p.container.clone(),
                    to: to.clone(),
                }),
                _ => None,
            })
        })
}

/// The exit code of the container's last run, from its lastState.
fn last_exit_code(record: &PodRecord, name: &str) -> Option<i32> {
    let status = &record.status;
    status
        .container_statuses
        .iter()
        .chain(&status.init_container_statuses)
        .find(|s| s.name == name)
        .and_then(|s| match &s.last_state {
            Some(ContainerState::Terminated { exit_code, .. }) => Some(*exit_code),
            _ => None,
        })
}
