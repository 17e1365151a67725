//! Pod YAML in, validated as the API server would.
//!
//! [`parse_manifests`] never fails: it returns every document it could read
//! (typed, defaulted objects) plus [`Diagnostic`]s with the span they are about,
//! so the editor can underline the spot and the console can print kubectl's
//! words. [`explain`] gives the learner-facing explanation of a diagnostic.

mod defaults;
mod diagnostics;
mod explain;
mod field;
mod model;
mod parse;
mod qos;
mod quantity;
mod render;
mod validation;
mod yaml;

pub use defaults::{admit_pod, generated_suffix, SERVICE_ACCOUNT_MOUNT_PATH};
pub use diagnostics::{Diagnostic, DiagnosticKind, Severity, Span};
pub use explain::{explain, Explanation};
pub use field::{BadValue, FieldError, FieldErrorKind};
pub use model::*;
pub use parse::{parse_manifests, Document, Manifest, Parsed, MAX_MANIFEST_BYTES};
pub use qos::{effective_requests, qos_class};
pub use quantity::{format_quantity, parse_quantity, ParsedQuantity, QuantityFormat, NANOS};
pub use render::to_sorted_yaml;
/// The YAML reader with spans, for other data files of podplay (lessons).
pub(crate) use yaml::{load_documents, Node, NodeValue};
