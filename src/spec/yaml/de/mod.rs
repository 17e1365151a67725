//! Decodes typed objects from [`Node`]s with serde, the way the API server's
//! strict JSON decoder does: unknown fields are collected (with their path and
//! span) instead of ignored, a value of the wrong type is an error in Go's
//! words (`json: cannot unmarshal string into Go struct field
//! ContainerPort.spec.containers.ports.containerPort of type int32`) at the
//! node's span, and `null` leaves a field at its zero value.
//!
//! `state` is the deserializer of one node (its path, its Go parent, the
//! unknown fields so far); `deserializer` is serde's side of it, `access`
//! walks lists and maps, `go_types` and `error` hold Go's words.

mod access;
mod deserializer;
mod error;
mod go_types;
mod state;

use super::node::Node;
use crate::spec::Span;
pub use error::DecodeError;
use serde::de::DeserializeOwned;
use state::NodeDeserializer;
use std::cell::RefCell;

/// A decoded object and the unknown fields found on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded<T> {
    /// The object.
    pub value: T,
    /// Unknown fields: path (`spec.containers[0].imagee`) and the key's span.
    pub unknown: Vec<(String, Span)>,
}

/// Decodes `root` as `T` (whose Go type is `go_root`, e.g. `Pod`).
pub fn decode<T: DeserializeOwned>(
    root: &Node,
    go_root: &'static str,
) -> Result<Decoded<T>, DecodeError> {
    let unknown = RefCell::new(Vec::new());
    let value = T::deserialize(NodeDeserializer {
        node: root,
        path: String::new(),
        parent: go_root,
        key_span: None,
        unknown: &unknown,
    })?;
    Ok(Decoded {
        value,
        unknown: unknown.into_inner(),
    })
}
