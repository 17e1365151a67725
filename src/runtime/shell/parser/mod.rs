//! Tokens → syntax tree, by recursive descent over the POSIX shell grammar
//! (with bash's `function` keyword and `&>`). Verbs: `parse_*` builds a node,
//! `expect_*` consumes a required token or reports what was found instead.
//! Each construct has its file: [`lists`] (lists, and-or lists, pipelines),
//! [`commands`], [`compound`] commands, [`functions`] and [`redirects`]; the
//! entry and the token stream are in [`stream`].

mod commands;
mod compound;
mod functions;
mod lists;
mod redirects;
mod stream;

pub use stream::parse;
