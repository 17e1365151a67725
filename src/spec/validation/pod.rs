//! Pod validation: metadata, volumes, containers, init containers, then the
//! pod-level enums, in `ValidatePodSpec`'s order.

use super::names;
use super::validate_object_meta;
use crate::spec::field::FieldError;
use crate::spec::model::{
    Container, ContainerPort, HttpGetAction, IntOrString, LifecycleHandler, Pod, Probe,
    TcpSocketAction, Volume, VolumeMount,
};
use std::collections::BTreeSet;

/// Why a field may not be set on an init container that is not a sidecar.
const NOT_FOR_INIT: &str = "may not be set for init containers without restartPolicy=Always";

/// All field errors of a (defaulted) pod, in the API server's order.
pub fn validate_pod(pod: &Pod) -> Vec<FieldError> {
    let mut errors = Vec::new();
    validate_object_meta(&pod.metadata, names::dns1123_subdomain, &mut errors);
    let spec = &pod.spec;
    if let Some(seconds) = spec.termination_grace_period_seconds {
        if seconds < 0 {
            errors.push(FieldError::invalid(
                "spec.terminationGracePeriodSeconds",
                seconds,
                "must be greater than or equal to 0",
            ));
        }
    }
    let volumes = validate_volumes(&spec.volumes, &mut errors);
    validate_containers(spec.containers.as_slice(), &volumes, &mut errors);
    validate_init_containers(
        &spec.init_containers,
        &spec.containers,
        &volumes,
        &mut errors,
    );
    if let Some(policy) = &spec.restart_policy {
        if !["Always", "OnFailure", "Never"].contains(&policy.as_str()) {
            errors.push(FieldError::not_supported(
                "spec.restartPolicy",
                policy,
                &["Always", "OnFailure", "Never"],
            ));
        }
    }
    if let Some(policy) = &spec.dns_policy {
        const DNS_POLICIES: [&str; 4] =
            ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];
        if !DNS_POLICIES.contains(&policy.as_str()) {
            errors.push(FieldError::not_supported(
                "spec.dnsPolicy",
                policy,
                &DNS_POLICIES,
            ));
        }
    }
    if spec.share_process_namespace == Some(true) && spec.host_pid == Some(true) {
        errors.push(FieldError::invalid(
            "spec.securityContext.shareProcessNamespace",
            "true",
            "ShareProcessNamespace and HostPID cannot both be enabled",
        ));
    }
    errors
}

/// `ValidateVolumes`: returns the names of the volumes that are valid (a
/// volume with any error is left out, so mounts of it are `Not found` too).
fn validate_volumes(volumes: &[Volume], errors: &mut Vec<FieldError>) -> BTreeSet<String> {
    let mut valid = BTreeSet::new();
    let mut seen = BTreeSet::new();
    for (index, volume) in volumes.iter().enumerate() {
        let path = format!("spec.volumes[{index}]");
        let mut own = Vec::new();
        validate_volume_source(volume, &path, &mut own);
        let name_path = format!("{path}.name");
        if volume.name.is_empty() {
            own.push(FieldError::required(&name_path, ""));
        } else {
            for message in names::dns1123_label(&volume.name) {
                own.push(FieldError::invalid(&name_path, &volume.name, &message));
            }
        }
        if seen.contains(&volume.name) {
            own.push(FieldError::duplicate(&name_path, &volume.name));
        }
        seen.insert(volume.name.clone());
        if own.is_empty() {
            valid.insert(volume.name.clone());
        }
        errors.extend(own);
    }
    valid
}

/// `validateVolumeSource`: exactly one source, and each source's own rules.
fn validate_volume_source(volume: &Volume, path: &str, errors: &mut Vec<FieldError>) {
    let sources = volume.sources();
    for extra in sources.iter().skip(1) {
        errors.push(FieldError::forbidden(
            format!("{path}.{extra}"),
            "may not specify more than 1 volume type",
        ));
    }
    if sources.is_empty() {
        errors.push(FieldError::required(path, "must specify a volume type"));
    }
    if let Some(empty_dir) = &volume.empty_dir {
        if empty_dir
            .size_limit
            .as_ref()
            .is_some_and(|limit| limit.0.trim_start().starts_with('-'))
        {
            errors.push(FieldError::forbidden(
                format!("{path}.emptyDir.sizeLimit"),
                "SizeLimit field must be a valid resource quantity",
            ));
        }
    }
    if let Some(host_path) = &volume.host_path {
        let host_path_path = format!("{path}.hostPath");
        if host_path.path.is_empty() {
            errors.push(FieldError::required(format!("{host_path_path}.path"), ""));
        } else {
            if host_path.path.split('/').any(|part| part == "..") {
                errors.push(FieldError::invalid(
                    format!("{host_path_path}.path"),
                    &host_path.path,
                    "must not contain '..'",
                ));
            }
            const TYPES: [&str; 8] = [
                "",
                "BlockDevice",
                "CharDevice",
                "Directory",
                "DirectoryOrCreate",
                "File",
                "FileOrCreate",
                "Socket",
            ];
            if let Some(path_type) = &host_path.path_type {
                if !TYPES.contains(&path_type.as_str()) {
                    errors.push(FieldError::not_supported(
                        format!("{host_path_path}.type"),
                        path_type,
                        &TYPES,
                    ));
                }
            }
        }
    }
    if let Some(secret) = &volume.secret {
        if secret.secret_name.is_empty() {
            errors.push(FieldError::required(
                format!("{path}.secret.secretName"),
                "",
            ));
        }
    }
    if let Some(nfs) = &volume.nfs {
        if nfs.server.is_empty() {
            errors.push(FieldError::required(format!("{path}.nfs.server"), ""));
        }
        if nfs.path.is_empty() {
            errors.push(FieldError::required(format!("{path}.nfs.path"), ""));
        } else if !nfs.path.starts_with('/') {
            errors.push(FieldError::invalid(
                format!("{path}.nfs.path"),
                &nfs.path,
                "must be an absolute path",
            ));
        }
    }
    if let Some(claim) = &volume.persistent_volume_claim {
        if claim.claim_name.is_empty() {
            errors.push(FieldError::required(
                format!("{path}.persistentVolumeClaim.claimName"),
                "",
            ));
        }
    }
    if let Some(config_map) = &volume.config_map {
        if config_map.name.is_empty() {
            errors.push(FieldError::required(format!("{path}.configMap.name"), ""));
        }
    }
}

