//! Grading a check against a studio as it is now: `Ok(why it holds)` or
//! `Err(why not)`, in both languages, read from the pod's scene, the
//! cluster's logs, Events and Services, and the terminal. Reads the studio,
//! never changes it.

use super::words::{both, lines, times};
use super::{Check, DEFAULT_NAMESPACE};
use crate::lessons::Bilingual;
use crate::runtime::ReadOptions;
use crate::scene::{pod_scene, ContainerScene, PodScene, StateKind, PACKET_MILLIS};
use crate::studio::{Studio, TerminalEntry};

/// What grading a check gives: `Ok(why it holds)` or `Err(why not)`.
type Grade = Result<Bilingual, Bilingual>;

impl Check {
    /// `Ok(why it holds)` or `Err(why not)`.
    pub(super) fn grade(&self, studio: &Studio) -> Grade {
        match self {
            Check::PodStatus { pod, is } => pod_status(studio, pod, is),
            Check::ContainerState {
                pod,
                container,
                state,
                reason,
            } => container_state(studio, pod, container, state, reason),
            Check::RestartsAtLeast {
                pod,
                container,
                count,
            } => restarts_at_least(studio, pod, container, *count),
            Check::LogLinesAtLeast {
                pod,
                container,
                count,
            } => log_lines_at_least(studio, pod, container, *count),
            Check::LogContains {
                pod,
                container,
                text,
            } => log_contains(studio, pod, container, text),
            Check::Event { pod, reason } => event(studio, pod, reason),
            Check::NoPortClash { pod } => no_port_clash(studio, pod),
            Check::ServiceExists { name } => service_exists(studio, name),
            Check::CommandRan(command) => command_ran(studio, command),
            Check::OutputContains(text) => output_contains(studio, text),
        }
    }
}

/// `PodStatus`: the pod's STATUS.
fn pod_status(studio: &Studio, pod: &Option<String>, is: &str) -> Grade {
    let scene = scene_of(studio, pod)?;
    let said = both(
        format!("它的状态是 {}", scene.status),
        format!("its STATUS is {}", scene.status),
    );
    if scene.status == *is {
        Ok(said)
    } else {
        Err(said)
    }
}

/// `ContainerState`: the container's state and reason.
fn container_state(
    studio: &Studio,
    pod: &Option<String>,
    container: &str,
    state: &Option<StateKind>,
    reason: &Option<String>,
) -> Grade {
    let scene = scene_of(studio, pod)?;
    let found = container_of(&scene, container)?;
    let shown = if found.reason.is_empty() {
        found.state.as_str().to_string()
    } else {
        format!("{} ({})", found.state.as_str(), found.reason)
    };
    let said = both(format!("它现在是 {shown}"), format!("it is {shown}"));
    let state_ok = state.is_none_or(|state| state == found.state);
    let reason_ok = reason.as_ref().is_none_or(|reason| *reason == found.reason);
    if state_ok && reason_ok {
        Ok(said)
    } else {
        Err(said)
    }
}

/// `RestartsAtLeast`: the container's restart count.
fn restarts_at_least(studio: &Studio, pod: &Option<String>, container: &str, count: u32) -> Grade {
    let scene = scene_of(studio, pod)?;
    let found = container_of(&scene, container)?;
    let said = both(
        format!("它重启了 {} 次", found.restarts),
        format!("it has restarted {}", times(found.restarts)),
    );
    if found.restarts >= count {
        Ok(said)
    } else {
        Err(said)
    }
}

/// `LogLinesAtLeast`: the lines of the container's current log.
fn log_lines_at_least(studio: &Studio, pod: &Option<String>, container: &str, count: u32) -> Grade {
    let scene = scene_of(studio, pod)?;
    container_of(&scene, container)?;
    let count_lines = studio
        .cluster()
        .container_log(&scene.namespace, &scene.name, container, false)
        .map_or(0, |log| log.line_count());
    let said = both(
        format!("它的日志有 {count_lines} 行"),
        format!("its log has {}", lines(count_lines)),
    );
    if count_lines >= count as usize {
        Ok(said)
    } else {
        Err(said)
    }
}

