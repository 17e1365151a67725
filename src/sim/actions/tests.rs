//! `compute_pod_actions`'s table test, shaped like upstream's
//! `TestComputePodActions`: one base pod, each case named by a sentence.

use super::*;
use crate::spec::parse_manifests;

/// A pod with init containers `i0` (sidecar when `sidecar` is set) and
/// `i1` and app containers `a` and `b`, under `policy`.
fn pod(policy: &str, init: bool, sidecar: bool) -> Pod {
    let mut yaml = format!(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  restartPolicy: {policy}\n"
    );
    if init {
        yaml.push_str("  initContainers:\n  - name: i0\n    image: busybox\n");
        if sidecar {
            yaml.push_str("    restartPolicy: Always\n");
        }
        yaml.push_str("  - name: i1\n    image: busybox\n");
    }
    yaml.push_str(
        "  containers:\n  - name: a\n    image: busybox\n  - name: b\n    image: busybox\n",
    );
    parse_manifests(&yaml)
        .first_pod()
        .cloned()
        .expect("a valid pod")
}

fn sandbox(ready: bool) -> Option<RuntimeSandbox> {
    Some(RuntimeSandbox { attempt: 0, ready })
}

fn running(name: &str) -> RuntimeContainer {
    RuntimeContainer {
        name: name.to_string(),
        attempt: 0,
        state: RuntimeState::Running,
        exit_code: 0,
        reason: String::new(),
        started_at: SimTime::ZERO,
        finished_at: None,
        probes: ProbeResults {
            liveness: ProbeResult::Success,
            readiness: ProbeResult::Success,
            startup: ProbeResult::Success,
        },
        id: String::new(),
    }
}

fn probed(name: &str, liveness: ProbeResult, startup: ProbeResult) -> RuntimeContainer {
    RuntimeContainer {
        probes: ProbeResults {
            liveness,
            readiness: ProbeResult::Success,
            startup,
        },
        ..running(name)
    }
}

fn exited(name: &str, exit_code: i32) -> RuntimeContainer {
    RuntimeContainer {
        state: RuntimeState::Exited,
        exit_code,
        reason: if exit_code == 0 { "Completed" } else { "Error" }.to_string(),
        finished_at: Some(SimTime::ZERO),
        ..running(name)
    }
}

fn actions(f: impl FnOnce(&mut PodActions)) -> PodActions {
    let mut actions = PodActions::default();
    f(&mut actions);
    actions
}

