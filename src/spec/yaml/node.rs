//! A YAML node with its span, and plain-scalar resolution as go-yaml v2 does it.

use crate::spec::Span;

/// One node of a YAML document.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// What the node holds.
    pub value: NodeValue,
    /// Where the node is in the editor's text.
    pub span: Span,
}

/// The value of a node after scalar resolution.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeValue {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    /// Entries in order; each key is a node too (for its span).
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// The key text of a mapping key (non-string keys as written).
    pub fn key_text(&self) -> String {
        match &self.value {
            NodeValue::Str(text) => text.clone(),
            NodeValue::Int(number) => number.to_string(),
            NodeValue::Float(number) => number.to_string(),
            NodeValue::Bool(flag) => flag.to_string(),
            NodeValue::Null => "null".to_string(),
            NodeValue::Seq(_) | NodeValue::Map(_) => "?".to_string(),
        }
    }

    /// Whether this mapping key's text is `key` (without copying a string key).
    pub fn key_is(&self, key: &str) -> bool {
        match &self.value {
            NodeValue::Str(text) => text == key,
            _ => self.key_text() == key,
        }
    }

    /// The entry `key` of a mapping node.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|(_, value)| value)
    }

    /// The key and value nodes of the entry `key` of a mapping node.
    pub fn entry(&self, key: &str) -> Option<(&Node, &Node)> {
        match &self.value {
            NodeValue::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.key_is(key))
                .map(|(k, v)| (k, v)),
            _ => None,
        }
    }

    /// The text of a string node.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            NodeValue::Str(text) => Some(text),
            _ => None,
        }
    }

    /// Where to point for the field at `path` (`spec.containers[0].image`):
    /// the key of the deepest field that exists, or, for a list item that is
    /// a mapping, its first key; `value` asks for the value's span instead
    /// when the field exists and sits on one line.
    pub fn locate(&self, path: &str, value: bool) -> Option<Span> {
        let mut node = self;
        let mut key_span: Option<Span> = None;
        for segment in split_path(path) {
            let next = match segment {
                Segment::Key(key) => node.entry(key).map(|(k, v)| (Some(k.span), v)),
                Segment::Index(index) => match &node.value {
                    NodeValue::Seq(items) => items.get(index).map(|item| (None, item)),
                    _ => None,
                },
            };
            match next {
                Some((key, child)) => {
                    key_span = key;
                    node = child;
                }
                None => return Some(self_point(node, key_span)),
            }
        }
        if value && node.span.line == node.span.end_line {
            return Some(node.span);
        }
        Some(self_point(node, key_span))
    }
}

/// A node's own place: its key, else its first key if it is a mapping, else itself.
fn self_point(node: &Node, key_span: Option<Span>) -> Span {
    key_span.unwrap_or_else(|| match &node.value {
        NodeValue::Map(entries) => entries.first().map_or(node.span, |(k, _)| k.span),
        _ => node.span,
    })
}

enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

/// `spec.containers[0].image` → keys and indexes; `data[a/b]` is the key `a/b`.
fn split_path(path: &str) -> Vec<Segment<'_>> {
    let mut segments = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(inner) = rest.strip_prefix('[') {
            let close = inner.find(']').unwrap_or(inner.len());
            let text = &inner[..close];
            segments.push(match text.parse() {
                Ok(index) => Segment::Index(index),
                Err(_) => Segment::Key(text),
            });
            rest = inner.get(close + 1..).unwrap_or("");
        } else {
            let rest_trimmed = rest.strip_prefix('.').unwrap_or(rest);
            let end = rest_trimmed.find(['.', '[']).unwrap_or(rest_trimmed.len());
            segments.push(Segment::Key(&rest_trimmed[..end]));
            rest = &rest_trimmed[end..];
        }
    }
    segments
}

/// Resolves a plain scalar as go-yaml v2 (YAML 1.1) does.
pub fn resolve_plain(text: &str) -> NodeValue {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return NodeValue::Null,
        "y" | "Y" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" | "true" | "True" | "TRUE" => {
            return NodeValue::Bool(true)
        }
        "n" | "N" | "no" | "No" | "NO" | "off" | "Off" | "OFF" | "false" | "False" | "FALSE" => {
            return NodeValue::Bool(false)
        }
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return NodeValue::Float(f64::INFINITY)
        }
        "-.inf" | "-.Inf" | "-.INF" => return NodeValue::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return NodeValue::Float(f64::NAN),
        _ => {}
    }
    if let Some(number) = resolve_int(text) {
        return NodeValue::Int(number);
    }
    let float_shaped = text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-' | '_'))
        && text.chars().any(|c| c.is_ascii_digit());
    if float_shaped {
        if let Ok(number) = text.replace('_', "").parse::<f64>() {
            return NodeValue::Float(number);
        }
    }
    NodeValue::Str(text.to_string())
}

fn resolve_int(text: &str) -> Option<i64> {
    let (negative, digits) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let digits = digits.replace('_', "");
    if digits.is_empty() {
        return None;
    }
    let magnitude = if let Some(hex) = digits.strip_prefix("0x") {
        i64::from_str_radix(hex, 16).ok()?
    } else if let Some(binary) = digits.strip_prefix("0b") {
        i64::from_str_radix(binary, 2).ok()?
    } else if digits.len() > 1 && digits.starts_with('0') {
        i64::from_str_radix(&digits[1..], 8).ok()?
    } else if digits.bytes().all(|b| b.is_ascii_digit()) {
        digits.parse().ok()?
    } else {
        return None;
    };
    Some(if negative { -magnitude } else { magnitude })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_scalars_resolve_as_kubectl_reads_them() {
        assert_eq!(resolve_plain("yes"), NodeValue::Bool(true));
        assert_eq!(resolve_plain("off"), NodeValue::Bool(false));
        assert_eq!(resolve_plain("~"), NodeValue::Null);
        assert_eq!(resolve_plain("80"), NodeValue::Int(80));
        assert_eq!(resolve_plain("0777"), NodeValue::Int(511));
        assert_eq!(resolve_plain("0x1F"), NodeValue::Int(31));
        assert_eq!(resolve_plain("1.5"), NodeValue::Float(1.5));
        assert_eq!(resolve_plain("1Gi"), NodeValue::Str("1Gi".into()));
        assert_eq!(resolve_plain("centos:7"), NodeValue::Str("centos:7".into()));
        assert_eq!(resolve_plain("-"), NodeValue::Str("-".into()));
        assert_eq!(resolve_plain("1.2.3"), NodeValue::Str("1.2.3".into()));
    }
}
