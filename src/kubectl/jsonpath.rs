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

use super::json::{compact, go_value, sorted_entries};
use serde_yaml::{Number, Value};

/// One node of a parsed template.
#[derive(Debug, Clone, PartialEq)]
enum Node {
    /// Text outside actions, or a quoted string inside one.
    Text(String),
    /// The nodes of one `{…}` action (or of a filter's side).
    List(Vec<Node>),
    /// `.name`: a map's key.
    Field(String),
    /// `[start:end:step]`, each part known or not.
    Array([Param; 3]),
    /// `[?(@.a == "x")]`; `operator` is `exists` when there is no comparison.
    Filter {
        left: Vec<Node>,
        right: Vec<Node>,
        operator: String,
    },
    /// A number literal.
    Int(i64),
    /// A number literal with a fraction.
    Float(f64),
    /// `true` or `false`.
    Bool(bool),
    /// `.*` or `[*]`.
    Wildcard,
    /// `..`.
    Recursive,
    /// `[a,b]`.
    Union(Vec<Vec<Node>>),
    /// `range` or `end` (anything else fails when run).
    Identifier(String),
}

/// One part of an array index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Param {
    /// The number.
    value: i64,
    /// Whether it was given (or derived).
    known: bool,
    /// Whether it was derived from the start (`[i]` means `[i:i+1]`).
    derived: bool,
}

/// A parsed template.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonPath {
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

fn parse(text: &str) -> Result<Vec<Node>, String> {
    let mut parser = Parser {
        input: text,
        pos: 0,
    };
    let mut root = Vec::new();
    loop {
        match parser.rest().find('{') {
            Some(offset) => {
                if offset > 0 {
                    root.push(Node::Text(parser.rest()[..offset].to_string()));
                }
                parser.pos += offset + 1;
                root.push(Node::List(parser.parse_inside_action()?));
            }
            None => {
                if !parser.rest().is_empty() {
                    root.push(Node::Text(parser.rest().to_string()));
                }
                return Ok(root);
            }
        }
    }
}

/// `parseAction`: the nodes of `{text}`.
fn parse_action(text: &str) -> Result<Vec<Node>, String> {
    match parse(&format!("{{{text}}}"))?.into_iter().next() {
        Some(Node::List(nodes)) => Ok(nodes),
        _ => Ok(Vec::new()),
    }
}

