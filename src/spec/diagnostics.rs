//! Diagnostics: what is wrong with a manifest, and where.
//!
//! All wording lives in [`DiagnosticKind`]'s `Display`, so the editor, the
//! console and the tests read the same sentence.

use std::fmt;

/// A place in the manifest text, 1-based like editors count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    /// Line number, starting at 1.
    pub line: usize,
    /// Column number (in characters), starting at 1.
    pub column: usize,
}

/// One problem found in a manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where the problem is.
    pub span: Span,
    /// What the problem is.
    pub kind: DiagnosticKind,
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
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.span.line, self.kind)
    }
}
