//! Lists (`;`, `&`, newlines), and-or lists (`&&`, `||`) and pipelines (`|`, `!`).

use super::stream::{Parser, LIST_TERMINATORS};
use crate::runtime::shell::ast::{AndOr, Connector, List, ListItem, Pipeline};
use crate::runtime::shell::lexer::{Operator, Token};
use crate::runtime::shell::syntax_error::SyntaxError;

impl Parser {
    /// A list of and-or lists, up to the end, a terminator word, `)` or `;;`,
    /// or one of `closers` (`}`).
    pub(super) fn parse_list(&mut self, closers: &[&str]) -> Result<List, SyntaxError> {
        let mut list = List::default();
        loop {
            self.skip_newlines()?;
            match self.peek()? {
                Token::End | Token::Operator(Operator::RightParen | Operator::DoubleSemicolon) => {
                    break
                }
                Token::Word(w)
                    if w.as_literal()
                        .is_some_and(|t| LIST_TERMINATORS.contains(&t) || closers.contains(&t)) =>
                {
                    break
                }
                _ => {}
            }
            let and_or = self.parse_and_or()?;
            let background = match self.peek()? {
                Token::Operator(Operator::Ampersand) => {
                    self.next()?;
                    true
                }
                Token::Operator(Operator::Semicolon) | Token::Newline => {
                    self.next()?;
                    false
                }
                _ => false,
            };
            list.items.push(ListItem { and_or, background });
            if !background && !matches!(self.peeked, None | Some(Token::Newline)) {
                // After a command without a separator only a closer may follow.
                if !matches!(
                    self.peek()?,
                    Token::End
                        | Token::Operator(Operator::RightParen | Operator::DoubleSemicolon)
                        | Token::Word(_)
                ) {
                    let token = self.next()?;
                    return Err(self.unexpected(&token));
                }
            }
        }
        Ok(list)
    }

    pub(super) fn parse_and_or(&mut self) -> Result<AndOr, SyntaxError> {
        let first = self.parse_pipeline()?;
        let mut rest = Vec::new();
        loop {
            let connector = match self.peek()? {
                Token::Operator(Operator::AndIf) => Connector::And,
                Token::Operator(Operator::OrIf) => Connector::Or,
                _ => break,
            };
            self.next()?;
            self.skip_newlines()?;
            rest.push((connector, self.parse_pipeline()?));
        }
        Ok(AndOr { first, rest })
    }

    pub(super) fn parse_pipeline(&mut self) -> Result<Pipeline, SyntaxError> {
        let negated = if self.at_word("!")? {
            self.next()?;
            true
        } else {
            false
        };
        let mut commands = vec![self.parse_command()?];
        while matches!(self.peek()?, Token::Operator(Operator::Pipe)) {
            self.next()?;
            self.skip_newlines()?;
            commands.push(self.parse_command()?);
        }
        Ok(Pipeline { negated, commands })
    }
}