struct Parser<'a> {
    input: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn rest(&self) -> &str {
        &self.input[self.pos..]
    }

    fn next(&mut self) -> Option<char> {
        let c = self.rest().chars().next()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// Reads the nodes of an action up to its `}`.
    fn parse_inside_action(&mut self) -> Result<Vec<Node>, String> {
        let mut nodes = Vec::new();
        loop {
            if self.rest().starts_with('}') {
                self.pos += 1;
                return Ok(nodes);
            }
            if self.rest().starts_with("[?(") {
                self.pos += 3;
                nodes.push(self.parse_filter()?);
                continue;
            }
            if self.rest().starts_with("..") {
                if nodes.last() == Some(&Node::Recursive) {
                    return Err("invalid multiple recursive descent".to_string());
                }
                self.pos += 2;
                nodes.push(Node::Recursive);
                if self.peek().is_some_and(is_alphanumeric) {
                    nodes.push(self.parse_field());
                }
                continue;
            }
            let start = self.pos;
            match self.next() {
                None | Some('\r' | '\n') => return Err("unclosed action".to_string()),
                Some(' ' | '@' | '$') => {}
                Some('[') => nodes.push(self.parse_array(start)?),
                Some(quote @ ('"' | '\'')) => nodes.push(self.parse_quote(start, quote)?),
                Some('.') => nodes.push(self.parse_field()),
                Some(c) if c == '+' || c == '-' || c.is_numeric() => {
                    self.pos = start;
                    nodes.push(self.parse_number()?);
                }
                Some(c) if is_alphanumeric(c) => {
                    self.pos = start;
                    let word = self.take_until_terminator();
                    nodes.push(match word.as_str() {
                        "true" => Node::Bool(true),
                        "false" => Node::Bool(false),
                        _ => Node::Identifier(word),
                    });
                }
                Some(c) => {
                    return Err(format!(
                        "unrecognized character in action: U+{:04X} '{c}'",
                        c as u32
                    ))
                }
            }
        }
    }

    fn take_until_terminator(&mut self) -> String {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if is_terminator(c) {
                break;
            }
            self.pos += c.len_utf8();
        }
        self.input[start..self.pos].to_string()
    }

    /// `.name` after the dot, up to the next unescaped terminator.
    fn parse_field(&mut self) -> Node {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if c == '\\' {
                self.pos += 1;
                self.next();
            } else if is_terminator(c) {
                break;
            } else {
                self.pos += c.len_utf8();
            }
        }
        match &self.input[start..self.pos] {
            "*" => Node::Wildcard,
            name => Node::Field(name.replace('\\', "")),
        }
    }

    fn parse_number(&mut self) -> Result<Node, String> {
        let start = self.pos;
        if matches!(self.peek(), Some('+' | '-')) {
            self.pos += 1;
        }
        while let Some(c) = self.peek() {
            if c != '.' && !c.is_numeric() {
                break;
            }
            self.pos += c.len_utf8();
        }
        let text = &self.input[start..self.pos];
        if let Ok(int) = text.parse::<i64>() {
            return Ok(Node::Int(int));
        }
        text.parse::<f64>()
            .map(Node::Float)
            .map_err(|_| format!("cannot parse number {text}"))
    }

    /// `[…]`, its opening bracket at `start`.
    fn parse_array(&mut self, start: usize) -> Result<Node, String> {
        loop {
            match self.next() {
                None | Some('\n') => return Err("unterminated array".to_string()),
                Some(']') => break,
                Some(_) => {}
            }
        }
        let text = &self.input[start + 1..self.pos - 1];
        let text = if text == "*" { ":" } else { text };
        let parts: Vec<&str> = text.split(',').collect();
        if parts.len() > 1 {
            let lists = parts
                .iter()
                .map(|part| parse_action(&format!("[{}]", part.trim_matches(' '))))
                .collect::<Result<Vec<_>, _>>()?;
            return Ok(Node::Union(lists));
        }
        if let Some(key) = text
            .strip_prefix('\'')
            .and_then(|t| t.strip_suffix('\''))
            .filter(|key| !key.contains('\''))
        {
            return Ok(Node::List(parse_action(&format!(".{key}"))?));
        }
        let groups = slice_groups(text).ok_or_else(|| format!("invalid array index {text}"))?;
        let mut params = [Param::default(); 3];
        for (index, group) in groups.iter().enumerate() {
            let group = if index > 0 {
                group.strip_prefix(':')
            } else {
                Some(*group)
            };
            match group {
                Some("") if index > 0 => {}
                Some(number) if !(index == 0 && number.is_empty()) => {
                    params[index].known = true;
                    params[index].value = number
                        .parse()
                        .map_err(|_| format!("array index {number} is not a number"))?;
                }
                _ if index == 1 => {
                    params[1] = Param {
                        value: params[0].value + 1,
                        known: true,
                        derived: true,
                    };
                }
                _ => {}
            }
        }
        Ok(Node::Array(params))
    }

    /// `[?(…)]` after its opening.
    fn parse_filter(&mut self) -> Result<Node, String> {
        let start = self.pos;
        let (mut begin, mut end, mut pair) = (false, false, '"');
        loop {
            match self.next() {
                None | Some('\n') => return Err("unterminated filter".to_string()),
                Some(quote @ ('"' | '\'')) => {
                    if !begin {
                        begin = true;
                        pair = quote;
                        continue;
                    }
                    if self.input.as_bytes()[self.pos - 2] != b'\\' && quote == pair {
                        end = true;
                    }
                }
                Some(')') if begin == end => break,
                Some(_) => {}
            }
        }
        if self.next() != Some(']') {
            return Err("unclosed array expect ]".to_string());
        }
        let text = &self.input[start..self.pos - 2];
        Ok(match split_comparison(text) {
            Some((left, operator, right)) => Node::Filter {
                left: parse_action(left)?,
                right: parse_action(right)?,
                operator: operator.to_string(),
            },
            None => Node::Filter {
                left: parse_action(text)?,
                right: Vec::new(),
                operator: "exists".to_string(),
            },
        })
    }

    /// A quoted string, its quote at `start`.
    fn parse_quote(&mut self, start: usize, quote: char) -> Result<Node, String> {
        loop {
            match self.next() {
                None | Some('\n') => return Err("unterminated quoted string".to_string()),
                Some(c) if c == quote && self.input.as_bytes()[self.pos - 2] != b'\\' => break,
                Some(_) => {}
            }
        }
        let value = &self.input[start..self.pos];
        unquote(value)
            .map(Node::Text)
            .ok_or_else(|| format!("unquote string {value} error invalid syntax"))
    }
}

