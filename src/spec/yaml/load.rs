//! Builds documents of [`Node`]s from saphyr-parser's event stream.

use super::node::{resolve_plain, Node, NodeValue};
use crate::spec::Span;
use saphyr_parser::{Event, Marker, Parser, ScalarStyle, ScanError};
use std::collections::BTreeMap;

/// The deepest nesting accepted (go-yaml refuses at 10000; nodes are dropped
/// recursively, so podplay stops earlier to keep the browser's stack safe).
pub const MAX_DEPTH: usize = 1000;

/// How many nodes aliases may copy in one document before it is refused.
const MAX_ALIAS_NODES: usize = 100_000;

/// A YAML error in go-yaml's words, at the place it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// The problem, e.g. `did not find expected key`.
    pub message: String,
    /// Where it was found.
    pub span: Span,
}

/// One document of the stream.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedDocument {
    /// The editor line the document starts on.
    pub first_line: usize,
    /// The document's root node, or why it could not be read.
    pub root: Result<Node, YamlError>,
    /// Keys given twice in one mapping (the last one is kept): path and span of the later key.
    pub duplicates: Vec<(String, Span)>,
}

/// An open sequence or mapping.
struct Frame {
    /// `containers` or `[0]`: how the parent refers to this collection.
    label: String,
    start: Span,
    anchor: usize,
    items: Vec<Node>,
    /// A mapping's entries in order; an entry a later duplicate key replaced
    /// is `None` until the mapping ends.
    entries: Vec<Option<(Node, Node)>>,
    /// Where each key's entry is in `entries`, by key text: one lookup per
    /// key, so a mapping of many keys loads in linear time.
    positions: BTreeMap<String, usize>,
    is_map: bool,
    pending_key: Option<Node>,
}

fn span(start: Marker, end: Marker) -> Span {
    Span {
        line: start.line(),
        column: start.col() + 1,
        end_line: end.line(),
        end_column: end.col() + 1,
    }
}

/// go-yaml's words for a scanner error: the problem without libyaml's
/// "while parsing …, " context, placed inside `text` (at the end of a text
/// without a final newline the scanner's mark is on a line after it).
fn scan_error(error: &ScanError, text: &str) -> YamlError {
    let info = error.info();
    let message = match info.split_once(", ") {
        Some((context, problem)) if context.starts_with("while ") => problem,
        _ => info,
    };
    // Where libyaml and go-yaml word a problem differently, use go-yaml's words.
    let message = match message {
        "found unprintable character" => "control characters are not allowed",
        other => other,
    };
    let marker = error.marker();
    let span = within(
        Span::point(marker.line().max(1), marker.col() + 1),
        text_end(text),
    );
    YamlError {
        message: message.to_string(),
        span,
    }
}

/// The line and column after `text`'s last character (breaks: `\r\n`, `\r`, `\n`).
fn text_end(text: &str) -> (usize, usize) {
    let last_line =
        1 + text.matches('\n').count() + text.matches('\r').count() - text.matches("\r\n").count();
    let last = text.rsplit(['\n', '\r']).next().unwrap_or_default();
    (last_line, last.chars().count() + 1)
}

/// `span` kept inside a text ending at `end` (the scanner marks an error or
/// an empty node at the end of a text without a final newline a line after).
fn within(span: Span, (line, column): (usize, usize)) -> Span {
    if span.line > line {
        Span::point(line, column)
    } else if span.end_line > line {
        Span {
            end_line: line,
            end_column: column,
            ..span
        }
    } else {
        span
    }
}

/// The number of nodes in `node`, for the alias budget.
fn node_count(node: &Node) -> usize {
    1 + match &node.value {
        NodeValue::Seq(items) => items.iter().map(node_count).sum(),
        NodeValue::Map(entries) => entries
            .iter()
            .map(|(k, v)| node_count(k) + node_count(v))
            .sum(),
        _ => 0,
    }
}

