//! The checks a lesson can ask for: a small closed vocabulary over the
//! simulated cluster (pods, containers, logs, events, Services) and over what
//! the learner did in the terminal. Each check words itself in both
//! languages from its parameters, and grading one gives pass or fail with
//! the reason, also in both languages.

use super::parse::{count, error_at, non_empty, text, Fields};
use super::{Bilingual, LessonError};
use crate::scene::{pod_scene, PodScene, StateKind, PACKET_MILLIS};
use crate::spec::{Node, NodeValue};
use crate::studio::{Studio, TerminalEntry};

/// The namespace checks look in (the lessons' pods live in `default`).
pub const DEFAULT_NAMESPACE: &str = "default";

/// The check kinds, as keys in a lesson file.
const KINDS: &[&str] = &[
    "pod_status",
    "container_state",
    "restarts_at_least",
    "log_lines_at_least",
    "log_contains",
    "event",
    "no_port_clash",
    "service_exists",
    "command_ran",
    "output_contains",
];

/// One thing that must hold. `pod: None` means the pod the editor holds
/// (the diagram's pod).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    /// `kubectl get pods`' STATUS of the pod is `is` (`Running`,
    /// `Init:0/2`, `CrashLoopBackOff`, `Completed`, …).
    PodStatus { pod: Option<String>, is: String },
    /// A container's state, its kubectl reason, or both.
    ContainerState {
        pod: Option<String>,
        container: String,
        state: Option<StateKind>,
        reason: Option<String>,
    },
    /// The container's restart count is at least `count`.
    RestartsAtLeast {
        pod: Option<String>,
        container: String,
        count: u32,
    },
    /// The container's current log has at least `count` lines.
    LogLinesAtLeast {
        pod: Option<String>,
        container: String,
        count: u32,
    },
    /// The container's current or previous log contains `text`.
    LogContains {
        pod: Option<String>,
        container: String,
        text: String,
    },
    /// An Event with this reason was recorded (about the pod, if named).
    Event { pod: Option<String>, reason: String },
    /// No container of the pod was refused a port another one holds.
    NoPortClash { pod: Option<String> },
    /// The Service exists.
    ServiceExists { name: String },
    /// The learner typed a command starting with these words.
    CommandRan(String),
    /// The terminal printed this text.
    OutputContains(String),
}

/// The grade of one check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckResult {
    /// The step it belongs to (0-based).
    pub step: usize,
    /// Its place among the step's checks (0-based).
    pub index: usize,
    /// Whether it holds.
    pub passed: bool,
    /// What it asks for.
    pub description: Bilingual,
    /// Why it holds or not, from what the simulation shows.
    pub reason: Bilingual,
}

fn both(zh: String, en: String) -> Bilingual {
    Bilingual { zh, en }
}

/// `pod` in the lesson file's words: its name, or "the pod".
fn pod_words(pod: &Option<String>) -> Bilingual {
    match pod {
        Some(name) => both(format!("Pod {name}"), format!("pod {name}")),
        None => both("Pod".to_string(), "the pod".to_string()),
    }
}

