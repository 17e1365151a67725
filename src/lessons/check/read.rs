//! A check as a lesson file writes it: a mapping with one key, the check's
//! kind, whose value holds its parameters. Every mistake is a
//! [`LessonError`] at its line.

use super::Check;
use crate::lessons::fields::{count, error_at, non_empty, text, Fields, LessonError};
use crate::scene::StateKind;
use crate::spec::{Node, NodeValue};

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

impl Check {
    /// Reads one check: a mapping with one key, the check's kind.
    pub(in crate::lessons) fn parse(node: &Node) -> Result<Check, LessonError> {
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
        match kind.as_str() {
            "pod_status" => pod_status(value),
            "container_state" => container_state(value),
            "restarts_at_least" | "log_lines_at_least" => counted(value, &kind),
            "log_contains" => log_contains(value),
            "event" => event(value),
            "no_port_clash" => no_port_clash(value),
            "service_exists" => service_exists(value),
            "command_ran" => Ok(Check::CommandRan(non_empty(value, "command_ran")?)),
            "output_contains" => Ok(Check::OutputContains(non_empty(value, "output_contains")?)),
            _ => Err(error_at(
                key,
                format!("unknown check `{kind}` (known: {})", KINDS.join(", ")),
            )),
        }
    }
}

/// The optional `pod` of a check's mapping.
fn pod(fields: &Fields) -> Result<Option<String>, LessonError> {
    fields
        .optional("pod")
        .map(|pod| non_empty(pod, "pod"))
        .transpose()
}

/// `pod_status: {pod, is}`.
fn pod_status(value: &Node) -> Result<Check, LessonError> {
    let fields = Fields::new(value, "pod_status", &["pod", "is"])?;
    Ok(Check::PodStatus {
        pod: pod(&fields)?,
        is: non_empty(fields.required("is")?, "is")?,
    })
}

/// `container_state: {pod, container, state, reason}`, a state or a reason at least.
fn container_state(value: &Node) -> Result<Check, LessonError> {
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
                format!("state `{other}` should be one of: waiting, running, terminated"),
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
    Ok(Check::ContainerState {
        pod: pod(&fields)?,
        container: non_empty(fields.required("container")?, "container")?,
        state,
        reason,
    })
}

/// `restarts_at_least` or `log_lines_at_least`: `{pod, container, count}`.
fn counted(value: &Node, kind: &str) -> Result<Check, LessonError> {
    let fields = Fields::new(value, kind, &["pod", "container", "count"])?;
    let pod = pod(&fields)?;
    let container = non_empty(fields.required("container")?, "container")?;
    let count = count(fields.required("count")?, "count")?;
    if kind == "restarts_at_least" {
        Ok(Check::RestartsAtLeast {
            pod,
            container,
            count,
        })
    } else {
        Ok(Check::LogLinesAtLeast {
            pod,
            container,
            count,
        })
    }
}

/// `log_contains: {pod, container, text}`.
fn log_contains(value: &Node) -> Result<Check, LessonError> {
    let fields = Fields::new(value, "log_contains", &["pod", "container", "text"])?;
    Ok(Check::LogContains {
        pod: pod(&fields)?,
        container: non_empty(fields.required("container")?, "container")?,
        text: non_empty(fields.required("text")?, "text")?,
    })
}

/// `event: {pod, reason}`.
fn event(value: &Node) -> Result<Check, LessonError> {
    let fields = Fields::new(value, "event", &["pod", "reason"])?;
    Ok(Check::Event {
        pod: pod(&fields)?,
        reason: non_empty(fields.required("reason")?, "reason")?,
    })
}

/// `no_port_clash: true` or `no_port_clash: {pod: NAME}`.
fn no_port_clash(value: &Node) -> Result<Check, LessonError> {
    match &value.value {
        NodeValue::Bool(true) => Ok(Check::NoPortClash { pod: None }),
        NodeValue::Map(_) => {
            let fields = Fields::new(value, "no_port_clash", &["pod"])?;
            Ok(Check::NoPortClash { pod: pod(&fields)? })
        }
        _ => Err(error_at(
            value,
            "no_port_clash should be `true` or `{pod: NAME}`",
        )),
    }
}

/// `service_exists: NAME` or `service_exists: {name: NAME}`.
fn service_exists(value: &Node) -> Result<Check, LessonError> {
    match &value.value {
        NodeValue::Map(_) => {
            let fields = Fields::new(value, "service_exists", &["name"])?;
            Ok(Check::ServiceExists {
                name: non_empty(fields.required("name")?, "name")?,
            })
        }
        _ => Ok(Check::ServiceExists {
            name: non_empty(value, "service_exists")?,
        }),
    }
}
