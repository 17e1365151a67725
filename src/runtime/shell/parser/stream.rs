//! The parser's entry ([`parse`]) and its token stream: one token of
//! lookahead over the lexer, `expect_*` to consume a required token or report
//! what was found instead. The grammar's constructs live in the sibling files.

use crate::runtime::shell::ast::Program;
use crate::runtime::shell::lexer::{Lexer, Operator, Token};
use crate::runtime::shell::syntax_error::{SyntaxError, SyntaxErrorKind, MAX_NESTING};

/// Reserved words that end a compound list.
pub(super) const LIST_TERMINATORS: [&str; 7] = ["then", "else", "elif", "fi", "do", "done", "esac"];

/// Parses a whole script.
pub fn parse(text: &str) -> Result<Program, SyntaxError> {
    parse_nested(text, 1, 0)
}

/// Parses text that starts on `line`, already `depth` levels deep (command substitutions).
fn parse_nested(text: &str, line: usize, depth: usize) -> Result<Program, SyntaxError> {
    if depth > MAX_NESTING {
        return Err(SyntaxError {
            line,
            kind: SyntaxErrorKind::TooDeep,
        });
    }
    let mut parser = Parser {
        lexer: Lexer::new(text, line, depth, parse_nested),
        peeked: None,
    };
    let body = parser.parse_list(&[])?;
    match parser.next()? {
        Token::End => Ok(Program {
            body,
            heredocs: std::mem::take(&mut parser.lexer.heredocs),
        }),
        other => Err(parser.unexpected(&other)),
    }
}
/// The parser's state: the lexer and one token of lookahead.
pub(super) struct Parser {
    /// The lexer over the text being parsed.
    pub(super) lexer: Lexer,
    /// The next token, once peeked.
    pub(super) peeked: Option<Token>,
}

impl Parser {
    pub(super) fn peek(&mut self) -> Result<&Token, SyntaxError> {
        if self.peeked.is_none() {
            self.peeked = Some(self.lexer.next_token()?);
        }
        Ok(self.peeked.as_ref().expect("just filled"))
    }

    pub(super) fn next(&mut self) -> Result<Token, SyntaxError> {
        match self.peeked.take() {
            Some(token) => Ok(token),
            None => self.lexer.next_token(),
        }
    }

    pub(super) fn unexpected(&self, token: &Token) -> SyntaxError {
        let kind = match token {
            Token::End => SyntaxErrorKind::UnexpectedEnd { expecting: None },
            Token::Newline => SyntaxErrorKind::UnexpectedToken("newline".to_string()),
            Token::Operator(operator) => {
                SyntaxErrorKind::UnexpectedToken(operator.text().to_string())
            }
            Token::Word(word) => SyntaxErrorKind::UnexpectedToken(word.to_string()),
        };
        SyntaxError {
            line: self.lexer.line,
            kind,
        }
    }

    /// Whether the next token is the reserved word `word`.
    pub(super) fn at_word(&mut self, word: &str) -> Result<bool, SyntaxError> {
        Ok(matches!(self.peek()?, Token::Word(w) if w.as_literal() == Some(word)))
    }

    /// Consumes the reserved word `word`, or reports what was there.
    pub(super) fn expect_word(&mut self, word: &str) -> Result<(), SyntaxError> {
        match self.next()? {
            Token::Word(w) if w.as_literal() == Some(word) => Ok(()),
            Token::End => Err(SyntaxError {
                line: self.lexer.line,
                kind: SyntaxErrorKind::UnexpectedEnd {
                    expecting: Some(word.to_string()),
                },
            }),
            other => Err(self.unexpected(&other)),
        }
    }

    pub(super) fn skip_newlines(&mut self) -> Result<(), SyntaxError> {
        while matches!(self.peek()?, Token::Newline) {
            self.next()?;
        }
        Ok(())
    }

    pub(super) fn expect_operator(&mut self, expected: Operator) -> Result<(), SyntaxError> {
        match self.next()? {
            Token::Operator(operator) if operator == expected => Ok(()),
            Token::End => Err(SyntaxError {
                line: self.lexer.line,
                kind: SyntaxErrorKind::UnexpectedEnd {
                    expecting: Some(expected.text().to_string()),
                },
            }),
            other => Err(self.unexpected(&other)),
        }
    }
}
