//! What the kubelet decides to do with a pod, computed from the pod's spec and
//! what the container runtime reports: `computePodActions` of
//! `pkg/kubelet/kuberuntime/kuberuntime_manager.go`, as a pure function.
//!
//! The result, [`PodActions`], is plain data; the node applies it in the
//! numbered steps of `SyncPod` (see `node.rs`).

use crate::clock::SimTime;
use crate::sim::reasons;
use crate::spec::Pod;

/// A container instance's state as the runtime reports it (CRI's view).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuntimeState {
    /// Created, not started (a start that failed).
    Created,
    /// Its process runs.
    Running,
    /// Its process has exited.
    Exited,
}

/// The latest verdict of one of a container's probes (the prober's results
/// managers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProbeResult {
    /// Not decided yet.
    Unknown,
    /// Passed (or the container has no such probe).
    Success,
    /// Failed as often as its `failureThreshold` allows.
    Failure,
}

/// A container's probe verdicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProbeResults {
    /// The liveness probe's: `Failure` means kill and restart.
    pub liveness: ProbeResult,
    /// The readiness probe's: only `Success` is ready.
    pub readiness: ProbeResult,
    /// The startup probe's: only `Success` is started.
    pub startup: ProbeResult,
}

impl ProbeResults {
    /// The verdicts for a container that has just started: a liveness probe
    /// passes until it fails, readiness fails until it passes, startup is
    /// undecided; a container without a probe passes it.
    pub fn initial(container: &crate::spec::Container) -> ProbeResults {
        let or_success = |has_probe: bool, initial: ProbeResult| {
            if has_probe {
                initial
            } else {
                ProbeResult::Success
            }
        };
        ProbeResults {
            liveness: ProbeResult::Success,
            readiness: or_success(container.readiness_probe.is_some(), ProbeResult::Failure),
            startup: or_success(container.startup_probe.is_some(), ProbeResult::Unknown),
        }
    }
}

/// One container instance the runtime knows of (`kubecontainer.Status`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuntimeContainer {
    /// The container's name in the spec.
    pub name: String,
    /// How many instances of this container came before this one.
    pub attempt: u32,
    /// What it is doing.
    pub state: RuntimeState,
    /// How it ended, once exited.
    pub exit_code: i32,
    /// Why it ended, once exited: `Completed`, `Error`, `OOMKilled`.
    pub reason: String,
    /// When its process started.
    pub started_at: SimTime,
    /// When its process exited.
    pub finished_at: Option<SimTime>,
    /// What its probes say.
    pub probes: ProbeResults,
    /// The runtime's id for it (`containerd://…` in the pod's status).
    pub id: String,
}

/// The newest sandbox of a pod.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuntimeSandbox {
    /// How many sandboxes came before it.
    pub attempt: u32,
    /// Whether it runs (and has the pod's network).
    pub ready: bool,
}

/// Everything the runtime knows of one pod (`kubecontainer.PodStatus`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RuntimePod {
    /// The newest sandbox, if one was ever created.
    pub sandbox: Option<RuntimeSandbox>,
    /// Container instances, newest first.
    pub containers: Vec<RuntimeContainer>,
}

impl RuntimePod {
    /// The newest instance of the container called `name`.
    pub fn find(&self, name: &str) -> Option<&RuntimeContainer> {
        self.containers.iter().find(|c| c.name == name)
    }

    /// The instance before the newest one of the container called `name`.
    pub fn previous(&self, name: &str) -> Option<&RuntimeContainer> {
        self.containers.iter().filter(|c| c.name == name).nth(1)
    }
}

/// A running container the kubelet will stop, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContainerToKill {
    /// Its name.
    pub name: String,
    /// The `Killing` event's message, e.g. `Stopping container web`.
    pub message: String,
}

/// What one sync of a pod must do (`podActions`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PodActions {
    /// Stop every container and the sandbox.
    pub kill_pod: bool,
    /// Create a (new) sandbox first.
    pub create_sandbox: bool,
    /// The attempt number of the sandbox to create.
    pub attempt: u32,
    /// Init containers to start, by index, in spec order.
    pub init_containers_to_start: Vec<usize>,
    /// App containers to start, by index, in spec order.
    pub containers_to_start: Vec<usize>,
    /// Running containers to stop.
    pub containers_to_kill: Vec<ContainerToKill>,
}

/// Whether the pod's containers are restarted after failing (`Always`,
/// `OnFailure`).
pub fn should_restart_on_failure(pod: &Pod) -> bool {
    pod.spec.restart_policy.as_deref() != Some("Never")
}

/// Whether the kubelet (re)starts `name` now (`ShouldContainerBeRestarted`).
pub fn should_container_be_restarted(pod: &Pod, name: &str, status: &RuntimePod) -> bool {
    let Some(container) = status.find(name) else {
        return true;
    };
    match container.state {
        RuntimeState::Running => false,
        RuntimeState::Created => true,
        RuntimeState::Exited => match pod.spec.restart_policy.as_deref() {
            Some("Never") => false,
            Some("OnFailure") => container.exit_code != 0,
            _ => true,
        },
    }
}

