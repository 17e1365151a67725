//! Why a document could not be decoded: Go's message and the node's span.

use crate::spec::Span;
use serde::de;
use std::fmt;

/// Why a document could not be decoded, in Go's words, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// Go's message.
    pub message: String,
    /// The node it is about, when known.
    pub span: Option<Span>,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DecodeError {}

impl de::Error for DecodeError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        DecodeError {
            message: message.to_string(),
            span: None,
        }
    }
}
