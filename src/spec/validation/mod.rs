//! The API server's validation (`pkg/apis/core/validation/validation.go`) for
//! the rules a learner meets, in the order the API server checks them, so
//! kubectl's list of causes comes out in the same order. Each check returns
//! [`FieldError`]s; the parser turns them into diagnostics with spans.

mod names;
mod pod;
mod service;

use super::field::FieldError;
use super::model::{ConfigMap, ObjectMeta, Secret};
pub use pod::{pod_warnings, validate_pod};
pub use service::validate_service;

/// `ValidateObjectMeta` for the name and namespace, with the kind's name rule.
fn validate_object_meta(
    meta: &ObjectMeta,
    name_rule: fn(&str) -> Vec<String>,
    errors: &mut Vec<FieldError>,
) {
    if meta.name.is_empty() {
        if meta.generate_name.is_empty() {
            errors.push(FieldError::required(
                "metadata.name",
                "name or generateName is required",
            ));
        }
    } else {
        for message in name_rule(&meta.name) {
            errors.push(FieldError::invalid("metadata.name", &meta.name, &message));
        }
    }
    if let Some(namespace) = &meta.namespace {
        for message in names::dns1123_label(namespace) {
            errors.push(FieldError::invalid(
                "metadata.namespace",
                namespace,
                &message,
            ));
        }
    }
}

/// `ValidateConfigMap`: the name and every key.
pub fn validate_config_map(config_map: &ConfigMap) -> Vec<FieldError> {
    let mut errors = Vec::new();
    validate_object_meta(&config_map.metadata, names::dns1123_subdomain, &mut errors);
    validate_keys("data", &config_map.data, &mut errors);
    validate_keys("binaryData", &config_map.binary_data, &mut errors);
    errors
}

/// `ValidateSecret`: the name and every key.
pub fn validate_secret(secret: &Secret) -> Vec<FieldError> {
    let mut errors = Vec::new();
    validate_object_meta(&secret.metadata, names::dns1123_subdomain, &mut errors);
    validate_keys("data", &secret.data, &mut errors);
    validate_keys("stringData", &secret.string_data, &mut errors);
    errors
}

/// Every key of a ConfigMap's or Secret's `field` must be a valid config key;
/// the error names the key as the API does (`data[a/b]`).
fn validate_keys(
    field: &str,
    keys: &std::collections::BTreeMap<String, String>,
    errors: &mut Vec<FieldError>,
) {
    for key in keys.keys() {
        for message in names::config_map_key(key) {
            errors.push(FieldError::invalid(
                format!("{field}[{key}]"),
                key,
                &message,
            ));
        }
    }
}
