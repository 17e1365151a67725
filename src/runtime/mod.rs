//! The container runtime: what runs inside the containers.
//!
//! This first part is the shell language (lexer → parser → AST) that a
//! container's `command` is written in. The evaluator, the programs, the image
//! catalog, the virtual filesystem and the network come next, driven by the
//! kubelet simulation.

pub mod fs;
pub mod shell;
