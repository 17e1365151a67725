//! Function definitions with bash's `function` keyword.

use super::stream::Parser;
use crate::runtime::shell::ast::Command;
use crate::runtime::shell::lexer::{Operator, Token};
use crate::runtime::shell::syntax_error::SyntaxError;

impl Parser {
    /// `function name [()] compound-command`
    pub(super) fn parse_function_keyword(&mut self) -> Result<Command, SyntaxError> {
        self.expect_word("function")?;
        let name = match self.next()? {
            Token::Word(word) => word.to_string(),
            other => return Err(self.unexpected(&other)),
        };
        if matches!(self.peek()?, Token::Operator(Operator::LeftParen)) {
            self.next()?;
            self.expect_operator(Operator::RightParen)?;
        }
        self.skip_newlines()?;
        let body = self.parse_command()?;
        Ok(Command::FunctionDefinition {
            name,
            body: Box::new(body),
        })
    }
}
