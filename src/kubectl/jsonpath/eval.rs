//! The evaluator, following client-go's `jsonpath.go`: how `{range}`…`{end}`
//! re-runs the nodes that follow it for each item, and how a filter selects.
//! Missing keys give nothing, as kubectl's `--allow-missing-template-keys`
//! (true by default) asks. What a single node does to values is in `values`.

use super::node::Node;
use super::values::{children, compare, eval_array, eval_field, recursive};
use serde_yaml::{Number, Value};

/// The evaluator's state: client-go's range bookkeeping.
#[derive(Default)]
pub(super) struct Evaluator {
    /// The values the current nodes run on.
    current: Vec<Value>,
    /// `current` of each enclosing range.
    stack: Vec<Vec<Value>>,
    /// Ranges begun whose items have not started (client-go's `beginRange`).
    begin_range: usize,
    /// Ranges whose items are being run (`inRange`).
    in_range: usize,
    /// `{end}`s met inside a range's item (`endRange`).
    end_range: usize,
}

impl Evaluator {
    /// `FindResults`: one result list per node, ranges re-running the nodes after them.
    pub(super) fn find_results(
        &mut self,
        data: &Value,
        nodes: &[Node],
    ) -> Result<Vec<Vec<Value>>, String> {
        self.current = vec![data.clone()];
        let mut full = Vec::new();
        for (index, node) in nodes.iter().enumerate() {
            let results = self.walk(self.current.clone(), node)?;
            if self.end_range > 0 && self.end_range <= self.in_range {
                self.end_range -= 1;
                break;
            }
            if self.begin_range > 0 {
                self.begin_range -= 1;
                self.in_range += 1;
                let count = results.len();
                for (k, value) in results.iter().enumerate() {
                    if k + 1 == count {
                        self.in_range -= 1;
                    }
                    full.extend(self.find_results(value, &nodes[index + 1..])?);
                }
                break;
            }
            full.push(results);
        }
        Ok(full)
    }

    /// What one node makes of the values `input`.
    fn walk(&mut self, input: Vec<Value>, node: &Node) -> Result<Vec<Value>, String> {
        match node {
            Node::List(nodes) => self.eval_list(input, nodes),
            Node::Text(text) => Ok(vec![Value::String(text.clone())]),
            Node::Field(name) => Ok(eval_field(&input, name)),
            Node::Array(params) => eval_array(&input, *params),
            Node::Filter {
                left,
                right,
                operator,
            } => self.eval_filter(&input, left, right, operator),
            // client-go compares an int literal as a float64 (and prints it alike).
            Node::Int(int) => Ok(vec![Value::Number(Number::from(*int as f64)); input.len()]),
            Node::Float(float) => Ok(vec![Value::Number(Number::from(*float)); input.len()]),
            Node::Bool(flag) => Ok(vec![Value::Bool(*flag); input.len()]),
            Node::Wildcard => Ok(input.iter().flat_map(children).collect()),
            Node::Recursive => Ok(recursive(&input)),
            Node::Union(lists) => {
                let mut results = Vec::new();
                for list in lists {
                    results.extend(self.eval_list(input.clone(), list)?);
                }
                Ok(results)
            }
            Node::Identifier(name) => match name.as_str() {
                "range" => {
                    self.stack.push(self.current.clone());
                    self.begin_range += 1;
                    Ok(input)
                }
                "end" if self.end_range < self.in_range => {
                    self.end_range += 1;
                    Ok(Vec::new())
                }
                "end" => match self.stack.pop() {
                    Some(current) => {
                        self.current = current;
                        Ok(Vec::new())
                    }
                    None => Err("not in range, nothing to end".to_string()),
                },
                _ => Err(format!("unrecognized identifier {name}")),
            },
        }
    }

    /// The nodes of a list, each run on what the one before gave.
    fn eval_list(&mut self, input: Vec<Value>, nodes: &[Node]) -> Result<Vec<Value>, String> {
        let mut current = input;
        for node in nodes {
            current = self.walk(current, node)?;
        }
        Ok(current)
    }

    /// `[?(…)]`: the items of `input` whose comparison holds.
    fn eval_filter(
        &mut self,
        input: &[Value],
        left: &[Node],
        right: &[Node],
        operator: &str,
    ) -> Result<Vec<Value>, String> {
        let mut results = Vec::new();
        for value in input {
            let items = match value {
                Value::Sequence(_) | Value::Mapping(_) => children(value),
                other => vec![other.clone()],
            };
            for item in items {
                // Missing keys are allowed, so a failing left side selects nothing.
                let lefts = self.eval_list(vec![item.clone()], left).unwrap_or_default();
                let rights = self.eval_list(vec![item.clone()], right)?;
                match (lefts.len(), rights.len()) {
                    (0, _) => continue,
                    (1, _) if operator == "exists" => {
                        results.push(item);
                        continue;
                    }
                    (1, 0) => continue,
                    (1, 1) => {}
                    _ => return Err("can only compare one element at a time".to_string()),
                }
                if compare(operator, &lefts[0], &rights[0])? {
                    results.push(item);
                }
            }
        }
        Ok(results)
    }
}
