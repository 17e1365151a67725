//! YAML text → typed, defaulted objects plus diagnostics with spans.
//!
//! Approach, per document (split at `---` lines, each remembering its first
//! line): serde_yaml reads the YAML (its errors are libyaml's, worded as
//! kubectl's go-yaml words them); a saphyr-parser event pass maps field paths
//! to spans ([`SourceMap`]); serde_yaml then decodes the typed model while
//! `serde_ignored` collects unknown fields (strict decoding); the object is
//! defaulted and validated as the API server would, and every field error is
//! placed with the source map. serde_yaml bounds alias expansion and nesting
//! depth, so hostile input ends in a diagnostic.

use super::defaults::{default_pod, default_secret, default_service};
use super::diagnostics::{Diagnostic, DiagnosticKind, Severity, Span};
use super::field::{FieldError, FieldErrorKind};
use super::model::{ConfigMap, Pod, Secret, Service};
use super::source_map::{blank_out, SourceMap};
use super::validation::{
    pod_warnings, validate_config_map, validate_pod, validate_secret, validate_service,
};
use serde::de::DeserializeOwned;
use serde_yaml::Value;

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
    for (first_line, document) in split_documents(text) {
        if let Some(document) = parse_document(document, first_line) {
            parsed.documents.push(document);
        }
    }
    parsed
}

/// Splits at document markers; yields (line number of the document's first line, text).
fn split_documents(text: &str) -> Vec<(usize, &str)> {
    let mut documents = Vec::new();
    let mut start_byte = 0;
    let mut start_line = 1;
    let mut offset = 0;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let content = line.trim_end_matches(['\n', '\r']);
        let is_marker = content == "---"
            || content.starts_with("--- ")
            || content.starts_with("---\t")
            || content == "...";
        if is_marker {
            documents.push((start_line, &text[start_byte..offset]));
            start_byte = offset + line.len();
            start_line = index + 2;
        }
        offset += line.len();
    }
    documents.push((start_line, &text[start_byte..]));
    documents
}

/// Reads one document; `None` for a document with nothing in it.
fn parse_document(original: &str, first_line: usize) -> Option<Document> {
    let mut document = Document {
        first_line,
        manifest: None,
        diagnostics: Vec::new(),
    };
    let mut text = std::borrow::Cow::Borrowed(original);
    let (value, map) = match serde_yaml::from_str::<Value>(original) {
        Ok(value) => (value, SourceMap::build(original, first_line)),
        Err(error) if error.to_string().contains("duplicate entry with key") => {
            // kubectl keeps the last of duplicate keys; serde_yaml refuses them.
            let map = SourceMap::build(original, first_line);
            text = std::borrow::Cow::Owned(blank_out(original, &map.overridden));
            match serde_yaml::from_str::<Value>(&text) {
                Ok(value) => (value, map),
                Err(error) => {
                    document.diagnostics.push(yaml_diagnostic(
                        &error,
                        &text,
                        first_line,
                        YamlErrorSource::Syntax,
                    ));
                    return Some(document);
                }
            }
        }
        Err(error) => {
            document.diagnostics.push(yaml_diagnostic(
                &error,
                original,
                first_line,
                YamlErrorSource::Syntax,
            ));
            return Some(document);
        }
    };
    for (path, span) in &map.duplicates {
        document.diagnostics.push(Diagnostic {
            span: *span,
            kind: DiagnosticKind::DuplicateKey { path: path.clone() },
        });
    }
    let mapping = match &value {
        Value::Null => return None,
        Value::Mapping(mapping) => mapping,
        _ => {
            document.diagnostics.push(Diagnostic {
                span: first_content_span(original, first_line),
                kind: DiagnosticKind::NotAnObject,
            });
            return Some(document);
        }
    };
    let text_field = |key: &str| mapping.get(key).and_then(Value::as_str).unwrap_or("");
    let (api_version, kind) = (text_field("apiVersion"), text_field("kind"));
    let missing: Vec<&'static str> = [("apiVersion", api_version), ("kind", kind)]
        .into_iter()
        .filter(|(_, value)| value.is_empty())
        .map(|(name, _)| name)
        .collect();
    if !missing.is_empty() {
        document.diagnostics.push(Diagnostic {
            span: first_content_span(original, first_line),
            kind: DiagnosticKind::KindOrVersionNotSet { missing },
        });
        return Some(document);
    }
    let decoded = match (api_version, kind) {
        ("v1", "Pod") => decode::<Pod>(&text).map(|(mut pod, unknown)| {
            default_pod(&mut pod);
            (Manifest::Pod(pod), unknown)
        }),
        ("v1", "Service") => decode::<Service>(&text).map(|(mut service, unknown)| {
            default_service(&mut service);
            (Manifest::Service(service), unknown)
        }),
        ("v1", "ConfigMap") => decode::<ConfigMap>(&text)
            .map(|(config_map, unknown)| (Manifest::ConfigMap(config_map), unknown)),
        ("v1", "Secret") => decode::<Secret>(&text).map(|(mut secret, unknown)| {
            default_secret(&mut secret);
            (Manifest::Secret(secret), unknown)
        }),
        _ => {
            let metadata = |key: &str| {
                mapping
                    .get("metadata")
                    .and_then(|metadata| metadata.get(key))
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string()
            };
            document.diagnostics.push(Diagnostic {
                span: map
                    .locate("kind")
                    .unwrap_or_else(|| first_content_span(original, first_line)),
                kind: DiagnosticKind::UnknownKind {
                    api_version: api_version.to_string(),
                    kind: kind.to_string(),
                    name: metadata("name"),
                    namespace: metadata("namespace"),
                },
            });
            return Some(document);
        }
    };
    let (manifest, unknown_fields) = match decoded {
        Ok(decoded) => decoded,
        Err(error) => {
            let diagnostic = yaml_diagnostic(&error, original, first_line, YamlErrorSource::Field);
            document.diagnostics.push(diagnostic);
            return Some(document);
        }
    };
    let fallback = first_content_span(original, first_line);
    // Strict decoding fails before validation: the API server reports only the
    // unknown fields.
    let strict_failure = !unknown_fields.is_empty();
    for path in unknown_fields {
        document.diagnostics.push(Diagnostic {
            span: map.locate(&path).unwrap_or(fallback),
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
            span: place_field_error(&map, &error).unwrap_or(fallback),
            kind: DiagnosticKind::Invalid {
                object_kind: manifest.kind(),
                name: manifest.name().to_string(),
                error,
            },
        });
    }
    if let (true, false, Manifest::Pod(pod)) = (valid, strict_failure, &manifest) {
        for message in pod_warnings(pod) {
            let field = message.split(':').next().unwrap_or("");
            document.diagnostics.push(Diagnostic {
                span: map.locate(field).unwrap_or(fallback),
                kind: DiagnosticKind::ServerWarning { message },
            });
        }
    }
    document.manifest = Some(manifest);
    Some(document)
}

