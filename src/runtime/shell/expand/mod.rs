//! Word expansion, in the shell's order: brace expansion ([`braces`]), then
//! parameters ([`parameters`]), command substitutions (already run: their
//! outputs come from the [`Context`]) and arithmetic ([`arithmetic`]), then
//! field splitting of unquoted results and pathname expansion ([`fields`]).
//! Patterns (`case`, `${x#pat}`) match with [`glob_match`].

mod arithmetic;
mod braces;
mod context;
mod fields;
mod parameters;
mod pattern;
mod words;

pub use arithmetic::arithmetic;
pub use context::{Context, ExpandError};
pub use pattern::glob_match;
pub use words::{expand_heredoc, expand_single, expand_words};
