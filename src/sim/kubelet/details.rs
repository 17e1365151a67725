//! What the kubelet knows of a pod beyond its API status, for the diagram:
//! the sandbox's MAC, the start under way (a pull, a create) with its times,
//! restart back-offs with their ends, the volumes' directories, and which log
//! belongs to which container. Read-only; nothing here changes the kubelet.

use super::plan::{Op, StartStage};
use super::schedule::PodKey;
use super::Kubelet;
use crate::clock::SimTime;
use crate::runtime::{InodeId, RuntimeEvent};
use crate::sim::actions::RuntimeState;
use crate::sim::activity::{Activity, ActivityKind};

/// What a start under way waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartPhase {
    /// The sandbox (pause container) is being created.
    Sandbox,
    /// The container's image is being pulled.
    Pull,
    /// The container is being created.
    Create,
    /// The container's postStart hook runs.
    PostStart,
}

/// A step of a pod's start that takes time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartWait {
    /// The container, or `None` for the sandbox.
    pub container: Option<String>,
    /// What it waits for.
    pub phase: StartPhase,
    /// When the wait began.
    pub since: SimTime,
    /// When it ends.
    pub until: SimTime,
}

/// A container waiting out its restart back-off (CrashLoopBackOff).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackOffWait {
    /// The container.
    pub container: String,
    /// When it last exited.
    pub since: SimTime,
    /// When the kubelet may restart it.
    pub until: SimTime,
}

/// The kubelet's view of one pod, for the diagram.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PodDetails {
    /// `eth0`'s MAC, once a sandbox had the pod's network.
    pub mac: Option<[u8; 6]>,
    /// Whether the sandbox (pause) runs.
    pub sandbox_running: bool,
    /// The start step under way, if the pod's worker waits on one.
    pub starting: Option<StartWait>,
    /// Restart back-offs not yet over.
    pub back_offs: Vec<BackOffWait>,
    /// The volumes' directories by volume name, once set up.
    pub volumes: Vec<(String, InodeId)>,
    /// Every container instance's log: (container, attempt, log), oldest first.
    pub logs: Vec<(String, u32, usize)>,
}

impl Kubelet {
    /// What the kubelet knows of the pod `key` now, if it has a worker for it.
    pub fn pod_details(&self, key: &PodKey, now: SimTime) -> Option<PodDetails> {
        let worker = self.workers.get(key)?;
        let starting = worker.waiting.and_then(|(since, until)| {
            let (container, phase) = match worker.plan.front()? {
                Op::CreateSandbox { .. } => (None, StartPhase::Sandbox),
                Op::Start { slot, stage } => {
                    let phase = match stage {
                        StartStage::Pulled(_) => StartPhase::Pull,
                        StartStage::Created => StartPhase::Create,
                        StartStage::PostStart(_) => StartPhase::PostStart,
                        StartStage::Begin => return None,
                    };
                    let spec = &worker.pod.spec;
                    let containers = if slot.init {
                        &spec.init_containers
                    } else {
                        &spec.containers
                    };
                    (Some(containers.get(slot.index)?.name.clone()), phase)
                }
                _ => return None,
            };
            Some(StartWait {
                container,
                phase,
                since,
                until,
            })
        });
        let back_offs = worker
            .reasons
            .iter()
            .filter(|(_, (reason, _))| reason == "CrashLoopBackOff")
            .filter_map(|(name, _)| {
                let newest = worker.runtime.find(name)?;
                if newest.state != RuntimeState::Exited {
                    return None;
                }
                let since = newest.finished_at?;
                let until = since + self.restart_backoff.get(&worker.backoff_key(name));
                (until > now).then(|| BackOffWait {
                    container: name.clone(),
                    since,
                    until,
                })
            })
            .collect();
        Some(PodDetails {
            mac: worker.sandbox.as_ref().map(|s| s.network.mac),
            sandbox_running: worker.sandbox.is_some(),
            starting,
            back_offs,
            volumes: worker
                .volumes
                .iter()
                .flatten()
                .map(|(name, inode)| (name.clone(), *inode))
                .collect(),
            logs: worker
                .instances
                .iter()
                .map(|((name, attempt), instance)| (name.clone(), *attempt, instance.log))
                .collect(),
        })
    }
}

impl Kubelet {
    /// Keeps what the processes did at `now` that the diagram shows.
    pub(super) fn record_activity(&mut self, events: &[RuntimeEvent], now: SimTime) {
        for event in events {
            let (process, kind) = match event {
                RuntimeEvent::FileWritten {
                    process,
                    file,
                    bytes,
                } => (
                    process,
                    ActivityKind::Wrote {
                        file: *file,
                        bytes: *bytes,
                    },
                ),
                RuntimeEvent::FileRead {
                    process,
                    file,
                    bytes,
                } => (
                    process,
                    ActivityKind::Read {
                        file: *file,
                        bytes: *bytes,
                    },
                ),
                RuntimeEvent::Connected { process, to } => {
                    (process, ActivityKind::Connected { to: to.clone() })
                }
                RuntimeEvent::Refused { process, to } => {
                    (process, ActivityKind::Refused { to: to.clone() })
                }
                RuntimeEvent::ListenRefused { process, address } => (
                    process,
                    ActivityKind::ListenRefused {
                        address: address.clone(),
                    },
                ),
                _ => continue,
            };
            if let Some(log) = self.runtime.process_log(*process) {
                self.activity.push(Activity {
                    time: now,
                    log,
                    kind,
                });
            }
        }
    }

    /// What the processes did from `since` on, oldest first.
    pub fn activity_since(&self, since: SimTime) -> impl Iterator<Item = &Activity> {
        self.activity.since(since)
    }
}