/// `validateContainers`: the app containers.
fn validate_containers(
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
fn validate_init_containers(
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

/// `validateContainerPorts`.
fn validate_ports(ports: &[ContainerPort], path: &str, errors: &mut Vec<FieldError>) {
    let mut names_seen = BTreeSet::new();
    for (index, port) in ports.iter().enumerate() {
        let port_path = format!("{path}[{index}]");
        if let Some(name) = port.name.as_deref().filter(|n| !n.is_empty()) {
            let messages = names::port_name(name);
            for message in &messages {
                errors.push(FieldError::invalid(
                    format!("{port_path}.name"),
                    name,
                    message,
                ));
            }
            if messages.is_empty() && !names_seen.insert(name) {
                errors.push(FieldError::duplicate(format!("{port_path}.name"), name));
            }
        }
        if port.container_port == 0 {
            errors.push(FieldError::required(
                format!("{port_path}.containerPort"),
                "",
            ));
        } else {
            for message in names::port_number(port.container_port) {
                errors.push(FieldError::invalid(
                    format!("{port_path}.containerPort"),
                    port.container_port,
                    &message,
                ));
            }
        }
        if let Some(host_port) = port.host_port.filter(|p| *p != 0) {
            for message in names::port_number(host_port) {
                errors.push(FieldError::invalid(
                    format!("{port_path}.hostPort"),
                    host_port,
                    &message,
                ));
            }
        }
        match port.protocol.as_deref() {
            None | Some("") => {
                errors.push(FieldError::required(format!("{port_path}.protocol"), ""))
            }
            Some("TCP" | "UDP" | "SCTP") => {}
            Some(other) => errors.push(FieldError::not_supported(
                format!("{port_path}.protocol"),
                other,
                &["SCTP", "TCP", "UDP"],
            )),
        }
    }
}

/// `ValidateVolumeMounts`.
fn validate_volume_mounts(
    mounts: &[VolumeMount],
    container_path: &str,
    volumes: &BTreeSet<String>,
    errors: &mut Vec<FieldError>,
) {
    let mut mount_points = BTreeSet::new();
    for (index, mount) in mounts.iter().enumerate() {
        let path = format!("{container_path}.volumeMounts[{index}]");
        if mount.name.is_empty() {
            errors.push(FieldError::required(format!("{path}.name"), ""));
        }
        if !volumes.contains(&mount.name) {
            errors.push(FieldError::not_found(format!("{path}.name"), &mount.name));
        }
        if mount.mount_path.is_empty() {
            errors.push(FieldError::required(format!("{path}.mountPath"), ""));
        }
        if !mount_points.insert(mount.mount_path.as_str()) {
            errors.push(FieldError::invalid(
                format!("{path}.mountPath"),
                &mount.mount_path,
                "must be unique",
            ));
        }
        if let Some(sub_path) = mount.sub_path.as_deref().filter(|s| !s.is_empty()) {
            // The API server names the list here, not the item.
            let field = format!("{container_path}.volumeMounts.subPath");
            if sub_path.starts_with('/') {
                errors.push(FieldError::invalid(
                    &field,
                    sub_path,
                    "must be a relative path",
                ));
            }
            if sub_path.split('/').any(|part| part == "..") {
                errors.push(FieldError::invalid(
                    &field,
                    sub_path,
                    "must not contain '..'",
                ));
            }
        }
    }
}

/// Lifecycle hooks and probes of app containers and sidecars.
fn validate_hooks_and_probes(container: &Container, path: &str, errors: &mut Vec<FieldError>) {
    if let Some(lifecycle) = &container.lifecycle {
        for (name, handler) in [
            ("postStart", &lifecycle.post_start),
            ("preStop", &lifecycle.pre_stop),
        ] {
            if let Some(handler) = handler {
                validate_handler(
                    handler_of_lifecycle(handler),
                    &format!("{path}.lifecycle.{name}"),
                    errors,
                );
            }
        }
    }
    for (name, probe, needs_single_success) in [
        ("livenessProbe", &container.liveness_probe, true),
        ("readinessProbe", &container.readiness_probe, false),
        ("startupProbe", &container.startup_probe, true),
    ] {
        let Some(probe) = probe else { continue };
        let probe_path = format!("{path}.{name}");
        validate_handler(handler_of_probe(probe), &probe_path, errors);
        for (field, value) in [
            ("initialDelaySeconds", probe.initial_delay_seconds),
            ("timeoutSeconds", probe.timeout_seconds),
            ("periodSeconds", probe.period_seconds),
            ("successThreshold", probe.success_threshold),
            ("failureThreshold", probe.failure_threshold),
        ] {
            if let Some(value) = value.filter(|v| *v < 0) {
                errors.push(FieldError::invalid(
                    format!("{probe_path}.{field}"),
                    value,
                    "must be greater than or equal to 0",
                ));
            }
        }
        if needs_single_success {
            if let Some(threshold) = probe.success_threshold.filter(|t| *t != 1) {
                errors.push(FieldError::invalid(
                    format!("{probe_path}.successThreshold"),
                    threshold,
                    "must be 1",
                ));
            }
        }
    }
}

/// The handler fields a probe or hook sets, in the API server's checking order.
struct Handlers<'a> {
    exec: Option<&'a [String]>,
    http_get: Option<&'a HttpGetAction>,
    tcp_socket: Option<&'a TcpSocketAction>,
    sleep: bool,
}

fn handler_of_probe(probe: &Probe) -> Handlers<'_> {
    Handlers {
        exec: probe.exec.as_ref().map(|e| e.command.as_slice()),
        http_get: probe.http_get.as_ref(),
        tcp_socket: probe.tcp_socket.as_ref(),
        sleep: false,
    }
}