/// Decodes `T`, collecting the paths of unknown fields, sorted as the API
/// server reports them (kubectl sends JSON with keys in alphabetical order).
fn decode<T: DeserializeOwned>(text: &str) -> Result<(T, Vec<String>), serde_yaml::Error> {
    let mut unknown = Vec::new();
    let deserializer = serde_yaml::Deserializer::from_str(text);
    let object = serde_ignored::deserialize(deserializer, |path| {
        if unknown.len() < MAX_UNKNOWN_FIELDS {
            unknown.push(field_path(&path));
        }
    })?;
    unknown.sort_by_key(|path| path_segments(path));
    unknown.dedup();
    Ok((object, unknown))
}

/// `spec.containers[0].imagee` from serde_ignored's path.
fn field_path(path: &serde_ignored::Path<'_>) -> String {
    use serde_ignored::Path;
    match path {
        Path::Root => String::new(),
        Path::Seq { parent, index } => format!("{}[{index}]", field_path(parent)),
        Path::Map { parent, key } => {
            let parent = field_path(parent);
            if parent.is_empty() {
                key.to_string()
            } else {
                format!("{parent}.{key}")
            }
        }
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => field_path(parent),
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
/// key when the field is missing or not allowed.
fn place_field_error(map: &SourceMap, error: &FieldError) -> Option<Span> {
    // `data[key]` (a map key in the API's path syntax) is `data.key` in the
    // source map; the key itself is what is wrong, so point at it.
    if let Some((parent, key)) = error
        .path
        .strip_suffix(']')
        .and_then(|p| p.rsplit_once('['))
    {
        if key.parse::<usize>().is_err() {
            return map.locate(&format!("{parent}.{key}"));
        }
    }
    match error.kind {
        FieldErrorKind::Required { .. } | FieldErrorKind::Forbidden { .. } => {
            map.locate(&error.path)
        }
        _ => map.locate_value(&error.path),
    }
}

/// Whether a serde_yaml error came from reading YAML or from mapping it onto fields.
enum YamlErrorSource {
    Syntax,
    Field,
}

fn yaml_diagnostic(
    error: &serde_yaml::Error,
    document: &str,
    first_line: usize,
    source: YamlErrorSource,
) -> Diagnostic {
    // serde_yaml appends positions (" at line 8 column 4, while parsing …", or
    // " at position 43" for reader errors); the diagnostic carries the position
    // itself, so keep the words before them.
    let full = error.to_string();
    let message = full
        .split(" at line ")
        .next()
        .and_then(|m| m.split(" at position ").next())
        .unwrap_or(&full)
        .to_string();
    let span = match error.location() {
        Some(location) => Span::point(location.line() + first_line - 1, location.column()),
        None => match full
            .rsplit_once(" at position ")
            .and_then(|(_, p)| p.parse::<usize>().ok())
        {
            Some(offset) => {
                let before = &document.as_bytes()[..offset.min(document.len())];
                let line = before.iter().filter(|b| **b == b'\n').count();
                let column = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
                Span::point(first_line + line, column)
            }
            None => Span::point(first_line, 1),
        },
    };
    let kind = match source {
        YamlErrorSource::Syntax => DiagnosticKind::YamlSyntax { message },
        YamlErrorSource::Field => DiagnosticKind::FieldType { message },
    };
    Diagnostic { span, kind }
}

/// The first line of a document that is not blank or a comment.
fn first_content_span(document: &str, first_line: usize) -> Span {
    let line = document
        .lines()
        .position(|line| {
            let trimmed = line.trim();
            !trimmed.is_empty() && !trimmed.starts_with('#')
        })
        .unwrap_or(0);
    Span::point(first_line + line, 1)
}
