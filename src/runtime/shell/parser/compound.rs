//! Compound commands: `if`, `for`, `while`/`until` and `case`.

use super::stream::Parser;
use crate::runtime::shell::ast::{CaseArm, CompoundCommand, List};
use crate::runtime::shell::lexer::{Operator, Token};
use crate::runtime::shell::syntax_error::{SyntaxError, SyntaxErrorKind};

impl Parser {
    pub(super) fn parse_if(&mut self) -> Result<CompoundCommand, SyntaxError> {
        self.expect_word("if")?;
        let mut branches = Vec::new();
        let mut otherwise = None;
        loop {
            let condition = self.parse_list(&[])?;
            self.expect_word("then")?;
            let body = self.parse_list(&[])?;
            branches.push((condition, body));
            if self.at_word("elif")? {
                self.next()?;
                continue;
            }
            if self.at_word("else")? {
                self.next()?;
                otherwise = Some(self.parse_list(&[])?);
            }
            self.expect_word("fi")?;
            break;
        }
        Ok(CompoundCommand::If {
            branches,
            otherwise,
        })
    }

    pub(super) fn parse_for(&mut self) -> Result<CompoundCommand, SyntaxError> {
        self.expect_word("for")?;
        let name = match self.next()? {
            Token::Word(word) if word.as_literal().is_some() => word.to_string(),
            other => return Err(self.unexpected(&other)),
        };
        if matches!(self.peek()?, Token::Operator(Operator::Semicolon)) {
            self.next()?;
        }
        self.skip_newlines()?;
        let words = if self.at_word("in")? {
            self.next()?;
            let mut words = Vec::new();
            while let Token::Word(_) = self.peek()? {
                let Token::Word(word) = self.next()? else {
                    unreachable!()
                };
                words.push(word);
            }
            match self.peek()? {
                Token::Operator(Operator::Semicolon) | Token::Newline => {
                    self.next()?;
                }
                _ => {}
            }
            Some(words)
        } else {
            None
        };
        self.skip_newlines()?;
        let body = self.parse_do_group()?;
        Ok(CompoundCommand::For { name, words, body })
    }

    pub(super) fn parse_do_group(&mut self) -> Result<List, SyntaxError> {
        self.expect_word("do")?;
        let body = self.parse_list(&[])?;
        self.expect_word("done")?;
        Ok(body)
    }

    pub(super) fn parse_loop(&mut self) -> Result<CompoundCommand, SyntaxError> {
        let until = self.at_word("until")?;
        self.next()?;
        let condition = self.parse_list(&[])?;
        let body = self.parse_do_group()?;
        Ok(if until {
            CompoundCommand::Until { condition, body }
        } else {
            CompoundCommand::While { condition, body }
        })
    }

    pub(super) fn parse_case(&mut self) -> Result<CompoundCommand, SyntaxError> {
        self.expect_word("case")?;
        let word = match self.next()? {
            Token::Word(word) => word,
            other => return Err(self.unexpected(&other)),
        };
        self.skip_newlines()?;
        self.expect_word("in")?;
        let mut arms = Vec::new();
        loop {
            self.skip_newlines()?;
            if self.at_word("esac")? {
                self.next()?;
                break;
            }
            if matches!(self.peek()?, Token::Operator(Operator::LeftParen)) {
                self.next()?;
            }
            let mut patterns = Vec::new();
            loop {
                match self.next()? {
                    Token::Word(pattern) => patterns.push(pattern),
                    Token::End => {
                        return Err(SyntaxError {
                            line: self.lexer.line,
                            kind: SyntaxErrorKind::UnexpectedEnd {
                                expecting: Some(")".to_string()),
                            },
                        })
                    }
                    other => return Err(self.unexpected(&other)),
                }
                match self.next()? {
                    Token::Operator(Operator::Pipe) => continue,
                    Token::Operator(Operator::RightParen) => break,
                    other => return Err(self.unexpected(&other)),
                }
            }
            let body = self.parse_list(&[])?;
            arms.push(CaseArm { patterns, body });
            match self.peek()? {
                Token::Operator(Operator::DoubleSemicolon) => {
                    self.next()?;
                }
                _ => {
                    self.skip_newlines()?;
                    self.expect_word("esac")?;
                    break;
                }
            }
        }
        Ok(CompoundCommand::Case { word, arms })
    }
}
