//! Where each field of a YAML document is: a map from Kubernetes field paths
//! (`spec.containers[0].image`) to the spans of the key and the value, built in
//! one pass over saphyr-parser's events. serde_yaml gives positions only for its
//! own errors; validation errors name field paths, and this map turns them into
//! places the editor can underline.
//!
//! The same pass finds keys given twice in one mapping. kubectl's YAML reader
//! keeps the last value silently, while serde_yaml refuses duplicates, so the
//! map also records the character ranges of the earlier entries; the parser
//! blanks them out (spaces, newlines kept, so every position stays valid).

use super::diagnostics::Span;
use saphyr_parser::{Event, Marker, Parser};
use std::collections::BTreeMap;
use std::ops::Range;

/// The spans of one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpans {
    /// The key (`image:`), absent for sequence items.
    pub key: Option<Span>,
    /// The value: a scalar, or a whole mapping or sequence.
    pub value: Span,
}

/// Field paths of one document and where they are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    /// Spans by field path.
    fields: BTreeMap<String, FieldSpans>,
    /// Keys given twice in one mapping: the path and the span of the later key.
    pub duplicates: Vec<(String, Span)>,
    /// Character ranges of the entries that a later duplicate key overrides.
    pub overridden: Vec<Range<usize>>,
    /// The span of the first key of each mapping, by the mapping's path: where
    /// to point for a mapping that has no key of its own (a list item).
    first_keys: BTreeMap<String, Span>,
}

/// One entry of an open mapping.
struct Entry {
    key: String,
    /// Character index where the key starts.
    start: usize,
    /// Character index just after the value, once it has been read.
    end: Option<usize>,
}

/// One open mapping or sequence while walking the events.
enum Frame {
    Mapping {
        path: String,
        /// The key just read, waiting for its value.
        pending_key: Option<(String, Span)>,
        entries: Vec<Entry>,
    },
    Sequence {
        path: String,
        next_index: usize,
    },
}

/// Converts saphyr positions (1-based line, 0-based column) to editor spans.
struct Positions {
    first_line: usize,
}

impl Positions {
    fn span(&self, start: Marker, end: Marker) -> Span {
        Span {
            line: start.line() + self.first_line - 1,
            column: start.col() + 1,
            end_line: end.line() + self.first_line - 1,
            end_column: end.col() + 1,
        }
    }
}

impl SourceMap {
    /// Maps `document`, whose first line is line `first_line` of the editor.
    /// A document saphyr cannot read gives what was mapped before the problem
    /// (callers fall back to the document's start), never an error.
    pub fn build(document: &str, first_line: usize) -> SourceMap {
        let positions = Positions { first_line };
        let mut map = SourceMap::default();
        let mut stack: Vec<Frame> = Vec::new();
        for event in Parser::new_from_str(document) {
            let Ok((event, span)) = event else {
                break;
            };
            let here = positions.span(span.start, span.end);
            match event {
                Event::Scalar(text, ..) => {
                    if map.read_key(&mut stack, &text, here, span.start.index()) {
                        continue;
                    }
                    map.begin_value(&mut stack, here);
                    end_value(&mut stack, span.end.index());
                }
                Event::Alias(_) => {
                    map.begin_value(&mut stack, here);
                    end_value(&mut stack, span.end.index());
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    let path = map.begin_value(&mut stack, here).unwrap_or_default();
                    stack.push(if matches!(event, Event::MappingStart(..)) {
                        Frame::Mapping {
                            path,
                            pending_key: None,
                            entries: Vec::new(),
                        }
                    } else {
                        Frame::Sequence {
                            path,
                            next_index: 0,
                        }
                    });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    if let Some(Frame::Mapping { path, .. } | Frame::Sequence { path, .. }) =
                        stack.pop()
                    {
                        if let Some(field) = map.fields.get_mut(&path) {
                            field.value.end_line = here.end_line;
                            field.value.end_column = here.end_column;
                        }
                    }
                    end_value(&mut stack, span.end.index());
                }
                _ => {}
            }
        }
        map
    }

    /// If a key is expected, takes `text` as the key and returns true.
    fn read_key(&mut self, stack: &mut [Frame], text: &str, span: Span, start: usize) -> bool {
        let Some(Frame::Mapping {
            path,
            pending_key,
            entries,
        }) = stack.last_mut()
        else {
            return false;
        };
        if pending_key.is_some() {
            return false;
        }
        if entries.is_empty() {
            self.first_keys.entry(path.clone()).or_insert(span);
        }
        if let Some(earlier) = entries.iter().rposition(|entry| entry.key == text) {
            let earlier = entries.remove(earlier);
            if let Some(end) = earlier.end {
                self.overridden.push(earlier.start..end);
            }
            self.duplicates.push((join(path, text), span));
        }
        entries.push(Entry {
            key: text.to_string(),
            start,
            end: None,
        });
        *pending_key = Some((text.to_string(), span));
        true
    }

