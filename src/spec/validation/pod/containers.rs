//! App and init containers (`validateContainers`, `validateInitContainers`,
//! `validateContainerCommon`): names, image, env and pull policy here; ports,
//! mounts, hooks and probes through their own files.

use super::super::names;
use super::ports::validate_ports;
use super::probes::validate_hooks_and_probes;
use super::volumes::validate_volume_mounts;
use crate::spec::field::FieldError;
use crate::spec::model::Container;
use std::collections::BTreeSet;

/// Why a field may not be set on an init container that is not a sidecar.
const NOT_FOR_INIT: &str = "may not be set for init containers without restartPolicy=Always";

/// `validateContainers`: the app containers.
pub(super) fn validate_containers(
    containers: &[Container],
    volumes: &BTreeSet<String>,
    errors: &mut Vec<FieldError>,
) {
    if containers.is_empty() {
        errors.push(FieldError::required("spec.containers", ""));
        return;
    }
    let mut names_seen = BTreeSet::new();
    for (index, container) in containers.iter().enumerate() {
        let path = format!("spec.containers[{index}]");
        validate_container_common(container, &path, volumes, errors);
        if !names_seen.insert(container.name.as_str()) {
            errors.push(FieldError::duplicate(
                format!("{path}.name"),
                &container.name,
            ));
        }
        validate_hooks_and_probes(container, &path, errors);
        if container.restart_policy.is_some() {
            errors.push(FieldError::forbidden(
                format!("{path}.restartPolicy"),
                "may not be set for non-init containers",
            ));
        }
    }
}

/// `validateInitContainers`: names unique across init and app containers
/// (reported on the init container), `restartPolicy` only `Always`, and no
/// probes or lifecycle hooks unless the init container is a sidecar.
pub(super) fn validate_init_containers(
    init_containers: &[Container],
    containers: &[Container],
    volumes: &BTreeSet<String>,
    errors: &mut Vec<FieldError>,
) {
    // Filled by `extend`, not `collect`: collecting into a BTreeSet compiles a
    // whole stable sort into the wasm for this one call (see `crate::sort`).
    let mut names_seen: BTreeSet<&str> = BTreeSet::new();
    names_seen.extend(containers.iter().map(|c| c.name.as_str()));
    for (index, container) in init_containers.iter().enumerate() {
        let path = format!("spec.initContainers[{index}]");
        validate_container_common(container, &path, volumes, errors);
        if let Some(policy) = &container.restart_policy {
            if policy != "Always" {
                errors.push(FieldError::not_supported(
                    format!("{path}.restartPolicy"),
                    policy,
                    &["Always"],
                ));
            }
        }
        if names_seen.contains(container.name.as_str()) {
            errors.push(FieldError::duplicate(
                format!("{path}.name"),
                &container.name,
            ));
        } else if !container.name.is_empty() {
            names_seen.insert(&container.name);
        }
        if container.is_restartable() {
            validate_hooks_and_probes(container, &path, errors);
        } else {
            let forbidden = [
                ("lifecycle", container.lifecycle.is_some()),
                ("livenessProbe", container.liveness_probe.is_some()),
                ("readinessProbe", container.readiness_probe.is_some()),
                ("startupProbe", container.startup_probe.is_some()),
            ];
            for (field, set) in forbidden {
                if set {
                    errors.push(FieldError::forbidden(
                        format!("{path}.{field}"),
                        NOT_FOR_INIT,
                    ));
                }
            }
        }
    }
}

/// `validateContainerCommon`: name, image, ports, env, mounts, pull policy.
fn validate_container_common(
    container: &Container,
    path: &str,
    volumes: &BTreeSet<String>,
    errors: &mut Vec<FieldError>,
) {
    let name_path = format!("{path}.name");
    if container.name.is_empty() {
        errors.push(FieldError::required(&name_path, ""));
    } else {
        for message in names::dns1123_label(&container.name) {
            errors.push(FieldError::invalid(&name_path, &container.name, &message));
        }
    }
    if container.image.is_empty() {
        errors.push(FieldError::required(format!("{path}.image"), ""));
    } else if container.image.trim() != container.image {
        errors.push(FieldError::invalid(
            format!("{path}.image"),
            &container.image,
            "must not have leading or trailing whitespace",
        ));
    }
    if let Some(policy) = &container.termination_message_policy {
        if !["File", "FallbackToLogsOnError"].contains(&policy.as_str()) {
            errors.push(FieldError::not_supported(
                format!("{path}.terminationMessagePolicy"),
                policy,
                &["File", "FallbackToLogsOnError"],
            ));
        }
    }
    validate_ports(&container.ports, &format!("{path}.ports"), errors);
    for (index, env) in container.env.iter().enumerate() {
        let env_path = format!("{path}.env[{index}]");
        if env.name.is_empty() {
            errors.push(FieldError::required(format!("{env_path}.name"), ""));
        }
        if env.value.as_ref().is_some_and(|v| !v.is_empty()) && env.value_from.is_some() {
            errors.push(FieldError::invalid(
                format!("{env_path}.valueFrom"),
                "",
                "may not be specified when `value` is not empty",
            ));
        }
    }
    validate_volume_mounts(&container.volume_mounts, path, volumes, errors);
    if let Some(policy) = &container.image_pull_policy {
        if !["Always", "IfNotPresent", "Never"].contains(&policy.as_str()) {
            errors.push(FieldError::not_supported(
                format!("{path}.imagePullPolicy"),
                policy,
                &["Always", "IfNotPresent", "Never"],
            ));
        }
    }
}
