//! Lifecycle hooks and probes of app containers and sidecars: the handler
//! (`validateHandler`) and the probe's numbers.

use super::ports::validate_port_number_or_name;
use crate::spec::field::FieldError;
use crate::spec::model::{Container, HttpGetAction, LifecycleHandler, Probe, TcpSocketAction};

/// Lifecycle hooks and probes of app containers and sidecars.
pub(super) fn validate_hooks_and_probes(
    container: &Container,
    path: &str,
    errors: &mut Vec<FieldError>,
) {
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
    /// `exec`'s command.
    exec: Option<&'a [String]>,
    /// `httpGet`.
    http_get: Option<&'a HttpGetAction>,
    /// `tcpSocket`.
    tcp_socket: Option<&'a TcpSocketAction>,
    /// Whether `sleep` is set (hooks only).
    sleep: bool,
}

/// A probe's handlers.
fn handler_of_probe(probe: &Probe) -> Handlers<'_> {
    Handlers {
        exec: probe.exec.as_ref().map(|e| e.command.as_slice()),
        http_get: probe.http_get.as_ref(),
        tcp_socket: probe.tcp_socket.as_ref(),
        sleep: false,
    }
}

/// A lifecycle hook's handlers.
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