fn handler_of_lifecycle(handler: &LifecycleHandler) -> Handlers<'_> {
    Handlers {
        exec: handler.exec.as_ref().map(|e| e.command.as_slice()),
        http_get: handler.http_get.as_ref(),
        tcp_socket: handler.tcp_socket.as_ref(),
        sleep: handler.sleep.is_some(),
    }
}

/// `validateHandler`: exactly one handler, each well-formed.
fn validate_handler(handlers: Handlers<'_>, path: &str, errors: &mut Vec<FieldError>) {
    let set = [
        ("exec", handlers.exec.is_some()),
        ("httpGet", handlers.http_get.is_some()),
        ("tcpSocket", handlers.tcp_socket.is_some()),
        ("sleep", handlers.sleep),
    ];
    let mut count = 0;
    for (name, present) in set {
        if !present {
            continue;
        }
        count += 1;
        if count > 1 {
            errors.push(FieldError::forbidden(
                format!("{path}.{name}"),
                "may not specify more than 1 handler type",
            ));
        }
    }
    if count == 0 {
        errors.push(FieldError::required(path, "must specify a handler type"));
    }
    if handlers.exec.is_some_and(<[String]>::is_empty) {
        errors.push(FieldError::required(format!("{path}.exec.command"), ""));
    }
    if let Some(http) = handlers.http_get {
        validate_port_number_or_name(&http.port, &format!("{path}.httpGet.port"), errors);
    }
    if let Some(tcp) = handlers.tcp_socket {
        validate_port_number_or_name(&tcp.port, &format!("{path}.tcpSocket.port"), errors);
    }
}

/// `ValidatePortNumOrName`.
pub(super) fn validate_port_number_or_name(
    port: &IntOrString,
    path: &str,
    errors: &mut Vec<FieldError>,
) {
    match port {
        IntOrString::Int(number) => {
            for message in names::port_number(*number) {
                errors.push(FieldError::invalid(path, *number, &message));
            }
        }
        IntOrString::String(name) => {
            for message in names::port_name(name) {
                errors.push(FieldError::invalid(path, name, &message));
            }
        }
    }
}

/// The API server's warnings on a valid pod (`pkg/api/pod/warnings.go`):
/// two ports with the same number and protocol.
pub fn pod_warnings(pod: &Pod) -> Vec<String> {
    let mut warnings = Vec::new();
    let mut seen: Vec<(i64, String, String)> = Vec::new();
    let lists = [
        ("spec.initContainers", &pod.spec.init_containers),
        ("spec.containers", &pod.spec.containers),
    ];
    for (list, containers) in lists {
        for (container_index, container) in containers.iter().enumerate() {
            for (port_index, port) in container.ports.iter().enumerate() {
                let protocol = port.protocol.clone().unwrap_or_else(|| "TCP".into());
                let field = format!("{list}[{container_index}].ports[{port_index}]");
                if let Some((_, _, other)) = seen
                    .iter()
                    .find(|(number, proto, _)| *number == port.container_port && *proto == protocol)
                {
                    warnings.push(format!("{field}: duplicate port definition with {other}"));
                } else {
                    seen.push((port.container_port, protocol, field));
                }
            }
        }
    }
    warnings
}
