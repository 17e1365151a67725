//! The inside of `${…}`: the name and the operation (`:-`, `:=`, `:+`, `:?`,
//! `#`, `##`, `%`, `%%`, length), with operand words lexed as words.

use super::cursor::{is_metacharacter, is_name_char, is_name_start, Lexer};
use crate::runtime::shell::ast::{Parameter, ParameterOperation, Word, WordPart};
use crate::runtime::shell::syntax_error::{SyntaxError, SyntaxErrorKind};

impl Lexer {
    /// Parses the inside of `${…}`.
    pub(super) fn braced_parameter(&self, text: &str) -> Result<Parameter, SyntaxError> {
        let bad = || self.error(SyntaxErrorKind::BadSubstitution(format!("${{{text}}}")));
        if let Some(name) = text.strip_prefix('#') {
            if !name.is_empty() && (name.chars().all(is_name_char) || name.len() == 1) {
                return Ok(Parameter {
                    name: name.to_string(),
                    operation: ParameterOperation::Length,
                });
            }
        }
        let name_length = match text.chars().next() {
            Some(c) if is_name_start(c) => text.chars().take_while(|c| is_name_char(*c)).count(),
            Some(c) if c.is_ascii_digit() => {
                text.chars().take_while(|c| c.is_ascii_digit()).count()
            }
            Some(c) if "?$!#@*-".contains(c) => 1,
            _ => return Err(bad()),
        };
        let name = text[..name_length].to_string();
        let rest = &text[name_length..];
        if rest.is_empty() {
            return Ok(Parameter {
                name,
                operation: ParameterOperation::Value,
            });
        }
        let (colon, after_colon) = match rest.strip_prefix(':') {
            Some(after) => (true, after),
            None => (false, rest),
        };
        let operand = |text: &str| -> Result<Word, SyntaxError> {
            let mut lexer = Lexer::new(text, self.line, self.depth + 1, self.parse_nested);
            let mut parts = Vec::new();
            while lexer.peek_char().is_some() {
                if let Some(ch @ (' ' | '\t')) = lexer.peek_char() {
                    lexer.bump();
                    parts.push(WordPart::Literal(ch.to_string()));
                    continue;
                }
                parts.extend(lexer.word()?.parts);
                if let Some(ch) = lexer
                    .peek_char()
                    .filter(|c| is_metacharacter(*c) && !matches!(c, ' ' | '\t'))
                {
                    lexer.bump();
                    parts.push(WordPart::Literal(ch.to_string()));
                }
            }
            Ok(Word { parts })
        };
        let operation = match (colon, after_colon.chars().next()) {
            (_, Some('-')) => ParameterOperation::Default {
                colon,
                word: operand(&after_colon[1..])?,
            },
            (_, Some('=')) => ParameterOperation::Assign {
                colon,
                word: operand(&after_colon[1..])?,
            },
            (_, Some('+')) => ParameterOperation::Alternative {
                colon,
                word: operand(&after_colon[1..])?,
            },
            (_, Some('?')) => ParameterOperation::Error {
                colon,
                word: operand(&after_colon[1..])?,
            },
            (false, Some('#')) => match rest.strip_prefix("##") {
                Some(pattern) => ParameterOperation::RemovePrefix {
                    longest: true,
                    pattern: operand(pattern)?,
                },
                None => ParameterOperation::RemovePrefix {
                    longest: false,
                    pattern: operand(&rest[1..])?,
                },
            },
            (false, Some('%')) => match rest.strip_prefix("%%") {
                Some(pattern) => ParameterOperation::RemoveSuffix {
                    longest: true,
                    pattern: operand(pattern)?,
                },
                None => ParameterOperation::RemoveSuffix {
                    longest: false,
                    pattern: operand(&rest[1..])?,
                },
            },
            _ => return Err(bad()),
        };
        Ok(Parameter { name, operation })
    }
}
