//! YAML text → typed manifests plus diagnostics.
//!
//! Approach: split the text into YAML documents at `---` lines (a marker at
//! column 0 always ends a document, even inside a block scalar), remember the
//! line each document starts on, then read each document twice with serde_yaml:
//! once as a generic value to learn `kind` and `apiVersion`, once into the typed
//! model. serde_yaml reports positions relative to the document; adding the
//! document's first line gives the editor line. serde_yaml limits alias
//! expansion and nesting depth itself, so alias bombs end in a diagnostic.

use super::diagnostics::{Diagnostic, DiagnosticKind, Span};
use super::model::Pod;
use serde_yaml::Value;

/// The largest manifest text accepted, as the API server's request-body limit (3 MiB).
pub const MAX_MANIFEST_BYTES: usize = 3 * 1024 * 1024;

/// One object read from the text.
#[derive(Debug, Clone, PartialEq)]
pub enum Manifest {
    /// A `kind: Pod` object.
    Pod(Pod),
}

impl Manifest {
    /// The object's name.
    pub fn name(&self) -> &str {
        match self {
            Manifest::Pod(pod) => &pod.metadata.name,
        }
    }
}

/// Everything read from a manifest text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    /// The objects that were read, in document order.
    pub manifests: Vec<Manifest>,
    /// The problems found, in document order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    /// The first Pod, if any document was one.
    pub fn first_pod(&self) -> Option<&Pod> {
        self.manifests.iter().map(|Manifest::Pod(pod)| pod).next()
    }
}

