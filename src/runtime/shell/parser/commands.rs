//! One command: a compound command with its redirections, or a simple
//! command (assignments, words, redirections), guarded by the nesting limit.

use super::stream::{Parser, LIST_TERMINATORS};
use crate::runtime::shell::ast::{Command, CompoundCommand, Word, WordPart};
use crate::runtime::shell::lexer::{Operator, Token};
use crate::runtime::shell::syntax_error::{SyntaxError, SyntaxErrorKind, MAX_NESTING};

impl Parser {
    pub(super) fn parse_command(&mut self) -> Result<Command, SyntaxError> {
        if self.lexer.depth > MAX_NESTING {
            return Err(SyntaxError {
                line: self.lexer.line,
                kind: SyntaxErrorKind::TooDeep,
            });
        }
        self.lexer.depth += 1;
        let command = self.parse_command_here();
        self.lexer.depth -= 1;
        command
    }

    pub(super) fn parse_command_here(&mut self) -> Result<Command, SyntaxError> {
        let token = self.peek()?.clone();
        let compound = match &token {
            Token::Operator(Operator::LeftParen) => {
                self.next()?;
                let list = self.parse_list(&[])?;
                self.expect_operator(Operator::RightParen)?;
                Some(CompoundCommand::Subshell(list))
            }
            Token::Word(word) => match word.as_literal() {
                Some("{") => {
                    self.next()?;
                    let list = self.parse_list(&["}"])?;
                    self.expect_word("}")?;
                    Some(CompoundCommand::Group(list))
                }
                Some("if") => Some(self.parse_if()?),
                Some("for") => Some(self.parse_for()?),
                Some("while" | "until") => Some(self.parse_loop()?),
                Some("case") => Some(self.parse_case()?),
                Some("function") => return self.parse_function_keyword(),
                Some(reserved) if LIST_TERMINATORS.contains(&reserved) || reserved == "}" => {
                    self.next()?;
                    return Err(self.unexpected(&token));
                }
                _ => None,
            },
            Token::End => {
                return Err(SyntaxError {
                    line: self.lexer.line,
                    kind: SyntaxErrorKind::UnexpectedEnd { expecting: None },
                })
            }
            _ => None,
        };
        if let Some(body) = compound {
            let redirects = self.parse_redirects()?;
            return Ok(Command::Compound { body, redirects });
        }
        self.parse_simple_command()
    }

    pub(super) fn parse_simple_command(&mut self) -> Result<Command, SyntaxError> {
        let mut assignments = Vec::new();
        let mut words: Vec<Word> = Vec::new();
        let mut redirects = Vec::new();
        loop {
            match self.peek()? {
                Token::Operator(Operator::Redirect { .. }) => {
                    redirects.push(self.parse_redirect()?)
                }
                Token::Operator(Operator::LeftParen) if words.len() == 1 => {
                    // `name() { … }`
                    self.next()?;
                    self.expect_operator(Operator::RightParen)?;
                    self.skip_newlines()?;
                    let body = self.parse_command()?;
                    return Ok(Command::FunctionDefinition {
                        name: words.remove(0).to_string(),
                        body: Box::new(body),
                    });
                }
                Token::Word(_) => {
                    let Token::Word(word) = self.next()? else {
                        unreachable!()
                    };
                    match assignment(&word) {
                        Some(pair) if words.is_empty() => assignments.push(pair),
                        _ => words.push(word),
                    }
                }
                _ => break,
            }
        }
        if assignments.is_empty() && words.is_empty() && redirects.is_empty() {
            let token = self.next()?;
            return Err(self.unexpected(&token));
        }
        Ok(Command::Simple {
            assignments,
            words,
            redirects,
        })
    }
}

/// `NAME=value` at the start of a simple command.
fn assignment(word: &Word) -> Option<(String, Word)> {
    let WordPart::Literal(first) = word.parts.first()? else {
        return None;
    };
    let (name, value_start) = first.split_once('=')?;
    let valid = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !valid {
        return None;
    }
    let mut parts = Vec::new();
    if !value_start.is_empty() {
        parts.push(WordPart::Literal(value_start.to_string()));
    }
    parts.extend(word.parts[1..].iter().cloned());
    Some((name.to_string(), Word { parts }))
}
