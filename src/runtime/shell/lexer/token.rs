//! The tokens the lexer hands the parser: words, operators, newlines and the
//! end, with each operator's text for error messages.

use crate::runtime::shell::ast::Word;

/// Operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operator {
    AndIf,
    OrIf,
    Semicolon,
    DoubleSemicolon,
    Ampersand,
    Pipe,
    LeftParen,
    RightParen,
    /// A redirection operator with its explicit descriptor, if any (`2>`).
    Redirect {
        fd: Option<u32>,
        op: RedirectOperator,
    },
}

/// The redirection operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RedirectOperator {
    Less,
    Great,
    DoubleGreat,
    DoubleLess,
    DoubleLessDash,
    GreatAnd,
    LessAnd,
    AndGreat,
}

impl Operator {
    /// The operator as written, for error messages.
    pub fn text(self) -> &'static str {
        match self {
            Operator::AndIf => "&&",
            Operator::OrIf => "||",
            Operator::Semicolon => ";",
            Operator::DoubleSemicolon => ";;",
            Operator::Ampersand => "&",
            Operator::Pipe => "|",
            Operator::LeftParen => "(",
            Operator::RightParen => ")",
            Operator::Redirect { op, .. } => match op {
                RedirectOperator::Less => "<",
                RedirectOperator::Great => ">",
                RedirectOperator::DoubleGreat => ">>",
                RedirectOperator::DoubleLess => "<<",
                RedirectOperator::DoubleLessDash => "<<-",
                RedirectOperator::GreatAnd => ">&",
                RedirectOperator::LessAnd => "<&",
                RedirectOperator::AndGreat => "&>",
            },
        }
    }
}

/// A token and the line it starts on.
#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    Word(Word),
    Operator(Operator),
    Newline,
    End,
}
