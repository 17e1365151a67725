//! Redirections: the operator, its descriptor and target; a here-document's
//! delimiter is registered with the lexer, which reads the body later.

use super::stream::Parser;
use crate::runtime::shell::ast::{Redirect, RedirectKind, RedirectTarget};
use crate::runtime::shell::lexer::{Operator, RedirectOperator, Token};
use crate::runtime::shell::syntax_error::SyntaxError;

impl Parser {
    pub(super) fn parse_redirects(&mut self) -> Result<Vec<Redirect>, SyntaxError> {
        let mut redirects = Vec::new();
        while let Token::Operator(Operator::Redirect { .. }) = self.peek()? {
            redirects.push(self.parse_redirect()?);
        }
        Ok(redirects)
    }

    pub(super) fn parse_redirect(&mut self) -> Result<Redirect, SyntaxError> {
        let Token::Operator(Operator::Redirect { fd, op }) = self.next()? else {
            unreachable!("called on a redirection operator");
        };
        let target = match self.next()? {
            Token::Word(word) => word,
            other => return Err(self.unexpected(&other)),
        };
        let (kind, default_fd) = match op {
            RedirectOperator::Less => (RedirectKind::Input, 0),
            RedirectOperator::Great => (RedirectKind::Output, 1),
            RedirectOperator::DoubleGreat => (RedirectKind::Append, 1),
            RedirectOperator::GreatAnd => (RedirectKind::Duplicate, 1),
            RedirectOperator::LessAnd => (RedirectKind::Duplicate, 0),
            RedirectOperator::AndGreat => (RedirectKind::OutputAndError, 1),
            RedirectOperator::DoubleLess | RedirectOperator::DoubleLessDash => {
                let index = self
                    .lexer
                    .register_heredoc(&target, op == RedirectOperator::DoubleLessDash);
                return Ok(Redirect {
                    fd: fd.unwrap_or(0),
                    kind: RedirectKind::HereDoc,
                    target: RedirectTarget::HereDoc(index),
                });
            }
        };
        Ok(Redirect {
            fd: fd.unwrap_or(default_fd),
            kind,
            target: RedirectTarget::Word(target),
        })
    }
}
