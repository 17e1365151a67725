//! Ports: a container's port list (`validateContainerPorts`) and a port given
//! by number or name (`ValidatePortNumOrName`, also used by Services).

use super::super::names;
use crate::spec::field::FieldError;
use crate::spec::model::{ContainerPort, IntOrString};
use std::collections::BTreeSet;

/// `validateContainerPorts`.
pub(super) fn validate_ports(ports: &[ContainerPort], path: &str, errors: &mut Vec<FieldError>) {
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

/// `ValidatePortNumOrName`.
pub(in crate::spec::validation) fn validate_port_number_or_name(
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
