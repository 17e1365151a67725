//! Objects back to YAML as `kubectl get -o yaml` prints them: keys sorted
//! alphabetically at every level (kubectl converts through a JSON map).

use serde::Serialize;
use serde_yaml::{Mapping, Value};

/// `object` as YAML with every mapping's keys sorted, its scalars quoted as
/// kubectl's go-yaml quotes them.
pub fn to_sorted_yaml<T: Serialize>(object: &T) -> String {
    match serde_yaml::to_value(object) {
        Ok(value) => {
            let text = serde_yaml::to_string(&sorted(value)).unwrap_or_default();
            text.lines()
                .map(go_yaml_quoting)
                .map(|l| l + "\n")
                .collect()
        }
        Err(error) => format!("# cannot render: {error}\n"),
    }
}

/// go-yaml (v2) writes a string that would read back as another type
/// (`"True"`, `"1011"`, a timestamp) in double quotes, where serde_yaml
/// single-quotes it or, for a timestamp, leaves it plain.
fn go_yaml_quoting(line: &str) -> String {
    let (head, value) = match line.rsplit_once(": ") {
        Some((head, value)) => (format!("{head}: "), value),
        None => match line.trim_start().strip_prefix("- ") {
            Some(value) => (line[..line.len() - value.len()].to_string(), value),
            None => return line.to_string(),
        },
    };
    let inner = value
        .strip_prefix('\'')
        .and_then(|v| v.strip_suffix('\''))
        .filter(|v| !v.contains('\''));
    let ambiguous = |text: &str| {
        matches!(
            text,
            "true"
                | "false"
                | "True"
                | "False"
                | "TRUE"
                | "FALSE"
                | "yes"
                | "no"
                | "Yes"
                | "No"
                | "on"
                | "off"
                | "On"
                | "Off"
                | "null"
                | "Null"
                | "~"
                | ""
        ) || text.parse::<f64>().is_ok()
            || looks_like_timestamp(text)
    };
    match inner {
        Some(text) if ambiguous(text) => format!("{head}\"{text}\""),
        None if looks_like_timestamp(value) => format!("{head}\"{value}\""),
        _ => line.to_string(),
    }
}

/// `2026-01-01T00:00:05Z` and its kin, which YAML 1.1 reads as a timestamp.
fn looks_like_timestamp(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= 10
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && bytes[4] == b'-'
        && bytes[5..7].iter().all(u8::is_ascii_digit)
        && bytes[7] == b'-'
        && bytes[8..10].iter().all(u8::is_ascii_digit)
}

fn sorted(value: Value) -> Value {
    match value {
        Value::Mapping(mapping) => {
            let mut entries: Vec<(Value, Value)> = mapping.into_iter().collect();
            crate::sort::sort_by(&mut entries, |(a, _), (b, _)| a.as_str().cmp(&b.as_str()));
            Value::Mapping(
                entries
                    .into_iter()
                    .map(|(key, value)| (key, sorted(value)))
                    .collect::<Mapping>(),
            )
        }
        Value::Sequence(items) => Value::Sequence(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::go_yaml_quoting;

    #[test]
    fn strings_that_read_as_other_types_are_double_quoted_as_go_yaml_does() {
        assert_eq!(go_yaml_quoting("  status: 'True'"), "  status: \"True\"");
        assert_eq!(
            go_yaml_quoting("  resourceVersion: '1011'"),
            "  resourceVersion: \"1011\""
        );
        assert_eq!(
            go_yaml_quoting("  startTime: 2026-01-01T00:00:00Z"),
            "  startTime: \"2026-01-01T00:00:00Z\""
        );
        assert_eq!(
            go_yaml_quoting("    message: 'containers with unready status: [a]'"),
            "    message: 'containers with unready status: [a]'"
        );
        assert_eq!(go_yaml_quoting("  - '80'"), "  - \"80\"");
        assert_eq!(go_yaml_quoting("  name: web"), "  name: web");
    }
}