#[test]
#[expect(
    clippy::too_many_lines,
    reason = "a table of cases, one base pod each changed in one thing, reads best whole"
)]
fn compute_pod_actions_table() {
    struct Case {
        name: &'static str,
        pod: Pod,
        status: RuntimePod,
        want: PodActions,
    }
    let cases = [
        Case {
            name: "a new pod gets a sandbox and then all its containers",
            pod: pod("Always", false, false),
            status: RuntimePod::default(),
            want: actions(|a| {
                a.kill_pod = true;
                a.create_sandbox = true;
                a.containers_to_start = vec![0, 1];
            }),
        },
        Case {
            name: "a new pod with init containers starts only the first init container",
            pod: pod("Always", true, false),
            status: RuntimePod::default(),
            want: actions(|a| {
                a.kill_pod = true;
                a.create_sandbox = true;
                a.init_containers_to_start = vec![0];
            }),
        },
        Case {
            name: "a dead sandbox is re-created with the next attempt",
            pod: pod("Always", false, false),
            status: RuntimePod {
                sandbox: Some(RuntimeSandbox {
                    attempt: 2,
                    ready: false,
                }),
                containers: vec![exited("a", 0), exited("b", 0)],
            },
            want: actions(|a| {
                a.kill_pod = true;
                a.create_sandbox = true;
                a.attempt = 3;
                a.containers_to_start = vec![0, 1];
            }),
        },
        Case {
            name: "a finished pod under Never gets no new sandbox, only a kill",
            pod: pod("Never", false, false),
            status: RuntimePod {
                sandbox: Some(RuntimeSandbox {
                    attempt: 0,
                    ready: false,
                }),
                containers: vec![exited("a", 1), exited("b", 0)],
            },
            want: actions(|a| {
                a.kill_pod = true;
                a.attempt = 1;
            }),
        },
        Case {
            name: "running containers are kept",
            pod: pod("Always", false, false),
            status: RuntimePod {
                sandbox: sandbox(true),
                containers: vec![running("a"), running("b")],
            },
            want: PodActions::default(),
        },
        Case {
            name: "an exited container is restarted under Always even after success",
            pod: pod("Always", false, false),
            status: RuntimePod {
                sandbox: sandbox(true),
                containers: vec![running("a"), exited("b", 0)],
            },
            want: actions(|a| a.containers_to_start = vec![1]),
        },
        Case {
            name: "a container that succeeded is not restarted under OnFailure",
            pod: pod("OnFailure", false, false),
            status: RuntimePod {
                sandbox: sandbox(true),
                containers: vec![running("a"), exited("b", 0)],
            },
            want: PodActions::default(),
        },
        Case {
            name: "a container that failed is restarted under OnFailure",
            pod: pod("OnFailure", false, false),
            status: RuntimePod {
                sandbox: sandbox(true),
                containers: vec![exited("a", 2), running("b")],
            },
            want: actions(|a| a.containers_to_start = vec![0]),
        },
        Case {
            name: "when every container has exited under Never the pod is killed",
            pod: pod("Never", false, false),
            status: RuntimePod {
                sandbox: sandbox(true),
                containers: vec![exited("a", 0), exited("b", 1)],
            },
            want: actions(|a| a.kill_pod = true),
        },
        Case {
            name: "a running init container is waited for",
            pod: pod("Always", true, false),
            status: RuntimePod {
                sandbox: sandbox(true),
                containers: vec![running("i0")],
            },
            want: PodActions::default(),
        },
        Case {
            name: "the next init container starts once the previous one succeeded",
            pod: pod("Always", true, false),
            status: RuntimePod {
                sandbox: sandbox(true),
                containers: vec![exited("i0", 0)],
            },
            want: actions(|a| a.init_containers_to_start = vec![1]),
        },
        Case {
            name: "app containers start once the last init container succeeded",
            pod: pod("Always", true, false),
            status: RuntimePod {
                sandbox: sandbox(true),
                containers: vec![exited("i1", 0), exited("i0", 0)],
            },
            want: actions(|a| a.containers_to_start = vec![0, 1]),
        },
        Case {
            name: "a failed init container is restarted under Always",
            pod: pod("Always", true, false),
            status: RuntimePod {
                sandbox: sandbox(true),
                containers: vec![exited("i0", 1)],
            },
            want: actions(|a| a.init_containers_to_start = vec![0]),
        },
        Case {
            name: "a failed init container under Never kills the pod",
            pod: pod("Never", true, false),
            status: RuntimePod {
                sandbox: sandbox(true),
                containers: vec![exited("i0", 1)],
            },
            want: actions(|a| a.kill_pod = true),
        },
        Case {
            name: "a started sidecar lets the next init container start",
            pod: pod("Always", true, true),
            status: RuntimePod {
                sandbox: sandbox(true),
                containers: vec![running("i0")],
            },
            want: actions(|a| a.init_containers_to_start = vec![1]),
        },
        Case {
            name: "an exited sidecar is restarted while the app containers run",
            pod: pod("Never", true, true),
            status: RuntimePod {
                sandbox: sandbox(true),
                containers: vec![running("a"), running("b"), exited("i1", 0), exited("i0", 1)],
            },
            want: actions(|a| a.init_containers_to_start = vec![0]),
        },
        Case {
            name: "a container that failed its liveness probe is killed and restarted",
            pod: pod("Always", false, false),
            status: RuntimePod {
                sandbox: sandbox(true),
                containers: vec![
                    probed("a", ProbeResult::Failure, ProbeResult::Success),
                    running("b"),
                ],
            },
            want: actions(|a| {
                a.containers_to_start = vec![0];
                a.containers_to_kill = vec![ContainerToKill {
                    name: "a".into(),
                    message: "Container a failed liveness probe, will be restarted".into(),
                }];
            }),
        },
        Case {
            name: "under Never a container that failed its startup probe is killed for good",
            pod: pod("Never", false, false),
            status: RuntimePod {
                sandbox: sandbox(true),
                containers: vec![
                    running("b"),
                    probed("a", ProbeResult::Success, ProbeResult::Failure),
                ],
            },
            want: actions(|a| {
                a.containers_to_kill = vec![ContainerToKill {
                    name: "a".into(),
                    message: "Container a failed startup probe".into(),
                }];
            }),
        },
        Case {
            name: "the next init container waits until the sidecar's startup probe passes",
            pod: pod("Always", true, true),
            status: RuntimePod {
                sandbox: sandbox(true),
                containers: vec![probed("i0", ProbeResult::Success, ProbeResult::Unknown)],
            },
            want: PodActions::default(),
        },
        Case {
            name: "completed init containers are not run again once app containers run",
            pod: pod("Always", true, false),
            status: RuntimePod {
                sandbox: sandbox(true),
                containers: vec![running("a"), running("b")],
            },
            want: PodActions::default(),
        },
    ];
    for case in cases {
        assert_eq!(
            compute_pod_actions(&case.pod, &case.status),
            case.want,
            "{}",
            case.name
        );
    }
}
