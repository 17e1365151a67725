//! `describeContainerEnvFrom` and `describeContainerEnvVars`: a
//! container's environment as describe shows it, with `fieldRef` and
//! `resourceFieldRef` values resolved as kubectl resolves them.

use super::writer::Writer;
use crate::spec::{effective_requests, Container, Quantity, NANOS};
use std::collections::BTreeMap;

/// What a `fieldRef` environment variable can be resolved from. kubectl's
/// scheme knows no field label conversions but `metadata.name` and
/// `metadata.namespace`, so every other field shows an empty value.
pub(super) struct EnvContext<'a> {
    /// The pod's name (`metadata.name`).
    pub(super) pod_name: &'a str,
    /// The pod's namespace (`metadata.namespace`).
    pub(super) namespace: &'a str,
}

/// `describeContainerEnvFrom`.
pub(super) fn write_env_from(w: &mut Writer, container: &Container) {
    if container.env_from.is_empty() {
        return;
    }
    w.line(2, "Environment Variables from:");
    for source in &container.env_from {
        let (from, reference) = match (&source.config_map_ref, &source.secret_ref) {
            (Some(reference), _) => ("ConfigMap", Some(reference)),
            (None, Some(reference)) => ("Secret", Some(reference)),
            (None, None) => ("", None),
        };
        let name = reference.map_or("", |r| r.name.as_str());
        let optional = reference.and_then(|r| r.optional).unwrap_or(false);
        match source.prefix.as_deref().filter(|p| !p.is_empty()) {
            None => w.line(3, format!("{name}\t{from}\tOptional: {optional}")),
            Some(prefix) => w.line(
                3,
                format!("{name}\t{from} with prefix '{prefix}'\tOptional: {optional}"),
            ),
        }
    }
}

/// `describeContainerEnvVars`.
pub(super) fn write_env(w: &mut Writer, container: &Container, context: &EnvContext) {
    if container.env.is_empty() {
        w.line(2, "Environment:\t<none>");
        return;
    }
    w.line(2, "Environment:");
    for env in &container.env {
        let Some(from) = &env.value_from else {
            let value = env.value.as_deref().unwrap_or("");
            for (index, part) in value.split('\n').enumerate() {
                if index == 0 {
                    w.line(3, format!("{}:\t{part}", env.name));
                } else {
                    w.line(3, format!("\t{part}"));
                }
            }
            continue;
        };
        if let Some(field) = &from.field_ref {
            let value = match field.field_path.as_str() {
                "metadata.name" => context.pod_name,
                "metadata.namespace" => context.namespace,
                _ => "",
            };
            w.line(
                3,
                format!(
                    "{}:\t{value} ({}:{})",
                    env.name,
                    field.api_version.as_deref().unwrap_or(""),
                    field.field_path
                ),
            );
        } else if let Some(resource) = &from.resource_field_ref {
            let value = resource_value(container, &resource.resource, resource.divisor.as_ref());
            w.line(3, format!("{}:\t{value} ({})", env.name, resource.resource));
        } else if let Some(key) = &from.secret_key_ref {
            w.line(
                3,
                format!(
                    "{}:\t<set to the key '{}' in secret '{}'>\tOptional: {}",
                    env.name,
                    key.key,
                    key.name,
                    key.optional.unwrap_or(false)
                ),
            );
        } else if let Some(key) = &from.config_map_key_ref {
            w.line(
                3,
                format!(
                    "{}:\t<set to the key '{}' of config map '{}'>\tOptional: {}",
                    env.name,
                    key.key,
                    key.name,
                    key.optional.unwrap_or(false)
                ),
            );
        }
    }
}

/// `ExtractContainerResourceValue` for what describe shows: the container's
/// own limit or request divided by the divisor (rounded up), `node
/// allocatable` for an unset CPU or memory limit.
fn resource_value(container: &Container, resource: &str, divisor: Option<&Quantity>) -> String {
    let requests = effective_requests(container);
    let empty = BTreeMap::new();
    let limits = container.resources.as_ref().map_or(&empty, |r| &r.limits);
    let (list, name) = match resource.split_once('.') {
        Some(("limits", name)) => (limits, name),
        Some(("requests", name)) => (&requests, name),
        _ => return String::new(),
    };
    let value = list
        .get(name)
        .and_then(Quantity::parsed)
        .map_or(0, |q| q.nanos);
    if value == 0 && matches!(resource, "limits.cpu" | "limits.memory") {
        return "node allocatable".to_string();
    }
    let default_divisor = NANOS;
    let divisor = divisor
        .and_then(Quantity::parsed)
        .map_or(default_divisor, |q| q.nanos)
        .max(1);
    // CPU values are reported in whole cores rounded up; memory in bytes.
    ((value + divisor - 1) / divisor).to_string()
}