impl Check {
    /// Reads one check: a mapping with one key, the check's kind.
    pub(super) fn parse(node: &Node) -> Result<Check, LessonError> {
        let entry = match &node.value {
            NodeValue::Map(entries) if entries.len() == 1 => &entries[0],
            _ => {
                return Err(error_at(
                    node,
                    format!(
                        "a check is a mapping with one key, its kind (one of: {})",
                        KINDS.join(", ")
                    ),
                ))
            }
        };
        let (key, value) = (&entry.0, &entry.1);
        let kind = key.key_text();
        let pod = |fields: &Fields| -> Result<Option<String>, LessonError> {
            fields
                .optional("pod")
                .map(|pod| non_empty(pod, "pod"))
                .transpose()
        };
        let check = match kind.as_str() {
            "pod_status" => {
                let fields = Fields::new(value, "pod_status", &["pod", "is"])?;
                Check::PodStatus {
                    pod: pod(&fields)?,
                    is: non_empty(fields.required("is")?, "is")?,
                }
            }
            "container_state" => {
                let fields = Fields::new(
                    value,
                    "container_state",
                    &["pod", "container", "state", "reason"],
                )?;
                let state = fields
                    .optional("state")
                    .map(|node| match text(node, "state")?.as_str() {
                        "waiting" => Ok(StateKind::Waiting),
                        "running" => Ok(StateKind::Running),
                        "terminated" => Ok(StateKind::Terminated),
                        other => Err(error_at(
                            node,
                            format!(
                                "state `{other}` should be one of: waiting, running, terminated"
                            ),
                        )),
                    })
                    .transpose()?;
                let reason = fields
                    .optional("reason")
                    .map(|node| non_empty(node, "reason"))
                    .transpose()?;
                if state.is_none() && reason.is_none() {
                    return Err(error_at(
                        value,
                        "container_state needs `state`, `reason` or both",
                    ));
                }
                Check::ContainerState {
                    pod: pod(&fields)?,
                    container: non_empty(fields.required("container")?, "container")?,
                    state,
                    reason,
                }
            }
            "restarts_at_least" | "log_lines_at_least" => {
                let fields = Fields::new(value, &kind, &["pod", "container", "count"])?;
                let pod = pod(&fields)?;
                let container = non_empty(fields.required("container")?, "container")?;
                let count = count(fields.required("count")?, "count")?;
                if kind == "restarts_at_least" {
                    Check::RestartsAtLeast {
                        pod,
                        container,
                        count,
                    }
                } else {
                    Check::LogLinesAtLeast {
                        pod,
                        container,
                        count,
                    }
                }
            }
            "log_contains" => {
                let fields = Fields::new(value, "log_contains", &["pod", "container", "text"])?;
                Check::LogContains {
                    pod: pod(&fields)?,
                    container: non_empty(fields.required("container")?, "container")?,
                    text: non_empty(fields.required("text")?, "text")?,
                }
            }
            "event" => {
                let fields = Fields::new(value, "event", &["pod", "reason"])?;
                Check::Event {
                    pod: pod(&fields)?,
                    reason: non_empty(fields.required("reason")?, "reason")?,
                }
            }
            "no_port_clash" => match &value.value {
                NodeValue::Bool(true) => Check::NoPortClash { pod: None },
                NodeValue::Map(_) => {
                    let fields = Fields::new(value, "no_port_clash", &["pod"])?;
                    Check::NoPortClash { pod: pod(&fields)? }
                }
                _ => {
                    return Err(error_at(
                        value,
                        "no_port_clash should be `true` or `{pod: NAME}`",
                    ))
                }
            },
            "service_exists" => match &value.value {
                NodeValue::Map(_) => {
                    let fields = Fields::new(value, "service_exists", &["name"])?;
                    Check::ServiceExists {
                        name: non_empty(fields.required("name")?, "name")?,
                    }
                }
                _ => Check::ServiceExists {
                    name: non_empty(value, "service_exists")?,
                },
            },
            "command_ran" => Check::CommandRan(non_empty(value, "command_ran")?),
            "output_contains" => Check::OutputContains(non_empty(value, "output_contains")?),
            _ => {
                return Err(error_at(
                    key,
                    format!("unknown check `{kind}` (known: {})", KINDS.join(", ")),
                ))
            }
        };
        Ok(check)
    }

    /// What the check asks for, in both languages.
    pub fn describe(&self) -> Bilingual {
        match self {
            Check::PodStatus { pod, is } => {
                let who = pod_words(pod);
                both(
                    format!("{} 的状态（STATUS）为 {is}", who.zh),
                    format!("{} is {is} (STATUS in kubectl get pods)", who.en),
                )
            }
            Check::ContainerState {
                container,
                state,
                reason,
                ..
            } => {
                let state_words = state.map(StateKind::as_str).unwrap_or_default();
                match reason {
                    Some(reason) if state.is_some() => both(
                        format!("容器 {container} 处于 {state_words} 状态，原因为 {reason}"),
                        format!("container {container} is {state_words} ({reason})"),
                    ),
                    Some(reason) => both(
                        format!("容器 {container} 的原因（reason）为 {reason}"),
                        format!("container {container}'s reason is {reason}"),
                    ),
                    None => both(
                        format!("容器 {container} 处于 {state_words} 状态"),
                        format!("container {container} is {state_words}"),
                    ),
                }
            }
            Check::RestartsAtLeast {
                container, count, ..
            } => both(
                format!("容器 {container} 至少重启了 {count} 次"),
                format!(
                    "container {container} has restarted at least {}",
                    times(*count)
                ),
            ),
            Check::LogLinesAtLeast {
                container, count, ..
            } => both(
                format!("容器 {container} 的日志至少有 {count} 行"),
                format!(
                    "container {container} has logged at least {}",
                    lines(*count as usize)
                ),
            ),
            Check::LogContains {
                container, text, ..
            } => both(
                format!("容器 {container} 的日志中有“{text}”"),
                format!("container {container}'s log contains “{text}”"),
            ),
            Check::Event { pod, reason } => match pod {
                Some(pod) => both(
                    format!("Pod {pod} 有原因为 {reason} 的事件"),
                    format!("pod {pod} has an event with reason {reason}"),
                ),
                None => both(
                    format!("出现了原因为 {reason} 的事件"),
                    format!("an event with reason {reason} was recorded"),
                ),
            },
            Check::NoPortClash { pod } => {
                let who = pod_words(pod);
                both(
                    format!("{} 中没有端口冲突", who.zh),
                    format!("no port clash in {}", who.en),
                )
            }
            Check::ServiceExists { name } => both(
                format!("Service {name} 已创建"),
                format!("Service {name} exists"),
            ),
            Check::CommandRan(command) => both(
                format!("运行过 `{command}`"),
                format!("you ran `{command}`"),
            ),
            Check::OutputContains(text) => both(
                format!("终端输出中出现过“{text}”"),
                format!("the terminal showed “{text}”"),
            ),
        }
    }

