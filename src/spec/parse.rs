//! YAML text → typed, defaulted objects plus diagnostics with spans.
//!
//! Approach: one pass over saphyr-parser's events builds each document as a
//! tree of marked nodes (`yaml` module, go-yaml v2 scalar rules, last of
//! duplicate keys wins as in kubectl); serde then decodes the typed model from
//! the nodes, strictly, as the API server's JSON decoder does (unknown fields
//! are collected, wrong types are Go's `json: cannot unmarshal …`); the object
//! is defaulted and validated as the API server would, and every field error is
//! placed by walking the node tree along its field path.

use super::defaults::{default_pod, default_secret, default_service};
use super::diagnostics::{Diagnostic, DiagnosticKind, Severity, Span};
use super::field::{FieldError, FieldErrorKind};
use super::model::{ConfigMap, Pod, Secret, Service};
use super::validation::{
    pod_warnings, validate_config_map, validate_pod, validate_secret, validate_service,
};
use super::yaml::{decode, load_documents, Decoded, Node, NodeValue};

/// The largest manifest text accepted, as the API server's request-body limit (3 MiB).
pub const MAX_MANIFEST_BYTES: usize = 3 * 1024 * 1024;

/// Strict decoding reports at most this many unknown fields, as the API server does.
const MAX_UNKNOWN_FIELDS: usize = 100;

/// One object read from the text, defaulted as the API server would.
// A few of these live at a time (one per document); boxing the Pod would only
// add indirection to every match.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Manifest {
    Pod(Pod),
    Service(Service),
    ConfigMap(ConfigMap),
    Secret(Secret),
}

impl Manifest {
    /// The object's name.
    pub fn name(&self) -> &str {
        &self.metadata().name
    }

    /// The object's kind.
    pub fn kind(&self) -> &'static str {
        match self {
            Manifest::Pod(_) => "Pod",
            Manifest::Service(_) => "Service",
            Manifest::ConfigMap(_) => "ConfigMap",
            Manifest::Secret(_) => "Secret",
        }
    }

    /// The lower-case plural kubectl uses in `pods "x" not found`.
    pub fn resource(&self) -> &'static str {
        match self {
            Manifest::Pod(_) => "pods",
            Manifest::Service(_) => "services",
            Manifest::ConfigMap(_) => "configmaps",
            Manifest::Secret(_) => "secrets",
        }
    }

    /// The namespace the object will live in.
    pub fn namespace(&self) -> &str {
        self.metadata().namespace.as_deref().unwrap_or("default")
    }

    fn metadata(&self) -> &super::model::ObjectMeta {
        match self {
            Manifest::Pod(object) => &object.metadata,
            Manifest::Service(object) => &object.metadata,
            Manifest::ConfigMap(object) => &object.metadata,
            Manifest::Secret(object) => &object.metadata,
        }
    }
}

/// One YAML document of the text and what became of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The editor line the document starts on.
    pub first_line: usize,
    /// The object, when it could be decoded (it may still be invalid).
    pub manifest: Option<Manifest>,
    /// The document's problems, in the order the API server finds them.
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// Whether the API server would accept the object.
    pub fn is_accepted(&self) -> bool {
        self.manifest.is_some()
            && self
                .diagnostics
                .iter()
                .all(|d| d.severity() == Severity::Warning)
    }
}

/// Everything read from a manifest text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    /// The non-empty documents, in order.
    pub documents: Vec<Document>,
    /// Problems of the text as a whole (it is too large to read).
    pub text_diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    /// Every diagnostic, in text order.
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.text_diagnostics
            .iter()
            .chain(self.documents.iter().flat_map(|d| &d.diagnostics))
    }

    /// Whether any diagnostic refuses an object.
    pub fn has_errors(&self) -> bool {
        self.diagnostics().any(|d| d.severity() == Severity::Error)
    }

    /// The first Pod that could be decoded, valid or not.
    pub fn first_pod(&self) -> Option<&Pod> {
        self.documents.iter().find_map(|d| match &d.manifest {
            Some(Manifest::Pod(pod)) => Some(pod),
            _ => None,
        })
    }
}

/// Reads every document of `text`. Never fails: problems become diagnostics.
pub fn parse_manifests(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    if text.len() > MAX_MANIFEST_BYTES {
        parsed.text_diagnostics.push(Diagnostic {
            span: Span::point(1, 1),
            kind: DiagnosticKind::TooLarge {
                bytes: text.len(),
                limit: MAX_MANIFEST_BYTES,
            },
        });
        return parsed;
    }
    for loaded in load_documents(text) {
        let mut document = Document {
            first_line: loaded.first_line,
            manifest: None,
            diagnostics: Vec::new(),
        };
        let root = match loaded.root {
            Ok(root) => root,
            Err(error) => {
                document.diagnostics.push(Diagnostic {
                    span: error.span,
                    kind: DiagnosticKind::YamlSyntax {
                        message: error.message,
                    },
                });
                parsed.documents.push(document);
                continue;
            }
        };
        if root.value == NodeValue::Null {
            continue;
        }
        for (path, span) in loaded.duplicates {
            document.diagnostics.push(Diagnostic {
                span,
                kind: DiagnosticKind::DuplicateKey { path },
            });
        }
        read_object(&root, &mut document);
        parsed.documents.push(document);
    }
    parsed
}

/// Decodes, defaults and validates the object at `root` into `document`.
fn read_object(root: &Node, document: &mut Document) {
    let fallback = root.span;
    if !matches!(root.value, NodeValue::Map(_)) {
        document.diagnostics.push(Diagnostic {
            span: fallback,
            kind: DiagnosticKind::NotAnObject,
        });
        return;
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
        return;
    }
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
            return;
        }
    };
    let Decoded {
        value: manifest,
        unknown: mut unknown_fields,
    } = match decoded {
        Ok(decoded) => decoded,
        Err(error) => {
            document.diagnostics.push(Diagnostic {
                span: error.span.unwrap_or(fallback),
                kind: DiagnosticKind::FieldType {
                    message: error.message,
                },
            });
            return;
        }
    };
    // The API server reports unknown fields in the order of kubectl's JSON,
    // whose keys are sorted; at most 100 of them.
    crate::sort::sort_by_key(&mut unknown_fields, |(path, _)| path_segments(path));
    unknown_fields.dedup_by(|a, b| a.0 == b.0);
    unknown_fields.truncate(MAX_UNKNOWN_FIELDS);
    // Strict decoding fails before validation: the API server reports only the
    // unknown fields.
    let strict_failure = !unknown_fields.is_empty();
    for (path, span) in unknown_fields {
        document.diagnostics.push(Diagnostic {
            span,
            kind: DiagnosticKind::UnknownField { path },
        });
    }
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
    document.manifest = Some(manifest);
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
    Key(String),
    Index(usize),
}

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
