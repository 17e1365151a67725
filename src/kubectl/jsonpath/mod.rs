//! kubectl's JSONPath (`k8s.io/client-go/util/jsonpath`), for
//! `-o jsonpath=…` and `-o custom-columns=…`.
//!
//! The parser follows client-go's `parser.go` scanner step by step (so a bad
//! template fails with its words: `unclosed action`, `unterminated array`,
//! `invalid array index x`); the evaluator follows `jsonpath.go`, including
//! how `{range}`…`{end}` re-runs the nodes that follow it for each item and
//! how a filter compares (a whole-number field is never equal to a number
//! literal, as in client-go, whose literals are floats and fields int64).
//! Missing keys give nothing, as kubectl's `--allow-missing-template-keys`
//! (true by default) asks.
//!
//! The template is parsed (`parser`, with `scan`'s text rules) into `node`s,
//! run by the `eval`uator over `values`, and printed here.

mod eval;
mod node;
mod parser;
mod scan;
#[cfg(test)]
mod tests;
mod values;

use super::json::{compact, go_value};
use eval::Evaluator;
use node::Node;
use parser::parse;
use serde_yaml::Value;

/// A parsed template.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonPath {
    /// The template's top-level nodes: text and actions.
    root: Vec<Node>,
}

impl JsonPath {
    /// Parses `template`; the error is client-go's message.
    pub fn parse(template: &str) -> Result<JsonPath, String> {
        Ok(JsonPath {
            root: parse(template)?,
        })
    }

    /// Runs the template over `data` and returns the text it prints.
    pub fn execute(&self, data: &Value) -> Result<String, String> {
        let results = Evaluator::default().find_results(data, &self.root)?;
        Ok(results.iter().map(|r| print_results(r)).collect())
    }

    /// Every result list, for a custom column's cell.
    pub fn find_results(&self, data: &Value) -> Result<Vec<Vec<Value>>, String> {
        Evaluator::default().find_results(data, &self.root)
    }
}

/// `PrintResults`: maps and lists as compact JSON, the rest as `fmt` prints
/// them, separated by spaces.
fn print_results(results: &[Value]) -> String {
    let texts: Vec<String> = results
        .iter()
        .map(|value| match value {
            Value::Mapping(_) | Value::Sequence(_) => compact(value),
            other => go_value(other),
        })
        .collect();
    texts.join(" ")
}