/// Reads every document of `text`. Never fails: problems become diagnostics.
pub fn parse_manifests(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    if text.len() > MAX_MANIFEST_BYTES {
        parsed.diagnostics.push(Diagnostic {
            span: Span { line: 1, column: 1 },
            kind: DiagnosticKind::TooLarge {
                bytes: text.len(),
                limit: MAX_MANIFEST_BYTES,
            },
        });
        return parsed;
    }
    for (first_line, document) in split_documents(text) {
        match parse_document(document, first_line) {
            Ok(Some(manifest)) => parsed.manifests.push(manifest),
            Ok(None) => {}
            Err(diagnostic) => parsed.diagnostics.push(diagnostic),
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

/// Reads one document; `Ok(None)` for a document with nothing in it.
fn parse_document(document: &str, first_line: usize) -> Result<Option<Manifest>, Diagnostic> {
    let value: Value = serde_yaml::from_str(document)
        .map_err(|error| yaml_diagnostic(&error, first_line, YamlErrorSource::Syntax))?;
    let mapping = match &value {
        Value::Null => return Ok(None),
        Value::Mapping(mapping) => mapping,
        _ => {
            return Err(Diagnostic {
                span: first_content_span(document, first_line),
                kind: DiagnosticKind::NotAnObject,
            })
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
        return Err(Diagnostic {
            span: first_content_span(document, first_line),
            kind: DiagnosticKind::KindOrVersionNotSet { missing },
        });
    }
    match (api_version, kind) {
        ("v1", "Pod") => serde_yaml::from_str::<Pod>(document)
            .map(|pod| Some(Manifest::Pod(pod)))
            .map_err(|error| yaml_diagnostic(&error, first_line, YamlErrorSource::Field)),
        _ => {
            let metadata = |key: &str| {
                mapping
                    .get("metadata")
                    .and_then(|metadata| metadata.get(key))
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string()
            };
            Err(Diagnostic {
                span: key_span(document, first_line, "kind"),
                kind: DiagnosticKind::UnknownKind {
                    api_version: api_version.to_string(),
                    kind: kind.to_string(),
                    name: metadata("name"),
                    namespace: metadata("namespace"),
                },
            })
        }
    }
}

/// Whether a serde_yaml error came from reading YAML or from mapping it onto fields.
enum YamlErrorSource {
    Syntax,
    Field,
}

fn yaml_diagnostic(
    error: &serde_yaml::Error,
    first_line: usize,
    source: YamlErrorSource,
) -> Diagnostic {
    // serde_yaml appends positions (" at line 8 column 4, while parsing …");
    // the diagnostic carries the position itself, so keep the words before them.
    let full = error.to_string();
    let message = full.split(" at line ").next().unwrap_or(&full).to_string();
    let span = match error.location() {
        Some(location) => Span {
            line: location.line() + first_line - 1,
            column: location.column(),
        },
        None => Span {
            line: first_line,
            column: 1,
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
    Span {
        line: first_line + line,
        column: 1,
    }
}

/// The line of a top-level `key:` in a document, else the document's first content line.
fn key_span(document: &str, first_line: usize, key: &str) -> Span {
    let prefix = format!("{key}:");
    document
        .lines()
        .position(|line| line.starts_with(&prefix))
        .map(|index| Span {
            line: first_line + index,
            column: 1,
        })
        .unwrap_or_else(|| first_content_span(document, first_line))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: expect_test::Expect) {
        let parsed = parse_manifests(text);
        let mut out = String::new();
        for manifest in &parsed.manifests {
            let Manifest::Pod(pod) = manifest;
            let containers: Vec<&str> = pod
                .spec
                .containers
                .iter()
                .map(|c| c.name.as_str())
                .collect();
            out.push_str(&format!(
                "Pod {} [{}]\n",
                pod.metadata.name,
                containers.join(", ")
            ));
        }
        for diagnostic in &parsed.diagnostics {
            out.push_str(&format!(
                "{}:{} {}\n",
                diagnostic.span.line, diagnostic.span.column, diagnostic.kind
            ));
        }
        expected.assert_eq(&out);
    }

    #[test]
    fn a_pod_with_two_containers_is_read() {
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: x\n    image: busybox\n  - name: y\n    image: nginx\n",
            expect_test::expect![[r#"
                Pod a [x, y]
            "#]],
        );
    }

    #[test]
    fn a_syntax_error_points_at_its_line() {
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n   oops: [\n",
            expect_test::expect![[r#"
                5:8 yaml: mapping values are not allowed in this context
            "#]],
        );
    }

    #[test]
    fn lines_count_from_the_start_of_the_whole_text_in_later_documents() {
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\nspec:\n  containers: 5\n",
            expect_test::expect![[r#"
                Pod a []
                11:15 spec.containers: invalid type: integer `5`, expected a sequence
            "#]],
        );
    }

    #[test]
    fn an_unknown_kind_is_reported_on_its_kind_line() {
        check(
            "apiVersion: v1\nkind: Pdo\n",
            expect_test::expect![[r#"
                2:1 no matches for kind "Pdo" in version "v1"
            "#]],
        );
    }

    #[test]
    fn a_document_without_kind_says_what_is_missing() {
        check(
            "# a comment\nmetadata:\n  name: a\n",
            expect_test::expect![[r#"
                2:1 error validating data: [apiVersion not set, kind not set]
            "#]],
        );
    }

    #[test]
    fn empty_documents_are_skipped() {
        check("---\n# nothing\n---\n", expect_test::expect![""]);
    }

    #[test]
    fn an_alias_bomb_ends_in_a_diagnostic() {
        let mut text = String::from("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for level in 1..12 {
            let references = vec![format!("*l{}", level - 1); 10].join(", ");
            text.push_str(&format!("l{level}: &l{level} [{references}]\n"));
        }
        let parsed = parse_manifests(&text);
        assert!(parsed.manifests.is_empty());
        assert_eq!(parsed.diagnostics.len(), 1, "{:?}", parsed.diagnostics);
    }

    #[test]
    fn a_text_over_the_request_limit_is_refused_without_parsing() {
        let text = "#".repeat(MAX_MANIFEST_BYTES + 1);
        check(
            &text,
            expect_test::expect![[r#"
                1:1 Request entity too large: 3145729 bytes, the limit is 3145728 bytes
            "#]],
        );
    }
}
