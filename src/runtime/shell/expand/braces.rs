//! Brace expansion of unquoted literal text: `{1..100}`, `{a..e}`, `{x,y}`,
//! before any other expansion. Pure text; it knows no context.

use crate::runtime::shell::ast::{Word, WordPart};

/// Whether a word has unquoted text with a `{` (a brace expansion, maybe).
pub(super) fn has_brace(word: &Word) -> bool {
    word.parts
        .iter()
        .any(|part| matches!(part, WordPart::Literal(text) if text.contains('{')))
}

/// Brace expansion of unquoted literal text: `{1..100}`, `{a..e}`, `{x,y}`.
pub(super) fn brace_expand(word: &Word) -> Vec<Word> {
    if !has_brace(word) {
        return vec![word.clone()];
    }
    for (index, part) in word.parts.iter().enumerate() {
        let WordPart::Literal(text) = part else {
            continue;
        };
        let Some((prefix, alternatives, suffix)) = find_brace(text) else {
            continue;
        };
        let mut words = Vec::with_capacity(alternatives.len());
        for alternative in alternatives {
            let mut text = String::with_capacity(prefix.len() + alternative.len() + suffix.len());
            text.push_str(prefix);
            text.push_str(&alternative);
            text.push_str(suffix);
            let mut parts = word.parts.clone();
            parts[index] = WordPart::Literal(text);
            let expanded = Word { parts };
            if has_brace(&expanded) {
                words.extend(brace_expand(&expanded));
            } else {
                words.push(expanded);
            }
        }
        return words;
    }
    vec![word.clone()]
}

/// Brace expansion of plain text with no pattern characters, into `fields`.
pub(super) fn brace_expand_text(text: &str, fields: &mut Vec<String>) {
    let Some((prefix, alternatives, suffix)) = find_brace(text) else {
        fields.push(text.to_string());
        return;
    };
    for alternative in alternatives {
        let expanded = if prefix.is_empty() && suffix.is_empty() {
            alternative
        } else {
            format!("{prefix}{alternative}{suffix}")
        };
        if expanded.contains('{') {
            brace_expand_text(&expanded, fields);
        } else {
            fields.push(expanded);
        }
    }
}

/// Finds the first `{…}` with a comma or a `..` range; returns what is
/// before, the alternatives, and what is after.
fn find_brace(text: &str) -> Option<(&str, Vec<String>, &str)> {
    let bytes = text.as_bytes();
    for open in (0..bytes.len()).filter(|i| bytes[*i] == b'{') {
        let mut depth = 0;
        for close in open..bytes.len() {
            match bytes[close] {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        let inner = &text[open + 1..close];
                        if let Some(items) = brace_items(inner) {
                            return Some((&text[..open], items, &text[close + 1..]));
                        }
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    None
}

/// The alternatives of the inside of a brace, if it is a list or a range.
fn brace_items(inner: &str) -> Option<Vec<String>> {
    let range: Vec<&str> = inner.split("..").collect();
    if range.len() == 2 || range.len() == 3 {
        let step: i64 = range
            .get(2)
            .and_then(|s| s.parse().ok())
            .unwrap_or(1)
            .max(1);
        if let (Ok(start), Ok(end)) = (range[0].parse::<i64>(), range[1].parse::<i64>()) {
            // A range of a million is already far beyond any Pod command.
            if (end - start).abs() / step > 1_000_000 {
                return None;
            }
            let width = if range[0].starts_with('0') && range[0].len() > 1 {
                range[0].len()
            } else {
                0
            };
            let mut items = Vec::new();
            let mut value = start;
            loop {
                items.push(if width == 0 {
                    value.to_string()
                } else {
                    format!("{value:0width$}")
                });
                if value == end {
                    break;
                }
                value += if end > start { step } else { -step };
                if (end > start && value > end) || (end < start && value < end) {
                    break;
                }
            }
            return Some(items);
        }
        let (a, b) = (
            range[0].chars().collect::<Vec<_>>(),
            range[1].chars().collect::<Vec<_>>(),
        );
        if let ([a], [b]) = (a.as_slice(), b.as_slice()) {
            let (a, b) = (*a as u32, *b as u32);
            let items: Vec<String> = if a <= b {
                (a..=b)
                    .filter_map(char::from_u32)
                    .map(String::from)
                    .collect()
            } else {
                (b..=a)
                    .rev()
                    .filter_map(char::from_u32)
                    .map(String::from)
                    .collect()
            };
            return Some(items);
        }
    }
    let mut items = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (index, ch) in inner.char_indices() {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(inner[start..index].to_string());
                start = index + 1;
            }
            _ => {}
        }
    }
    if items.is_empty() {
        return None;
    }
    items.push(inner[start..].to_string());
    Some(items)
}
