//! Diagnostics: what is wrong with a manifest, and where.
//!
//! All wording lives here: [`DiagnosticKind`]'s `Display` is the API server's
//! (or kubectl's) own text; the learner-facing explanations live in
//! `explain.rs`. The editor, the console and the tests read the same sentence.

use super::field::FieldError;
use std::fmt;

/// A range of the manifest text, 1-based like editors count; the end is exclusive.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Span {
    /// First line, starting at 1.
    pub line: usize,
    /// First column (in characters), starting at 1.
    pub column: usize,
    /// Line of the end.
    pub end_line: usize,
    /// Column just after the last character.
    pub end_column: usize,
}

impl Span {
    /// A one-character span at `line`:`column`.
    pub fn point(line: usize, column: usize) -> Span {
        Span {
            line,
            column,
            end_line: line,
            end_column: column + 1,
        }
    }
}

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Severity {
    /// The API server refuses the object.
    Error,
    /// The object is accepted; kubectl prints a warning, or podplay points out a trap.
    Warning,
    /// The object is accepted; podplay explains how it will behave here.
    Info,
}

/// One problem found in a manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where the problem is.
    pub span: Span,
    /// What the problem is.
    pub kind: DiagnosticKind,
}

impl Diagnostic {
    /// Whether the object is refused because of it.
    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }
}

/// The kinds of problem, each with the facts its message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiagnosticKind {
    /// The text is not YAML; `message` is the YAML parser's own words.
    YamlSyntax { message: String },
    /// The YAML is fine but a field has the wrong shape (a list where a string belongs).
    FieldType { message: String },
    /// A document is not a mapping of fields.
    NotAnObject,
    /// A document has no `kind` or no `apiVersion`.
    KindOrVersionNotSet { missing: Vec<&'static str> },
    /// A kind this playground's API server does not serve.
    UnknownKind {
        api_version: String,
        kind: String,
        /// `metadata.name` of the document, for kubectl's message.
        name: String,
        /// `metadata.namespace` of the document, empty when unset.
        namespace: String,
    },
    /// The whole text is bigger than the API server accepts in one request.
    TooLarge { bytes: usize, limit: usize },
    /// Strict decoding: a field the object does not have (often a typo).
    UnknownField { path: String },
    /// A key given twice in one mapping: kubectl silently keeps the last value.
    DuplicateKey { path: String },
    /// The API server's validation refuses a field.
    Invalid {
        /// The object's kind, `Pod`, `Service`, …
        object_kind: &'static str,
        /// The object's name.
        name: String,
        /// The field error.
        error: FieldError,
    },
    /// A warning the API server sends back while accepting the object.
    ServerWarning { message: String },
    /// A volume source that needs infrastructure this one-node playground does
    /// not have (an NFS server, a storage provisioner): accepted, and explained.
    VolumeNeedsInfrastructure {
        /// The volume's name.
        volume: String,
        /// `nfs` or `persistentVolumeClaim`.
        source: &'static str,
    },
}

impl DiagnosticKind {
    /// Whether the object is refused because of it.
    pub fn severity(&self) -> Severity {
        match self {
            DiagnosticKind::DuplicateKey { .. } | DiagnosticKind::ServerWarning { .. } => {
                Severity::Warning
            }
            DiagnosticKind::VolumeNeedsInfrastructure { .. } => Severity::Info,
            _ => Severity::Error,
        }
    }
}

impl fmt::Display for DiagnosticKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DiagnosticKind::YamlSyntax { message } => write!(f, "yaml: {message}"),
            DiagnosticKind::FieldType { message } => f.write_str(message),
            DiagnosticKind::NotAnObject => {
                f.write_str("expected a mapping of fields (kind, apiVersion, metadata, spec)")
            }
            DiagnosticKind::KindOrVersionNotSet { missing } => {
                let parts: Vec<String> = missing.iter().map(|m| format!("{m} not set")).collect();
                write!(f, "error validating data: [{}]", parts.join(", "))
            }
            DiagnosticKind::UnknownKind {
                api_version, kind, ..
            } => {
                write!(
                    f,
                    "no matches for kind \"{kind}\" in version \"{api_version}\""
                )
            }
            DiagnosticKind::TooLarge { bytes, limit } => write!(
                f,
                "Request entity too large: {bytes} bytes, the limit is {limit} bytes"
            ),
            DiagnosticKind::UnknownField { path } => write!(f, "unknown field \"{path}\""),
            DiagnosticKind::DuplicateKey { path } => write!(
                f,
                "duplicate key \"{path}\": kubectl keeps only the last value"
            ),
            DiagnosticKind::Invalid { error, .. } => write!(f, "{error}"),
            DiagnosticKind::ServerWarning { message } => write!(f, "Warning: {message}"),
            DiagnosticKind::VolumeNeedsInfrastructure { volume, source } => write!(
                f,
                "volume \"{volume}\" ({source}) needs storage outside the node"
            ),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.span.line, self.kind)
    }
}
