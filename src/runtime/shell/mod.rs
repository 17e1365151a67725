//! The sh/bash subset real Pod commands use: [`lexer`] turns text into tokens
//! (words keep their quoting and expansions as parts), [`parser`] builds the
//! [`ast`] by recursive descent, and syntax errors are data ([`SyntaxError`])
//! worded the way busybox `sh` or GNU `bash` words them.

pub mod ast;
mod compile;
pub mod expand;
mod lexer;
mod parser;

pub use compile::{compile, Code, Op};
pub use parser::{parse, SyntaxError, SyntaxErrorKind};

/// Which shell's words to use for errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// busybox `sh` (busybox, alpine): `sh: syntax error: unexpected "done"`.
    Busybox,
    /// GNU bash (centos's `sh`, and `bash` everywhere): `bash: -c: line 1: syntax error near unexpected token `done'`.
    Bash,
    /// dash, Debian's and Ubuntu's `/bin/sh`: `sh: 1: Syntax error: "done" unexpected`.
    Dash,
}

#[cfg(test)]
mod tests;