    /// Grades the check against `studio` as it is now; `step` and `index`
    /// place it in its lesson.
    pub fn evaluate(&self, studio: &Studio, step: usize, index: usize) -> CheckResult {
        let (passed, reason) = match self.grade(studio) {
            Ok(reason) => (true, reason),
            Err(reason) => (false, reason),
        };
        CheckResult {
            step,
            index,
            passed,
            description: self.describe(),
            reason,
        }
    }

    /// `Ok(why it holds)` or `Err(why not)`.
    fn grade(&self, studio: &Studio) -> Result<Bilingual, Bilingual> {
        match self {
            Check::PodStatus { pod, is } => {
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
            Check::ContainerState {
                pod,
                container,
                state,
                reason,
            } => {
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
            Check::RestartsAtLeast {
                pod,
                container,
                count,
            } => {
                let scene = scene_of(studio, pod)?;
                let found = container_of(&scene, container)?;
                let said = both(
                    format!("它重启了 {} 次", found.restarts),
                    format!("it has restarted {}", times(found.restarts)),
                );
                if found.restarts >= *count {
                    Ok(said)
                } else {
                    Err(said)
                }
            }
            Check::LogLinesAtLeast {
                pod,
                container,
                count,
            } => {
                let scene = scene_of(studio, pod)?;
                container_of(&scene, container)?;
                let count_lines = studio
                    .cluster()
                    .container_log(&scene.namespace, &scene.name, container, false)
                    .map_or(0, |log| log.lines.len());
                let said = both(
                    format!("它的日志有 {count_lines} 行"),
                    format!("its log has {}", lines(count_lines)),
                );
                if count_lines >= *count as usize {
                    Ok(said)
                } else {
                    Err(said)
                }
            }
            Check::LogContains {
                pod,
                container,
                text,
            } => {
                let scene = scene_of(studio, pod)?;
                container_of(&scene, container)?;
                let cluster = studio.cluster();
                let found = [false, true].iter().any(|previous| {
                    cluster
                        .container_log(&scene.namespace, &scene.name, container, *previous)
                        .is_some_and(|log| log.lines.iter().any(|line| line.text.contains(text)))
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
            Check::Event { pod, reason } => {
                let found = studio.cluster().events().iter().any(|event| {
                    event.reason == reason
                        && pod.as_ref().is_none_or(|pod| {
                            event.kind == "Pod"
                                && event.namespace == DEFAULT_NAMESPACE
                                && event.name == *pod
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
            Check::NoPortClash { pod } => {
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
            Check::ServiceExists { name } => {
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
            Check::CommandRan(command) => {
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
            Check::OutputContains(text) => {
                let shown = studio.terminal().iter().any(|entry| match entry {
                    TerminalEntry::Output(output) | TerminalEntry::Error(output) => {
                        output.contains(text.as_str())
                    }
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
        }
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
fn container_of<'a>(
    scene: &'a PodScene,
    name: &str,
) -> Result<&'a crate::scene::ContainerScene, Bilingual> {
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

/// `1 time`, `2 times`.
fn times(count: u32) -> String {
    if count == 1 {
        "1 time".to_string()
    } else {
        format!("{count} times")
    }
}

/// `1 line`, `2 lines`.
fn lines(count: usize) -> String {
    if count == 1 {
        "1 line".to_string()
    } else {
        format!("{count} lines")
    }
}