fn is_terminator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\r' | '\n' | '.' | ',' | '[' | ']' | '$' | '@' | '{' | '}'
    )
}

fn is_alphanumeric(c: char) -> bool {
    c == '_' || c.is_alphabetic() || c.is_numeric()
}

/// `^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$`: the three groups, each possibly empty.
fn slice_groups(text: &str) -> Option<[&str; 3]> {
    let mut groups = [""; 3];
    let mut rest = text;
    for (index, group) in groups.iter_mut().enumerate() {
        let mut length = 0;
        if index > 0 {
            if !rest.starts_with(':') {
                continue;
            }
            length = 1;
        }
        if rest[length..].starts_with('-') {
            length += 1;
        }
        length += rest[length..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        *group = &rest[..length];
        rest = &rest[length..];
    }
    rest.is_empty().then_some(groups)
}

/// `^([^!<>=]+)([!<>=]+)(.+?)$`.
fn split_comparison(text: &str) -> Option<(&str, &str, &str)> {
    let is_operator = |c: char| matches!(c, '!' | '<' | '>' | '=');
    let first = text.find(is_operator).filter(|&i| i > 0)?;
    let run = text[first..]
        .find(|c| !is_operator(c))
        .unwrap_or(text.len() - first);
    let (mut operator_end, right_start) = (first + run, first + run);
    if right_start == text.len() {
        // `.+?` needs one character: the operator gives back its last.
        operator_end -= 1;
        if operator_end == first {
            return None;
        }
    }
    Some((
        &text[..first],
        &text[first..operator_end],
        &text[operator_end..],
    ))
}

/// `UnquoteExtend`: a Go string literal in double or single quotes.
fn unquote(text: &str) -> Option<String> {
    let quote = text.chars().next()?;
    let inner = text.strip_prefix(quote)?.strip_suffix(quote)?;
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == quote {
            return None;
        }
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'a' => '\u{7}',
            'b' => '\u{8}',
            'f' => '\u{c}',
            'v' => '\u{b}',
            '\\' => '\\',
            c if c == quote => c,
            _ => return None,
        });
    }
    Some(out)
}

/// The evaluator's state: client-go's range bookkeeping.
#[derive(Default)]
struct Evaluator {
    /// The values the current nodes run on.
    current: Vec<Value>,
    /// `current` of each enclosing range.
    stack: Vec<Vec<Value>>,
    begin_range: usize,
    in_range: usize,
    end_range: usize,
}

