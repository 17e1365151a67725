//! Text → tokens. Words come out already split into parts (literal, quoted,
//! `$name`, `$(…)`, `$((…))`), so the parser never re-reads quotes; command
//! substitutions are parsed recursively, through the [`ParseNested`](cursor::ParseNested) function
//! the parser hands in (the lexer never names the parser). Here-document bodies are read at the
//! newline after their operator, once the parser has registered the delimiter.
//! [`cursor`] holds the state and the token loop; [`operator`], [`word`],
//! [`parameter`] and [`heredoc`] read their constructs; [`token`] is what
//! comes out.

mod cursor;
mod heredoc;
mod operator;
mod parameter;
mod token;
mod word;

pub use cursor::Lexer;
pub use token::{Operator, RedirectOperator, Token};
