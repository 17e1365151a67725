//! What one node does to a list of values: a field, an array slice, a map's
//! children, `..`, and a filter's comparison (a whole-number field is never
//! equal to a number literal, as in client-go, whose literals are floats and
//! fields int64). No range bookkeeping: that is the evaluator's.

use super::super::json::sorted_entries;
use super::node::Param;
use serde_yaml::Value;

/// `.name` of every map among `input`.
pub(super) fn eval_field(input: &[Value], name: &str) -> Vec<Value> {
    input
        .iter()
        .filter_map(|value| match value {
            Value::Mapping(mapping) => mapping.get(name).cloned(),
            _ => None,
        })
        .collect()
}

/// `[start:end:step]` of every list among `input`, with client-go's bounds errors.
pub(super) fn eval_array(input: &[Value], params: [Param; 3]) -> Result<Vec<Value>, String> {
    let mut results = Vec::new();
    for value in input {
        let items = match value {
            Value::Null => continue,
            Value::Sequence(items) => items,
            other => return Err(format!("{} is not array or slice", go_type(other))),
        };
        let length = items.len() as i64;
        let mut params = params;
        if !params[0].known {
            params[0].value = 0;
        }
        if params[0].value < 0 {
            params[0].value += length;
        }
        if !params[1].known {
            params[1].value = length;
        }
        if params[1].value < 0 || (params[1].value == 0 && params[1].derived) {
            params[1].value += length;
        }
        let (from, to) = (params[0].value, params[1].value);
        if from == to {
            return Ok(results);
        }
        if from >= length || from < 0 {
            return Err(format!(
                "array index out of bounds: index {from}, length {length}"
            ));
        }
        if to > length || to < 0 {
            return Err(format!(
                "array index out of bounds: index {}, length {length}",
                to - 1
            ));
        }
        if from > to {
            return Err(format!(
                "starting index {from} is greater than ending index {to}"
            ));
        }
        let step = if params[2].known {
            if params[2].value <= 0 {
                return Err("step must be > 0".to_string());
            }
            params[2].value as usize
        } else {
            1
        };
        results.extend(
            items[from as usize..to as usize]
                .iter()
                .step_by(step)
                .cloned(),
        );
    }
    Ok(results)
}

/// A list's items or a map's values (by sorted key); nothing for a scalar.
pub(super) fn children(value: &Value) -> Vec<Value> {
    match value {
        Value::Sequence(items) => items.clone(),
        Value::Mapping(mapping) => sorted_entries(mapping)
            .into_iter()
            .map(|(_, item)| item.clone())
            .collect(),
        _ => Vec::new(),
    }
}

/// `..`: every map and list at or under `input`, parents first.
pub(super) fn recursive(input: &[Value]) -> Vec<Value> {
    let mut results = Vec::new();
    for value in input {
        let below = children(value);
        if !below.is_empty() {
            results.push(value.clone());
            results.extend(recursive(&below));
        }
    }
    results
}

/// The Go type kubectl holds a value as, for error messages.
pub(super) fn go_type(value: &Value) -> &'static str {
    match value {
        Value::Mapping(_) => "map[string]interface {}",
        Value::String(_) => "string",
        Value::Bool(_) => "bool",
        Value::Number(number) if number.is_f64() => "float64",
        Value::Number(_) => "int64",
        _ => "interface {}",
    }
}

/// A filter's comparison as text/template's `eq`, `lt`, … do it; values of
/// different kinds (a field's int64 and a literal's float64) compare false.
pub(super) fn compare(operator: &str, left: &Value, right: &Value) -> Result<bool, String> {
    use std::cmp::Ordering;
    let ordering: Option<Ordering> = match (left, right) {
        (Value::String(a), Value::String(b)) => Some(a.cmp(b)),
        (Value::Number(a), Value::Number(b)) if a.is_f64() == b.is_f64() => a
            .as_f64()
            .zip(b.as_f64())
            .and_then(|(a, b)| a.partial_cmp(&b)),
        (Value::Bool(a), Value::Bool(b)) => match operator {
            "==" | "!=" => Some(a.cmp(b)),
            _ => None,
        },
        _ => None,
    };
    let Some(ordering) = ordering else {
        return match operator {
            "<" | ">" | "==" | "!=" | "<=" | ">=" => Ok(false),
            _ => Err(format!("unrecognized filter operator {operator}")),
        };
    };
    match operator {
        "<" => Ok(ordering.is_lt()),
        ">" => Ok(ordering.is_gt()),
        "==" => Ok(ordering.is_eq()),
        "!=" => Ok(ordering.is_ne()),
        "<=" => Ok(ordering.is_le()),
        ">=" => Ok(ordering.is_ge()),
        _ => Err(format!("unrecognized filter operator {operator}")),
    }
}
