//! What a command runs against ([`Context`]): the cluster, the console's
//! files, its stdin and where it prints. A leaf: commands take it instead of
//! the console, so no command knows the console.

use super::files::Files;
use super::sink::Output;
use crate::sim::Cluster;

/// The narrow view of the console a command gets.
pub struct Context<'a> {
    /// The simulated cluster.
    pub cluster: &'a mut Cluster,
    /// The working directory and the read-only folder behind it.
    pub files: &'a mut Files,
    /// Where the command prints.
    pub output: &'a mut Output,
    /// The body of the command line's here-document, if any.
    pub stdin: Option<&'a str>,
}
