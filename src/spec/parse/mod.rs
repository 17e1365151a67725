//! YAML text → typed, defaulted objects plus diagnostics with spans.
//!
//! Approach: one pass over saphyr-parser's events builds each document as a
//! tree of marked nodes (`yaml` module, go-yaml v2 scalar rules, last of
//! duplicate keys wins as in kubectl); serde then decodes the typed model from
//! the nodes, strictly, as the API server's JSON decoder does (unknown fields
//! are collected, wrong types are Go's `json: cannot unmarshal …`); the object
//! is defaulted and validated as the API server would, and every field error is
//! placed by walking the node tree along its field path.
//!
//! This file reads the text into documents; `read` turns one document's node
//! tree into an object and its diagnostics; `objects` holds what comes out.

mod objects;
mod read;

use super::diagnostics::{Diagnostic, DiagnosticKind, Span};
use super::yaml::{load_documents, NodeValue};
pub use objects::{Document, Manifest, Parsed};
use read::read_object;

/// The largest manifest text accepted, as the API server's request-body limit (3 MiB).
pub const MAX_MANIFEST_BYTES: usize = 3 * 1024 * 1024;

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
