//! One document's node tree → a decoded, defaulted, validated object: the
//! header (`apiVersion`, `kind`), strict decoding, validation, and each field
//! error placed by walking the node tree along its field path.

use super::objects::{Document, Manifest};
use crate::spec::defaults::{default_pod, default_secret, default_service};
use crate::spec::diagnostics::{Diagnostic, DiagnosticKind, Span};
use crate::spec::field::{FieldError, FieldErrorKind};
use crate::spec::model::{ConfigMap, Pod, Secret, Service};
use crate::spec::validation::{
    pod_warnings, validate_config_map, validate_pod, validate_secret, validate_service,
};
use crate::spec::yaml::{decode, Decoded, Node, NodeValue};

/// Strict decoding reports at most this many unknown fields, as the API server does.
const MAX_UNKNOWN_FIELDS: usize = 100;

/// Decodes, defaults and validates the object at `root` into `document`.
pub(super) fn read_object(root: &Node, document: &mut Document) {
    let fallback = root.span;
    let Some((api_version, kind)) = read_header(root, document) else {
        return;
    };
    let Some(Decoded {
        value: manifest,
        unknown: unknown_fields,
    }) = decode_manifest(root, api_version, kind, document)
    else {
        return;
    };
    // Strict decoding fails before validation: the API server reports only the
    // unknown fields.
    let strict_failure = report_unknown_fields(unknown_fields, document);
    let errors = match &manifest {
        _ if strict_failure => Vec::new(),
        Manifest::Pod(pod) => validate_pod(pod),
        Manifest::Service(service) => validate_service(service),
        Manifest::ConfigMap(config_map) => validate_config_map(config_map),
        Manifest::Secret(secret) => validate_secret(secret),
    };
    let valid = errors.is_empty();
    for error in errors {
        document.diagnostics.push(Diagnostic {
            span: place_field_error(root, &error).unwrap_or(fallback),
            kind: DiagnosticKind::Invalid {
                object_kind: manifest.kind(),
                name: manifest.name().to_string(),
                error,
            },
        });
    }
    if let (true, false, Manifest::Pod(pod)) = (valid, strict_failure, &manifest) {
        report_pod_notes(root, pod, document);
    }
    document.manifest = Some(manifest);
}

/// The object's `apiVersion` and `kind`, or (a diagnostic and) `None` when
/// the document is not a map or either is missing.
fn read_header<'a>(root: &'a Node, document: &mut Document) -> Option<(&'a str, &'a str)> {
    let fallback = root.span;
    if !matches!(root.value, NodeValue::Map(_)) {
        document.diagnostics.push(Diagnostic {
            span: fallback,
            kind: DiagnosticKind::NotAnObject,
        });
        return None;
    }
    let text_field = |key: &str| root.get(key).and_then(Node::as_str).unwrap_or("");
    let (api_version, kind) = (text_field("apiVersion"), text_field("kind"));
    let missing: Vec<&'static str> = [("apiVersion", api_version), ("kind", kind)]
        .into_iter()
        .filter(|(_, value)| value.is_empty())
        .map(|(name, _)| name)
        .collect();
    if !missing.is_empty() {
        document.diagnostics.push(Diagnostic {
            span: Span::point(fallback.line, 1),
            kind: DiagnosticKind::KindOrVersionNotSet { missing },
        });
        return None;
    }
    Some((api_version, kind))
}

/// Decodes and defaults the object of a known kind, or (a diagnostic and)
/// `None` for an unknown kind or a field of the wrong type.
fn decode_manifest(
    root: &Node,
    api_version: &str,
    kind: &str,
    document: &mut Document,
) -> Option<Decoded<Manifest>> {
    let fallback = root.span;
    let decoded = match (api_version, kind) {
        ("v1", "Pod") => decode::<Pod>(root, "Pod").map(|d| {
            with_defaults(d, |mut pod| {
                default_pod(&mut pod);
                Manifest::Pod(pod)
            })
        }),
        ("v1", "Service") => decode::<Service>(root, "Service").map(|d| {
            with_defaults(d, |mut service| {
                default_service(&mut service);
                Manifest::Service(service)
            })
        }),
        ("v1", "ConfigMap") => {
            decode::<ConfigMap>(root, "ConfigMap").map(|d| with_defaults(d, Manifest::ConfigMap))
        }
        ("v1", "Secret") => decode::<Secret>(root, "Secret").map(|d| {
            with_defaults(d, |mut secret| {
                default_secret(&mut secret);
                Manifest::Secret(secret)
            })
        }),
        _ => {
            let metadata = |key: &str| {
                root.get("metadata")
                    .and_then(|metadata| metadata.get(key))
                    .and_then(Node::as_str)
                    .unwrap_or("")
                    .to_string()
            };
            document.diagnostics.push(Diagnostic {
                span: root.locate("kind", false).unwrap_or(fallback),
                kind: DiagnosticKind::UnknownKind {
                    api_version: api_version.to_string(),
                    kind: kind.to_string(),
                    name: metadata("name"),
                    namespace: metadata("namespace"),
                },
            });
            return None;
        }
    };
    match decoded {
        Ok(decoded) => Some(decoded),
        Err(error) => {
            document.diagnostics.push(Diagnostic {
                span: error.span.unwrap_or(fallback),
                kind: DiagnosticKind::FieldType {
                    message: error.message,
                },
            });
            None
        }
    }
}