    /// Records a value starting at the current position and returns its path.
    fn begin_value(&mut self, stack: &mut [Frame], value: Span) -> Option<String> {
        let (path, key) = match stack.last_mut()? {
            Frame::Mapping {
                path, pending_key, ..
            } => {
                let (key, key_span) = pending_key.take()?;
                (join(path, &key), Some(key_span))
            }
            Frame::Sequence { path, next_index } => {
                let item = format!("{path}[{next_index}]");
                *next_index += 1;
                (item, None)
            }
        };
        self.fields.insert(path.clone(), FieldSpans { key, value });
        Some(path)
    }

    /// The spans of `path`, if the document has that field.
    pub fn get(&self, path: &str) -> Option<FieldSpans> {
        self.fields.get(path).copied()
    }

    /// The best place to point at for `path`: its key if present (so the
    /// learner sees which field), else the nearest enclosing field that exists.
    /// A list item that is a mapping is pointed at by its first key.
    pub fn locate(&self, path: &str) -> Option<Span> {
        let mut current = path;
        loop {
            if let Some(spans) = self.fields.get(current) {
                let first_key = self.first_keys.get(current).copied();
                return Some(spans.key.or(first_key).unwrap_or(spans.value));
            }
            let cut = current.rfind(['.', '['])?;
            current = &current[..cut];
        }
    }

    /// Where the value of `path` is (falling back as [`SourceMap::locate`] does).
    pub fn locate_value(&self, path: &str) -> Option<Span> {
        match self.get(path) {
            Some(spans) if spans.value.line == spans.value.end_line => Some(spans.value),
            _ => self.locate(path),
        }
    }
}

/// Marks the value of the innermost mapping's last entry as ending at `end`.
fn end_value(stack: &mut [Frame], end: usize) {
    if let Some(Frame::Mapping { entries, .. }) = stack.last_mut() {
        if let Some(entry) = entries.last_mut() {
            entry.end.get_or_insert(end);
        }
    }
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

/// `document` with the given character ranges replaced by spaces (newlines kept).
pub fn blank_out(document: &str, ranges: &[Range<usize>]) -> String {
    document
        .chars()
        .enumerate()
        .map(|(index, ch)| {
            if ch != '\n' && ranges.iter().any(|range| range.contains(&index)) {
                ' '
            } else {
                ch
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const POD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: busybox\n    ports:\n    - containerPort: 80\n";

    fn at(span: Span) -> String {
        format!(
            "{}:{}-{}:{}",
            span.line, span.column, span.end_line, span.end_column
        )
    }

    #[test]
    fn keys_and_values_of_nested_fields_are_found_by_path() {
        let map = SourceMap::build(POD, 1);
        let image = map.get("spec.containers[0].image").unwrap();
        assert_eq!(at(image.key.unwrap()), "8:5-8:10");
        assert_eq!(at(image.value), "8:12-8:19");
        let port = map
            .get("spec.containers[0].ports[0].containerPort")
            .unwrap();
        assert_eq!(at(port.value), "10:22-10:24");
        assert!(map.get("spec.containers[0]").unwrap().key.is_none());
    }

    #[test]
    fn a_missing_field_is_located_at_its_nearest_parent() {
        let map = SourceMap::build(POD, 1);
        let name_key = map.get("spec.containers[0].name").unwrap().key;
        assert_eq!(map.locate("spec.containers[0].resources.limits"), name_key);
    }

    #[test]
    fn lines_are_offset_by_the_documents_first_line() {
        let map = SourceMap::build(POD, 11);
        assert_eq!(map.locate("kind").unwrap().line, 12);
    }

    #[test]
    fn a_duplicate_key_is_found_and_the_earlier_entry_can_be_blanked() {
        let text = "a: 1\nb:\n  c: [1, 2]\n  d: 0\n  c: 2\n";
        let map = SourceMap::build(text, 1);
        assert_eq!(map.duplicates.len(), 1);
        assert_eq!(map.duplicates[0].0, "b.c");
        assert_eq!(at(map.duplicates[0].1), "5:3-5:4");
        assert_eq!(
            blank_out(text, &map.overridden),
            "a: 1\nb:\n           \n  d: 0\n  c: 2\n"
        );
    }
}
