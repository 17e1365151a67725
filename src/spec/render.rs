//! Objects back to YAML as `kubectl get -o yaml` prints them: keys sorted
//! alphabetically at every level (kubectl converts through a JSON map).

use serde::Serialize;
use serde_yaml::{Mapping, Value};

/// `object` as YAML with every mapping's keys sorted.
pub fn to_sorted_yaml<T: Serialize>(object: &T) -> String {
    match serde_yaml::to_value(object) {
        Ok(value) => serde_yaml::to_string(&sorted(value)).unwrap_or_default(),
        Err(error) => format!("# cannot render: {error}\n"),
    }
}

fn sorted(value: Value) -> Value {
    match value {
        Value::Mapping(mapping) => {
            let mut entries: Vec<(Value, Value)> = mapping.into_iter().collect();
            entries.sort_by(|(a, _), (b, _)| a.as_str().cmp(&b.as_str()));
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