impl Evaluator {
    fn find_results(&mut self, data: &Value, nodes: &[Node]) -> Result<Vec<Vec<Value>>, String> {
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

    fn eval_list(&mut self, input: Vec<Value>, nodes: &[Node]) -> Result<Vec<Value>, String> {
        let mut current = input;
        for node in nodes {
            current = self.walk(current, node)?;
        }
        Ok(current)
    }

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

/// `.name` of every map among `input`.
fn eval_field(input: &[Value], name: &str) -> Vec<Value> {
    input
        .iter()
        .filter_map(|value| match value {
            Value::Mapping(mapping) => mapping.get(name).cloned(),
            _ => None,
        })
        .collect()
}

fn eval_array(input: &[Value], params: [Param; 3]) -> Result<Vec<Value>, String> {
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
fn children(value: &Value) -> Vec<Value> {
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
fn recursive(input: &[Value]) -> Vec<Value> {
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
fn go_type(value: &Value) -> &'static str {
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
fn compare(operator: &str, left: &Value, right: &Value) -> Result<bool, String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn run(template: &str, yaml: &str) -> String {
        let data: Value = serde_yaml::from_str(yaml).unwrap();
        match JsonPath::parse(template) {
            Ok(path) => path
                .execute(&data)
                .unwrap_or_else(|e| format!("exec error: {e}")),
            Err(error) => format!("parse error: {error}"),
        }
    }

    const LIST: &str = "items:\n- metadata: {name: a, labels: {app: web}}\n  spec: {containers: [{name: c1, image: nginx, ports: [{containerPort: 80}]}, {name: c2, image: redis}]}\n  status: {podIP: 10.0.0.1}\n- metadata: {name: b}\n  spec: {containers: [{name: c3, image: busybox}]}\n";

    #[test]
    fn fields_wildcards_and_indexes_print_as_kubectl_does() {
        assert_eq!(run("{.items[0].metadata.name}", LIST), "a");
        assert_eq!(run("{.items[*].metadata.name}", LIST), "a b");
        assert_eq!(run("{.items[0].status.podIP}", LIST), "10.0.0.1");
        assert_eq!(run("{.items[1].status.podIP}", LIST), "");
        assert_eq!(run("{.items[-1].metadata.name}", LIST), "b");
        assert_eq!(
            run("{.items[0].spec.containers[*].image}", LIST),
            "nginx redis"
        );
        assert_eq!(run("{.items[0].metadata.labels}", LIST), r#"{"app":"web"}"#);
        assert_eq!(
            run("names: {.items[*].metadata.name}!", LIST),
            "names: a b!"
        );
        assert_eq!(run("{..image}", LIST), "nginx redis busybox");
        assert_eq!(run("{.items[0,1].metadata.name}", LIST), "a b");
        assert_eq!(run("{.items[0]['metadata']['name']}", LIST), "a");
    }

    #[test]
    fn range_repeats_the_nodes_up_to_end_for_each_item() {
        assert_eq!(
            run(
                r#"{range .items[*]}{.metadata.name}{"\t"}{.spec.containers[0].image}{"\n"}{end}"#,
                LIST
            ),
            "a\tnginx\nb\tbusybox\n"
        );
        assert_eq!(
            run(
                r#"{range .items[*].spec.containers[*]}[{.name}]{end}"#,
                LIST
            ),
            "[c1][c2][c3]"
        );
    }

    #[test]
    fn filters_compare_strings_and_skip_int_against_literal() {
        assert_eq!(
            run(
                r#"{.items[0].spec.containers[?(@.name=="c2")].image}"#,
                LIST
            ),
            "redis"
        );
        assert_eq!(run("{.items[?(@.status)].metadata.name}", LIST), "a");
        assert_eq!(
            run(
                "{.items[0].spec.containers[0].ports[?(@.containerPort==80)]}",
                LIST
            ),
            ""
        );
    }

    #[test]
    fn bad_templates_fail_with_client_go_words() {
        assert_eq!(run("{.metadata.name", LIST), "parse error: unclosed action");
        assert_eq!(run("{.items[0}", LIST), "parse error: unterminated array");
        assert_eq!(
            run("{.items[x]}", LIST),
            "parse error: invalid array index x"
        );
        assert_eq!(
            run("{#}", LIST),
            "parse error: unrecognized character in action: U+0023 '#'"
        );
        assert_eq!(
            run("{.items[5]}", LIST),
            "exec error: array index out of bounds: index 5, length 2"
        );
        assert_eq!(
            run("{.items[0].metadata[0]}", LIST),
            "exec error: map[string]interface {} is not array or slice"
        );
        assert_eq!(
            run("{end}", LIST),
            "exec error: not in range, nothing to end"
        );
        assert_eq!(
            run("{foo}", LIST),
            "exec error: unrecognized identifier foo"
        );
    }
}
