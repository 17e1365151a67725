//! Pod validation: metadata, volumes, containers, init containers, then the
//! pod-level enums, in `ValidatePodSpec`'s order. This file holds the order;
//! each part of the pod is checked in its own file.

mod containers;
mod ports;
mod probes;
mod volumes;
mod warnings;

use super::names;
use super::validate_object_meta;
use crate::spec::field::FieldError;
use crate::spec::model::Pod;
use containers::{validate_containers, validate_init_containers};
pub(super) use ports::validate_port_number_or_name;
use volumes::validate_volumes;
pub use warnings::pod_warnings;

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