/// Decides what to do with `pod` given what the runtime reports.
pub fn compute_pod_actions(pod: &Pod, status: &RuntimePod) -> PodActions {
    let (create_sandbox, attempt) = match status.sandbox {
        None => (true, 0),
        Some(sandbox) if !sandbox.ready => (true, sandbox.attempt + 1),
        Some(_) => (false, 0),
    };
    let mut changes = PodActions {
        kill_pod: create_sandbox,
        create_sandbox,
        attempt,
        ..PodActions::default()
    };

    if create_sandbox {
        if !should_restart_on_failure(pod) && attempt != 0 && !status.containers.is_empty() {
            // The pod ran and must not restart: only make sure it is stopped.
            changes.create_sandbox = false;
            return changes;
        }
        let containers_to_start: Vec<usize> = pod
            .spec
            .containers
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                !(pod.spec.restart_policy.as_deref() == Some("OnFailure")
                    && status
                        .find(&c.name)
                        .is_some_and(|s| s.state == RuntimeState::Exited && s.exit_code == 0))
            })
            .map(|(index, _)| index)
            .collect();
        if containers_to_start.is_empty() && has_any_regular_container_created(pod, status) {
            changes.create_sandbox = false;
            return changes;
        }
        if !pod.spec.init_containers.is_empty() {
            changes.init_containers_to_start = vec![0];
            return changes;
        }
        changes.containers_to_start = containers_to_start;
        return changes;
    }

    let initialized = compute_init_container_actions(pod, status, &mut changes);
    if changes.kill_pod || !initialized {
        return changes;
    }

    let mut keep_count = 0;
    for (index, container) in pod.spec.containers.iter().enumerate() {
        let Some(running) = status
            .find(&container.name)
            .filter(|s| s.state == RuntimeState::Running)
        else {
            if should_container_be_restarted(pod, &container.name, status) {
                changes.containers_to_start.push(index);
            }
            continue;
        };
        let name = &container.name;
        let probe = if running.probes.liveness == ProbeResult::Failure {
            "liveness"
        } else if running.probes.startup == ProbeResult::Failure {
            "startup"
        } else {
            keep_count += 1;
            continue;
        };
        let restarted = should_restart_on_failure(pod);
        if restarted {
            changes.containers_to_start.push(index);
        }
        changes.containers_to_kill.push(ContainerToKill {
            name: name.clone(),
            message: reasons::container_failed_probe(name, probe, restarted),
        });
    }
    if keep_count == 0 && changes.containers_to_start.is_empty() {
        changes.kill_pod = true;
        // Sidecars must not keep a finished pod alive.
        changes.init_containers_to_start.clear();
    }
    changes
}

/// Whether any app container was ever created in the current sandbox's life.
fn has_any_regular_container_created(pod: &Pod, status: &RuntimePod) -> bool {
    pod.spec.containers.iter().any(|c| {
        status
            .find(&c.name)
            .is_some_and(|s| matches!(s.state, RuntimeState::Created | RuntimeState::Running))
    })
}

/// Fills in the init containers to start (`computeInitContainerActions`);
/// returns whether the pod is initialized.
fn compute_init_container_actions(
    pod: &Pod,
    status: &RuntimePod,
    changes: &mut PodActions,
) -> bool {
    let init_containers = &pod.spec.init_containers;
    if init_containers.is_empty() {
        return true;
    }
    // A running (or created) app container means initialization happened,
    // even if the completed init containers are gone.
    let mut initialized = has_any_regular_container_created(pod, status);
    let mut previously_initialized = initialized;
    let restart_on_failure = should_restart_on_failure(pod);

    // Backwards: the last init container with a status tells how far it got.
    for index in (0..init_containers.len()).rev() {
        let container = &init_containers[index];
        let sidecar = container.is_restartable();
        let Some(instance) = status.find(&container.name) else {
            if previously_initialized && sidecar {
                changes.init_containers_to_start.push(index);
            }
            continue;
        };
        if previously_initialized && !sidecar {
            continue;
        }
        match instance.state {
            RuntimeState::Created => changes.init_containers_to_start.push(index),
            RuntimeState::Running => {
                if sidecar {
                    let probes = instance.probes;
                    if probes.startup == ProbeResult::Failure {
                        changes.containers_to_kill.push(ContainerToKill {
                            name: container.name.clone(),
                            message: reasons::init_container_failed_probe(
                                &container.name,
                                "startup",
                            ),
                        });
                        changes.init_containers_to_start.push(index);
                    } else if probes.startup != ProbeResult::Success {
                        // The next init container waits for this one to start.
                    } else if index == init_containers.len() - 1 {
                        initialized = true;
                    } else if !previously_initialized {
                        // The sidecar has started: start the next one.
                        changes.init_containers_to_start.push(index + 1);
                    }
                    if probes.startup == ProbeResult::Success
                        && probes.liveness == ProbeResult::Failure
                    {
                        changes.containers_to_kill.push(ContainerToKill {
                            name: container.name.clone(),
                            message: reasons::init_container_failed_probe(
                                &container.name,
                                "liveness",
                            ),
                        });
                        changes.init_containers_to_start.push(index);
                    }
                }
            }
            RuntimeState::Exited => {
                if sidecar {
                    changes.init_containers_to_start.push(index);
                } else if instance.exit_code != 0 {
                    if !restart_on_failure {
                        changes.kill_pod = true;
                        changes.init_containers_to_start.clear();
                        return false;
                    }
                    changes.init_containers_to_start.push(index);
                } else if index == init_containers.len() - 1 {
                    initialized = true;
                } else {
                    changes.init_containers_to_start.push(index + 1);
                }
            }
        }
        previously_initialized = true;
    }
    if !previously_initialized {
        changes.init_containers_to_start.push(0);
    }
    changes.init_containers_to_start.reverse();
    initialized
}

#[cfg(test)]
mod tests;
