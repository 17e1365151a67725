//! `kubectl describe pod|service|node`: kubectl v1.36's `describePod`,
//! `describeService` and `describeNode` (`pkg/describe/describe.go`), field
//! for field. A served kind not simulated says so.
//!
//! The text is built as kubectl builds it: a `PrefixWriter` indents two spaces
//! per level, cells end in `\t`, and the whole description goes through Go's
//! tabwriter (minwidth 0, padding 2), so every run of lines with tabs aligns
//! on its own. `DescribeEvents` flushes the tabwriter before its table; its
//! `Events:` line has no tab, so formatting the text in one go is the same.

mod command;
mod containers;
mod env;
mod events;
mod node;
mod pod;
mod probe;
mod service;
mod volumes;
mod writer;

pub use command::describe;
