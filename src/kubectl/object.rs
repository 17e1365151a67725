//! A pod as the API server returns it (`kubectl get pod -o yaml`): the stored
//! spec with its defaults, the metadata the server adds, and the status the
//! kubelet reported, keys sorted as kubectl prints them.

use crate::clock::SimTime;
use crate::runtime::images::Reference;
use crate::runtime::{format_time, EPOCH_SECONDS};
use crate::sim::{hex_id, ContainerState, ContainerStatus, PodRecord};
use crate::spec::qos_class;
use serde_yaml::{Mapping, Value};
use std::collections::BTreeMap;

/// An object as the API returns it, with what `get` selects it by.
pub struct ApiObject {
    /// Its namespace (empty for a node).
    pub namespace: String,
    /// Its name.
    pub name: String,
    /// Its labels, for `-l`.
    pub labels: BTreeMap<String, String>,
    /// The object.
    pub object: Value,
}

/// A virtual time as the API writes timestamps (`2026-01-01T00:00:05Z`).
pub fn timestamp(time: SimTime) -> Value {
    let seconds = EPOCH_SECONDS + (time.as_millis() / 1000) as i64;
    Value::String(format!("{}Z", format_time(seconds, "%FT%T")))
}

pub fn string(text: &str) -> Value {
    Value::String(text.to_string())
}

pub fn map(entries: Vec<(&str, Value)>) -> Value {
    Value::Mapping(
        entries
            .into_iter()
            .map(|(k, v)| (string(k), v))
            .collect::<Mapping>(),
    )
}

/// The pod object, as YAML's value tree.
pub fn pod_object(record: &PodRecord) -> Value {
    let mut object = serde_yaml::to_value(&record.pod).unwrap_or(Value::Null);
    if let Value::Mapping(root) = &mut object {
        if let Some(Value::Mapping(metadata)) = root.get_mut(string("metadata")) {
            metadata.insert(string("creationTimestamp"), timestamp(record.created_at));
            metadata.insert(string("namespace"), string(record.pod.namespace()));
            metadata.insert(
                string("resourceVersion"),
                string(&record.resource_version.to_string()),
            );
            metadata.insert(string("uid"), string(&record.uid));
            if let Some(requested) = record.deletion_requested {
                let grace = record.deletion_grace_seconds.unwrap_or(0);
                metadata.insert(
                    string("deletionTimestamp"),
                    timestamp(requested + grace * 1000),
                );
                metadata.insert(
                    string("deletionGracePeriodSeconds"),
                    Value::Number(grace.into()),
                );
            }
        }
        if let (Some(Value::Mapping(spec)), Some(node)) =
            (root.get_mut(string("spec")), &record.node_name)
        {
            spec.insert(string("nodeName"), string(node));
        }
        root.insert(string("status"), status(record));
    }
    object
}

fn status(record: &PodRecord) -> Value {
    let status = &record.status;
    let mut entries: Vec<(&str, Value)> = Vec::new();
    let conditions: Vec<Value> = status
        .conditions
        .iter()
        .map(|c| {
            let mut fields = vec![
                ("lastProbeTime", Value::Null),
                ("lastTransitionTime", timestamp(c.last_transition)),
                ("status", string(if c.status { "True" } else { "False" })),
                ("type", string(c.condition_type)),
            ];
            if let Some(reason) = &c.reason {
                fields.push(("reason", string(reason)));
            }
            if let Some(message) = &c.message {
                fields.push(("message", string(message)));
            }
            map(fields)
        })
        .collect();
    if !conditions.is_empty() {
        entries.push(("conditions", Value::Sequence(conditions)));
    }
    let statuses = |list: &[ContainerStatus]| -> Value {
        Value::Sequence(list.iter().map(container_status).collect())
    };
    if !status.container_statuses.is_empty() {
        entries.push(("containerStatuses", statuses(&status.container_statuses)));
    }
    if !status.init_container_statuses.is_empty() {
        entries.push((
            "initContainerStatuses",
            statuses(&status.init_container_statuses),
        ));
    }
    if let Some(host_ip) = &status.host_ip {
        entries.push(("hostIP", string(host_ip)));
        entries.push((
            "hostIPs",
            Value::Sequence(vec![map(vec![("ip", string(host_ip))])]),
        ));
    }
    if let Some(message) = &status.message {
        entries.push(("message", string(message)));
    }
    entries.push(("phase", string(status.phase.as_str())));
    if let Some(pod_ip) = &status.pod_ip {
        entries.push(("podIP", string(pod_ip)));
        entries.push((
            "podIPs",
            Value::Sequence(vec![map(vec![("ip", string(pod_ip))])]),
        ));
    }
    let spec = &record.pod.spec;
    entries.push((
        "qosClass",
        string(qos_class(
            spec.containers.iter().chain(&spec.init_containers),
        )),
    ));
    if let Some(reason) = &status.reason {
        entries.push(("reason", string(reason)));
    }
    if let Some(start) = status.start_time {
        entries.push(("startTime", timestamp(start)));
    }
    map(entries)
}

fn container_status(status: &ContainerStatus) -> Value {
    let state = |state: &ContainerState| -> Value {
        match state {
            ContainerState::Waiting { reason, message } => {
                let mut fields = Vec::new();
                if let Some(message) = message {
                    fields.push(("message", string(message)));
                }
                fields.push(("reason", string(reason)));
                map(vec![("waiting", map(fields))])
            }
            ContainerState::Running { started_at } => map(vec![(
                "running",
                map(vec![("startedAt", timestamp(*started_at))]),
            )]),
            ContainerState::Terminated {
                exit_code,
                reason,
                started_at,
                finished_at,
            } => {
                let mut fields = vec![
                    ("exitCode", Value::Number((*exit_code).into())),
                    ("finishedAt", timestamp(*finished_at)),
                    ("reason", string(reason)),
                    ("startedAt", timestamp(*started_at)),
                ];
                if let Some(id) = &status.container_id {
                    fields.insert(0, ("containerID", string(id)));
                }
                map(vec![("terminated", map(fields))])
            }
        }
    };
    let image_digest = match status.container_id {
        Some(_) => image_id(&status.image),
        None => String::new(),
    };
    let mut fields = vec![
        ("image", string(&Reference::parse(&status.image).full())),
        ("imageID", string(&image_digest)),
        (
            "lastState",
            status
                .last_state
                .as_ref()
                .map_or_else(|| map(Vec::new()), state),
        ),
        ("name", string(&status.name)),
        ("ready", Value::Bool(status.ready)),
        ("restartCount", Value::Number(status.restart_count.into())),
        ("started", Value::Bool(status.started)),
        ("state", state(&status.state)),
    ];
    if let Some(id) = &status.container_id {
        fields.insert(0, ("containerID", string(id)));
    }
    map(fields)
}

/// The repository digest the runtime reports as `imageID`, made up
/// deterministically from the image's full reference.
pub fn image_id(image: &str) -> String {
    let reference = Reference::parse(image);
    if reference.tag.starts_with("sha256:") {
        return reference.full();
    }
    format!(
        "{}/{}@sha256:{}",
        reference.registry,
        reference.repository,
        hex_id(&[reference.full().as_bytes()])
    )
}