/// Reports the unknown fields strict decoding found; whether there were any.
fn report_unknown_fields(mut unknown_fields: Vec<(String, Span)>, document: &mut Document) -> bool {
    // The API server reports unknown fields in the order of kubectl's JSON,
    // whose keys are sorted; at most 100 of them.
    crate::sort::sort_by_key(&mut unknown_fields, |(path, _)| path_segments(path));
    unknown_fields.dedup_by(|a, b| a.0 == b.0);
    unknown_fields.truncate(MAX_UNKNOWN_FIELDS);
    let strict_failure = !unknown_fields.is_empty();
    for (path, span) in unknown_fields {
        document.diagnostics.push(Diagnostic {
            span,
            kind: DiagnosticKind::UnknownField { path },
        });
    }
    strict_failure
}

/// What is said of a valid pod: volumes that need infrastructure the
/// playground lacks, then the API server's warnings.
fn report_pod_notes(root: &Node, pod: &Pod, document: &mut Document) {
    let fallback = root.span;
    for (index, volume) in pod.spec.volumes.iter().enumerate() {
        let source = match (&volume.nfs, &volume.persistent_volume_claim) {
            (Some(_), _) => "nfs",
            (None, Some(_)) => "persistentVolumeClaim",
            (None, None) => continue,
        };
        document.diagnostics.push(Diagnostic {
            span: root
                .locate(&format!("spec.volumes[{index}].{source}"), false)
                .unwrap_or(fallback),
            kind: DiagnosticKind::VolumeNeedsInfrastructure {
                volume: volume.name.clone(),
                source,
            },
        });
    }
    for message in pod_warnings(pod) {
        let field = message.split(':').next().unwrap_or("");
        document.diagnostics.push(Diagnostic {
            span: root.locate(field, false).unwrap_or(fallback),
            kind: DiagnosticKind::ServerWarning { message },
        });
    }
}

/// Wraps a decoded object as a manifest, keeping its unknown fields.
fn with_defaults<T>(decoded: Decoded<T>, wrap: impl FnOnce(T) -> Manifest) -> Decoded<Manifest> {
    Decoded {
        value: wrap(decoded.value),
        unknown: decoded.unknown,
    }
}

/// One step of a field path, ordered as JSON keys (alphabetical) and list indexes.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Segment {
    /// A map key.
    Key(String),
    /// A list index.
    Index(usize),
}

/// A field path as segments, for sorting.
fn path_segments(path: &str) -> Vec<Segment> {
    let mut segments = Vec::new();
    for part in path.split('.') {
        let mut pieces = part.split('[');
        if let Some(key) = pieces.next() {
            segments.push(Segment::Key(key.to_string()));
        }
        for index in pieces {
            let number = index.trim_end_matches(']').parse().unwrap_or(usize::MAX);
            segments.push(Segment::Index(number));
        }
    }
    segments
}

/// Where to underline a field error: the value when the value is wrong, the
/// key when the field is missing or not allowed, or when the error is about a
/// map key (`data[a/b]`).
fn place_field_error(root: &Node, error: &FieldError) -> Option<Span> {
    let names_a_key = error
        .path
        .strip_suffix(']')
        .and_then(|p| p.rsplit_once('['))
        .is_some_and(|(_, key)| key.parse::<usize>().is_err());
    let wants_value = !names_a_key
        && !matches!(
            error.kind,
            FieldErrorKind::Required { .. } | FieldErrorKind::Forbidden { .. }
        );
    root.locate(&error.path, wants_value)
}
