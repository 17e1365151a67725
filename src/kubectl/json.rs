//! Objects as Go prints them: `json.MarshalIndent` with four spaces
//! (`kubectl get -o json`), `json.Marshal` (a map or list in a JSONPath
//! result), `fmt`'s `%v` (a custom column's cell) and `%#v` (the object a
//! JSONPath error dumps). kubectl holds objects as `map[string]interface{}`,
//! so every map's keys come out sorted, and Go's JSON encoder escapes `<`,
//! `>` and `&` as `\u003c`, `\u003e` and `\u0026`.

use serde_yaml::{Mapping, Number, Value};
use std::fmt::Write;

/// A mapping's entries sorted by key, as Go iterates a map when printing.
pub fn sorted_entries(mapping: &Mapping) -> Vec<(String, &Value)> {
    let mut entries: Vec<(String, &Value)> = mapping
        .iter()
        .map(|(key, value)| (scalar_text(key), value))
        .collect();
    crate::sort::sort_by(&mut entries, |a, b| a.0.cmp(&b.0));
    entries
}

/// A key or scalar as text (keys are strings in every object we print).
fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Number(number) => number_text(number),
        Value::Bool(flag) => flag.to_string(),
        _ => String::new(),
    }
}

fn number_text(number: &Number) -> String {
    match (number.as_i64(), number.as_u64(), number.as_f64()) {
        (Some(int), _, _) => int.to_string(),
        (None, Some(int), _) => int.to_string(),
        (None, None, Some(float)) => float.to_string(),
        _ => "0".to_string(),
    }
}

/// `json.MarshalIndent(value, "", "    ")` and the newline kubectl adds.
pub fn indented(value: &Value) -> String {
    let mut out = String::new();
    write_json(&mut out, value, Some(0));
    out.push('\n');
    out
}

/// `json.Marshal(value)`: no spaces at all.
pub fn compact(value: &Value) -> String {
    let mut out = String::new();
    write_json(&mut out, value, None);
    out
}

/// Writes `value` as JSON; `depth` is the indent level, or `None` for compact.
fn write_json(out: &mut String, value: &Value, depth: Option<usize>) {
    let newline = |out: &mut String, level: usize| {
        out.push('\n');
        out.push_str(&"    ".repeat(level));
    };
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        Value::Number(number) => out.push_str(&number_text(number)),
        Value::String(text) => write_json_string(out, text),
        Value::Sequence(items) if items.is_empty() => out.push_str("[]"),
        Value::Sequence(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                if let Some(level) = depth {
                    newline(out, level + 1);
                }
                write_json(out, item, depth.map(|level| level + 1));
            }
            if let Some(level) = depth {
                newline(out, level);
            }
            out.push(']');
        }
        Value::Mapping(mapping) if mapping.is_empty() => out.push_str("{}"),
        Value::Mapping(mapping) => {
            out.push('{');
            for (index, (key, item)) in sorted_entries(mapping).into_iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                if let Some(level) = depth {
                    newline(out, level + 1);
                }
                write_json_string(out, &key);
                out.push_str(if depth.is_some() { ": " } else { ":" });
                write_json(out, item, depth.map(|level| level + 1));
            }
            if let Some(level) = depth {
                newline(out, level);
            }
            out.push('}');
        }
        Value::Tagged(tagged) => write_json(out, &tagged.value, depth),
    }
}

/// A string as Go's JSON encoder writes it (HTML-safe).
fn write_json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `fmt.Sprint(value)`: strings bare, maps `map[k:v]`, lists `[a b]`, null `<nil>`.
pub fn go_value(value: &Value) -> String {
    match value {
        Value::Null => "<nil>".to_string(),
        Value::Bool(_) | Value::Number(_) | Value::String(_) => scalar_text(value),
        Value::Sequence(items) => {
            let items: Vec<String> = items.iter().map(go_value).collect();
            format!("[{}]", items.join(" "))
        }
        Value::Mapping(mapping) => {
            let entries: Vec<String> = sorted_entries(mapping)
                .into_iter()
                .map(|(key, item)| format!("{key}:{}", go_value(item)))
                .collect();
            format!("map[{}]", entries.join(" "))
        }
        Value::Tagged(tagged) => go_value(&tagged.value),
    }
}

/// `fmt.Sprintf("%#v", value)` of the value as kubectl holds it
/// (`map[string]interface {}{"kind":"Pod", …}`).
pub fn go_syntax(value: &Value) -> String {
    match value {
        Value::Null => "interface {}(nil)".to_string(),
        Value::Bool(_) | Value::Number(_) => scalar_text(value),
        Value::String(text) => go_quote(text),
        Value::Sequence(items) => {
            let items: Vec<String> = items.iter().map(go_syntax).collect();
            format!("[]interface {{}}{{{}}}", items.join(", "))
        }
        Value::Mapping(mapping) => {
            let entries: Vec<String> = sorted_entries(mapping)
                .into_iter()
                .map(|(key, item)| format!("{}:{}", go_quote(&key), go_syntax(item)))
                .collect();
            format!("map[string]interface {{}}{{{}}}", entries.join(", "))
        }
        Value::Tagged(tagged) => go_syntax(&tagged.value),
    }
}

/// `strconv.Quote`: double quotes, Go escapes for the unprintable.
pub fn go_quote(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\u{b}' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(yaml: &str) -> Value {
        serde_yaml::from_str(yaml).unwrap()
    }

    #[test]
    fn indented_json_sorts_keys_and_indents_four_spaces_as_marshal_indent_does() {
        let object = value("kind: Pod\napiVersion: v1\nspec: {containers: [{name: a}], volumes: []}\nmetadata: {}\n");
        assert_eq!(
            indented(&object),
            "{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {},\n    \"spec\": {\n        \"containers\": [\n            {\n                \"name\": \"a\"\n            }\n        ],\n        \"volumes\": []\n    }\n}\n"
        );
    }

    #[test]
    fn strings_are_escaped_as_go_escapes_them() {
        let text = Value::String("a<b>&\"c\"\n\u{1}".into());
        assert_eq!(compact(&text), r#""a\u003cb\u003e\u0026\"c\"\n\u0001""#);
        assert_eq!(go_quote("a\"b\n"), r#""a\"b\n""#);
    }

    #[test]
    fn go_formats_maps_and_lists_with_sorted_keys() {
        let object = value("{b: [1, x], a: {c: null}}");
        assert_eq!(compact(&object), r#"{"a":{"c":null},"b":[1,"x"]}"#);
        assert_eq!(go_value(&object), "map[a:map[c:<nil>] b:[1 x]]");
        assert_eq!(
            go_syntax(&object),
            r#"map[string]interface {}{"a":map[string]interface {}{"c":interface {}(nil)}, "b":[]interface {}{1, "x"}}"#
        );
    }
}
