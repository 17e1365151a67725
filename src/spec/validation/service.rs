//! Service validation (`ValidateService`, `validateServicePort`).

use super::names;
use super::pod::validate_port_number_or_name;
use super::validate_object_meta;
use crate::spec::field::FieldError;
use crate::spec::model::Service;
use std::collections::BTreeSet;

const SERVICE_TYPES: [&str; 4] = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];

/// All field errors of a (defaulted) Service, in the API server's order.
pub fn validate_service(service: &Service) -> Vec<FieldError> {
    let mut errors = Vec::new();
    validate_object_meta(&service.metadata, names::dns1035_label, &mut errors);
    let spec = &service.spec;
    let service_type = spec.service_type.as_deref().unwrap_or("ClusterIP");
    let headless = spec.cluster_ip.as_deref() == Some("None");
    if spec.ports.is_empty() && service_type != "ExternalName" && !headless {
        errors.push(FieldError::required("spec.ports", ""));
    }
    let mut names_seen = BTreeSet::new();
    let several = spec.ports.len() > 1;
    for (index, port) in spec.ports.iter().enumerate() {
        let path = format!("spec.ports[{index}]");
        match port.name.as_deref().filter(|n| !n.is_empty()) {
            None if several => errors.push(FieldError::required(format!("{path}.name"), "")),
            None => {}
            Some(name) => {
                for message in names::dns1123_label(name) {
                    errors.push(FieldError::invalid(format!("{path}.name"), name, &message));
                }
                if !names_seen.insert(name) {
                    errors.push(FieldError::duplicate(format!("{path}.name"), name));
                }
            }
        }
        for message in names::port_number(port.port) {
            errors.push(FieldError::invalid(
                format!("{path}.port"),
                port.port,
                &message,
            ));
        }
        if let Some(protocol) = port.protocol.as_deref() {
            if !["SCTP", "TCP", "UDP"].contains(&protocol) {
                errors.push(FieldError::not_supported(
                    format!("{path}.protocol"),
                    protocol,
                    &["SCTP", "TCP", "UDP"],
                ));
            }
        }
        if let Some(target) = &port.target_port {
            validate_port_number_or_name(target, &format!("{path}.targetPort"), &mut errors);
        }
        if port.node_port.is_some_and(|p| p != 0) && service_type == "ClusterIP" {
            errors.push(FieldError::forbidden(
                format!("{path}.nodePort"),
                "may not be used when `type` is 'ClusterIP'",
            ));
        }
    }
    if !SERVICE_TYPES.contains(&service_type) {
        errors.push(FieldError::not_supported(
            "spec.type",
            service_type,
            &SERVICE_TYPES,
        ));
    }
    errors
}
