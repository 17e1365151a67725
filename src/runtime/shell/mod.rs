//! The sh/bash subset real Pod commands use: [`lexer`] turns text into tokens
//! (words keep their quoting and expansions as parts), [`parser`] builds the
//! [`ast`] by recursive descent, and syntax errors are data ([`SyntaxError`])
//! worded the way busybox `sh` or GNU `bash` words them.

pub mod ast;
mod compile;
pub mod expand;
mod lexer;
mod parser;
mod syntax_error;

pub use compile::{compile, Code, Op};
pub use parser::parse;
pub use syntax_error::{Flavor, SyntaxError, SyntaxErrorKind, SEGFAULT_EXIT};

#[cfg(test)]
mod tests;
