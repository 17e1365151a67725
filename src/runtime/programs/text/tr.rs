//! `tr SET1 SET2` and `tr -d SET1`: standard input only.

use super::input::WholeInput;
use crate::runtime::program::{Program, Step, Sys};

/// `tr`: its input with characters replaced or deleted.
pub struct Tr {
    /// `-d`: delete the characters of the first set.
    delete: bool,
    /// The first set, expanded.
    from: Vec<char>,
    /// The second set, expanded (its last character repeats).
    to: Vec<char>,
    /// What it reads (standard input: `tr` takes no files).
    input: WholeInput,
}

impl Tr {
    /// `tr` with its arguments.
    pub fn new(args: &[String]) -> Tr {
        let operands: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
        Tr {
            delete: args.iter().any(|a| a == "-d"),
            from: expand(operands.first().map(|s| s.as_str()).unwrap_or("")),
            to: expand(operands.get(1).map(|s| s.as_str()).unwrap_or("")),
            input: WholeInput::new(Vec::new()),
        }
    }
}

/// A set's characters: escapes first (`\\000` is NUL, `\\n` a newline), then ranges.
fn expand(set: &str) -> Vec<char> {
    let mut chars = Vec::new();
    let mut raw = set.chars().peekable();
    while let Some(ch) = raw.next() {
        if ch != '\\' {
            chars.push(ch);
            continue;
        }
        let octal: String = std::iter::from_fn(|| raw.next_if(|c| c.is_digit(8)))
            .take(3)
            .collect();
        if !octal.is_empty() {
            chars.push(char::from_u32(u32::from_str_radix(&octal, 8).unwrap_or(0)).unwrap_or('\0'));
            continue;
        }
        chars.push(match raw.next() {
            Some('n') => '\n',
            Some('t') => '\t',
            Some(other) => other,
            None => '\\',
        });
    }
    let mut out = Vec::new();
    let mut index = 0;
    while index < chars.len() {
        if index + 2 < chars.len() && chars[index + 1] == '-' {
            out.extend(chars[index]..=chars[index + 2]);
            index += 3;
        } else {
            out.push(chars[index]);
            index += 1;
        }
    }
    out
}

impl Program for Tr {
    fn step(&mut self, sys: &mut Sys) -> Step {
        let status = match self.input.read(sys, "tr", 1) {
            Ok(status) => status,
            Err(step) => return step,
        };
        let text = self.input.text();
        let result: String = if self.delete {
            text.chars().filter(|c| !self.from.contains(c)).collect()
        } else {
            text.chars()
                .map(|c| match self.from.iter().position(|f| *f == c) {
                    Some(index) => self.to.get(index).or(self.to.last()).copied().unwrap_or(c),
                    None => c,
                })
                .collect()
        };
        sys.out.extend(result.bytes());
        Step::Exit(status)
    }
}