/// Reads every document of `text`; reading stops at the first syntax error.
pub fn load_documents(text: &str) -> Vec<LoadedDocument> {
    let mut documents = Vec::new();
    let mut loader = Loader::default();
    let end = text_end(text);
    for event in Parser::new_from_str(text) {
        let (event, event_span) = match event {
            Ok(pair) => pair,
            Err(error) => {
                loader.fail(scan_error(&error, text), &mut documents);
                break;
            }
        };
        let here = within(span(event_span.start, event_span.end), end);
        if let Err(error) = loader.on_event(event, here, &mut documents) {
            loader.fail(error, &mut documents);
            break;
        }
    }
    documents
}

#[derive(Default)]
struct Loader {
    first_line: usize,
    stack: Vec<Frame>,
    root: Option<Node>,
    anchors: BTreeMap<usize, (Node, usize)>,
    alias_nodes: usize,
    duplicates: Vec<(String, Span)>,
    in_document: bool,
}

impl Loader {
    fn on_event(
        &mut self,
        event: Event<'_>,
        here: Span,
        documents: &mut Vec<LoadedDocument>,
    ) -> Result<(), YamlError> {
        match event {
            Event::DocumentStart(_) => {
                *self = Loader {
                    first_line: here.line,
                    in_document: true,
                    ..Loader::default()
                };
            }
            Event::DocumentEnd => {
                if let Some(root) = self.root.take() {
                    documents.push(LoadedDocument {
                        first_line: self.first_line,
                        root: Ok(root),
                        duplicates: std::mem::take(&mut self.duplicates),
                    });
                }
                self.in_document = false;
            }
            Event::Scalar(text, style, anchor, tag) => {
                let value = match (style, tag) {
                    (ScalarStyle::Plain, None) => resolve_plain(&text),
                    (_, Some(tag)) if tag.suffix != "str" => resolve_plain(&text),
                    _ => NodeValue::Str(text.into_owned()),
                };
                self.attach(Node { value, span: here }, anchor)?;
            }
            Event::Alias(id) => {
                let (node, count) = self.anchors.get(&id).cloned().ok_or_else(|| YamlError {
                    message: "unknown anchor referenced".to_string(),
                    span: here,
                })?;
                self.alias_nodes += count;
                if self.alias_nodes > MAX_ALIAS_NODES {
                    return Err(YamlError {
                        message: "document contains excessive aliasing".to_string(),
                        span: here,
                    });
                }
                self.attach(Node { span: here, ..node }, 0)?;
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if self.stack.len() >= MAX_DEPTH {
                    return Err(YamlError {
                        message: format!("exceeded max depth of {MAX_DEPTH}"),
                        span: here,
                    });
                }
                let label = self.child_label();
                self.stack.push(Frame {
                    label,
                    start: here,
                    anchor,
                    items: Vec::new(),
                    entries: Vec::new(),
                    positions: BTreeMap::new(),
                    is_map: matches!(event, Event::MappingStart(..)),
                    pending_key: None,
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(frame) = self.stack.pop() {
                    let value = if frame.is_map {
                        NodeValue::Map(frame.entries.into_iter().flatten().collect())
                    } else {
                        NodeValue::Seq(frame.items)
                    };
                    let node = Node {
                        value,
                        span: Span {
                            end_line: here.end_line,
                            end_column: here.end_column,
                            ..frame.start
                        },
                    };
                    self.attach(node, frame.anchor)?;
                }
            }
            Event::StreamStart | Event::StreamEnd | Event::Nothing => {}
        }
        Ok(())
    }

    /// How the innermost open collection will refer to its next child.
    fn child_label(&self) -> String {
        match self.stack.last() {
            Some(frame) if frame.is_map => frame
                .pending_key
                .as_ref()
                .map_or_else(|| "?".to_string(), Node::key_text),
            Some(frame) => format!("[{}]", frame.items.len()),
            None => String::new(),
        }
    }

    /// The field path of the innermost open collection.
    fn path(&self) -> String {
        let mut path = String::new();
        for frame in self.stack.iter().skip(1) {
            if !frame.label.starts_with('[') && !path.is_empty() {
                path.push('.');
            }
            path.push_str(&frame.label);
        }
        path
    }

    fn attach(&mut self, node: Node, anchor: usize) -> Result<(), YamlError> {
        if anchor != 0 {
            let count = node_count(&node);
            self.anchors.insert(anchor, (node.clone(), count));
        }
        let Some(frame) = self.stack.last_mut() else {
            self.root = Some(node);
            return Ok(());
        };
        if !frame.is_map {
            frame.items.push(node);
            return Ok(());
        }
        let Some(key) = frame.pending_key.take() else {
            frame.pending_key = Some(node);
            return Ok(());
        };
        let key_text = key.key_text();
        let position = frame.entries.len();
        let earlier = frame.positions.insert(key_text.clone(), position);
        let key_span = key.span;
        frame.entries.push(Some((key, node)));
        if let Some(earlier) = earlier {
            frame.entries[earlier] = None;
            let path = self.path();
            let field = if path.is_empty() {
                key_text
            } else {
                format!("{path}.{key_text}")
            };
            self.duplicates.push((field, key_span));
        }
        Ok(())
    }

    /// Records `error` as the current (or a new) document's result.
    fn fail(&mut self, error: YamlError, documents: &mut Vec<LoadedDocument>) {
        let first_line = if self.in_document {
            self.first_line
        } else {
            error.span.line
        };
        documents.push(LoadedDocument {
            first_line,
            root: Err(error),
            duplicates: std::mem::take(&mut self.duplicates),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roots(text: &str) -> Vec<String> {
        load_documents(text)
            .into_iter()
            .map(|document| match document.root {
                Ok(node) => format!("{}: {}", document.first_line, short(&node)),
                Err(error) => format!(
                    "{}: error {} at {}:{}",
                    document.first_line, error.message, error.span.line, error.span.column
                ),
            })
            .collect()
    }

    fn short(node: &Node) -> String {
        match &node.value {
            NodeValue::Map(entries) => format!(
                "{{{}}}",
                entries
                    .iter()
                    .map(|(k, v)| format!("{}={}", k.key_text(), short(v)))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            NodeValue::Seq(items) => format!(
                "[{}]",
                items.iter().map(short).collect::<Vec<_>>().join(",")
            ),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn documents_are_split_and_numbered_by_the_line_they_start_on() {
        assert_eq!(
            roots("a: 1\n---\nb: [x, 'y']\n"),
            ["1: {a=Int(1)}", "2: {b=[Str(\"x\"),Str(\"y\")]}"]
        );
    }

    #[test]
    fn a_syntax_error_uses_go_yamls_words_and_stops_reading() {
        assert_eq!(
            roots("a: 1\n---\nb:\n  c: 1\n d: 2\n---\ne: 3\n"),
            ["1: {a=Int(1)}", "2: error did not find expected key at 5:2"]
        );
    }

    #[test]
    fn the_last_of_duplicate_keys_wins_and_is_recorded() {
        let documents = load_documents("spec:\n  containers:\n  - image: a\n    image: b\n");
        assert_eq!(documents[0].duplicates.len(), 1);
        assert_eq!(documents[0].duplicates[0].0, "spec.containers[0].image");
        let root = documents[0].root.as_ref().unwrap();
        let image = root.get("spec").unwrap().get("containers").unwrap();
        assert_eq!(short(image), "[{image=Str(\"b\")}]");
    }

    #[test]
    fn aliases_copy_their_anchor_within_a_budget() {
        assert_eq!(roots("a: &x [1]\nb: *x\n"), ["1: {a=[Int(1)],b=[Int(1)]}"]);
        let mut bomb = String::from("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for level in 1..12 {
            let references = vec![format!("*l{}", level - 1); 10].join(", ");
            bomb.push_str(&format!("l{level}: &l{level} [{references}]\n"));
        }
        assert!(roots(&bomb)[0].contains("excessive aliasing"));
    }

    #[test]
    fn nesting_is_capped() {
        let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
        let result = roots(&deep);
        assert!(
            result[0].contains("exceeded max depth of 1000")
                || result[0].contains("recursion limit"),
            "{result:?}"
        );
    }
}
