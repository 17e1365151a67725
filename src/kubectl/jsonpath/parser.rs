//! The template's parser, following client-go's `parser.go` scanner step by
//! step, so a bad template fails with its words (`unclosed action`,
//! `unterminated array`, `invalid array index x`). It builds [`Node`]s and
//! knows nothing of the data a template runs on.

use super::node::{Node, Param};
use super::scan::{is_alphanumeric, is_terminator, slice_groups, split_comparison, unquote};

/// `Parse`: the template's text and actions, in order.
pub(super) fn parse(text: &str) -> Result<Vec<Node>, String> {
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

/// The scanner over one template.
struct Parser<'a> {
    /// The whole template.
    input: &'a str,
    /// The byte offset of the next character to read.
    pos: usize,
}

impl Parser<'_> {
    /// The text not yet read.
    fn rest(&self) -> &str {
        &self.input[self.pos..]
    }

    /// Reads one character.
    fn next(&mut self) -> Option<char> {
        let c = self.rest().chars().next()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// The next character, not read.
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

    /// Reads a word up to the next terminator.
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

    /// A number literal: an `Int` when it has no fraction.
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