/// `LogContains`: the container's current or previous log.
fn log_contains(studio: &Studio, pod: &Option<String>, container: &str, text: &str) -> Grade {
    let scene = scene_of(studio, pod)?;
    container_of(&scene, container)?;
    let cluster = studio.cluster();
    let found = [false, true].iter().any(|previous| {
        cluster
            .container_log(&scene.namespace, &scene.name, container, *previous)
            .is_some_and(|log| log.read(ReadOptions::default()).contains(text))
    });
    if found {
        Ok(both("日志中有这段文字".into(), "the log has it".into()))
    } else {
        Err(both(
            "日志中还没有这段文字".into(),
            "the log does not have it yet".into(),
        ))
    }
}

/// `Event`: the cluster's Events.
fn event(studio: &Studio, pod: &Option<String>, reason: &str) -> Grade {
    let found = studio.cluster().events().iter().any(|event| {
        event.reason == reason
            && pod.as_ref().is_none_or(|pod| {
                event.kind == "Pod" && event.namespace == DEFAULT_NAMESPACE && event.name == *pod
            })
    });
    if found {
        Ok(both(
            format!("kubectl get events 中有 {reason}"),
            format!("kubectl get events lists {reason}"),
        ))
    } else {
        Err(both(
            format!("还没有 {reason} 事件"),
            format!("no {reason} event yet"),
        ))
    }
}

/// `NoPortClash`: a refused bind in the scene.
fn no_port_clash(studio: &Studio, pod: &Option<String>) -> Grade {
    let scene = scene_of(studio, pod)?;
    match scene.ports.iter().find(|port| port.clash.is_some()) {
        Some(port) => {
            let loser = port.clash.as_deref().unwrap_or_default();
            Err(both(
                format!("容器 {loser} 无法监听端口 {}，它已被占用", port.port),
                format!(
                    "container {loser} could not listen on port {}: it is taken",
                    port.port
                ),
            ))
        }
        None => Ok(both(
            "每个端口只有一个容器监听".into(),
            "each port has one listener".into(),
        )),
    }
}

/// `ServiceExists`: the Service's ClusterIP.
fn service_exists(studio: &Studio, name: &str) -> Grade {
    match studio.cluster().cluster_ip(DEFAULT_NAMESPACE, name) {
        Some(ip) => Ok(both(
            format!("它的 ClusterIP 是 {ip}"),
            format!("its ClusterIP is {ip}"),
        )),
        None => Err(both(
            format!("还没有名为 {name} 的 Service"),
            format!("there is no Service {name} yet"),
        )),
    }
}

/// `CommandRan`: the commands typed.
fn command_ran(studio: &Studio, command: &str) -> Grade {
    let wanted = squeeze(command);
    let ran = studio
        .history()
        .any(|line| squeeze(line).starts_with(&wanted));
    if ran {
        Ok(both("你运行过它".into(), "you ran it".into()))
    } else {
        Err(both("还没有运行过这个命令".into(), "not run yet".into()))
    }
}

/// `OutputContains`: the terminal's transcript.
fn output_contains(studio: &Studio, text: &str) -> Grade {
    let shown = studio.terminal().iter().any(|entry| match entry {
        TerminalEntry::Output(output) | TerminalEntry::Error(output) => output.contains(text),
        TerminalEntry::Command { .. } => false,
    });
    if shown {
        Ok(both("终端显示过它".into(), "the terminal showed it".into()))
    } else {
        Err(both(
            "终端还没有显示过它".into(),
            "the terminal has not shown it".into(),
        ))
    }
}

/// The scene of the pod a check names, or of the editor's pod.
fn scene_of(studio: &Studio, pod: &Option<String>) -> Result<PodScene, Bilingual> {
    let Some(name) = pod
        .clone()
        .or_else(|| studio.scene().map(|scene| scene.name))
    else {
        return Err(both(
            "编辑器中没有 Pod".into(),
            "the editor holds no pod".into(),
        ));
    };
    pod_scene(studio.cluster(), DEFAULT_NAMESPACE, &name, PACKET_MILLIS).ok_or_else(|| {
        both(
            format!("Pod {name} 不存在"),
            format!("pod {name} does not exist"),
        )
    })
}

/// The container `name` of a scene.
fn container_of<'a>(scene: &'a PodScene, name: &str) -> Result<&'a ContainerScene, Bilingual> {
    scene
        .containers
        .iter()
        .find(|container| container.name == name)
        .ok_or_else(|| {
            both(
                format!("Pod {} 中没有容器 {name}", scene.name),
                format!("pod {} has no container {name}", scene.name),
            )
        })
}

/// `text` with each run of whitespace made one space, trimmed.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
