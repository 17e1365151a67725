//! The deserializer of one node: where it is (field path, Go parent struct,
//! key span), the shared list of unknown fields, Go's mismatch message, and
//! the deserializers of its children. serde's trait is in `deserializer`.

use super::super::node::{Node, NodeValue};
use super::error::DecodeError;
use super::go_types::go_integer_type;
use crate::spec::Span;
use serde::de::{self, Visitor};
use std::cell::RefCell;

/// Deserializes one node.
pub(super) struct NodeDeserializer<'a> {
    /// The node read.
    pub(super) node: &'a Node,
    /// The field path, `spec.containers[0].image`.
    pub(super) path: String,
    /// The Go struct the field belongs to, for error messages.
    pub(super) parent: &'static str,
    /// The span of the key naming this field.
    pub(super) key_span: Option<Span>,
    /// Unknown fields found so far.
    pub(super) unknown: &'a RefCell<Vec<(String, Span)>>,
}

impl<'a> NodeDeserializer<'a> {
    /// Go's `json: cannot unmarshal …` for this node and the wanted Go type.
    pub(super) fn mismatch(&self, go_type: &str) -> DecodeError {
        let found = match &self.node.value {
            NodeValue::Str(_) => "string".to_string(),
            NodeValue::Int(_) => "number".to_string(),
            NodeValue::Float(number) => format!("number {number}"),
            NodeValue::Bool(_) => "bool".to_string(),
            NodeValue::Seq(_) => "array".to_string(),
            NodeValue::Map(_) => "object".to_string(),
            NodeValue::Null => "null".to_string(),
        };
        let json_path: Vec<&str> = self
            .path
            .split('.')
            .map(|part| part.split('[').next().unwrap_or(part))
            .collect();
        DecodeError {
            message: format!(
                "json: cannot unmarshal {found} into Go struct field {}.{} of type {go_type}",
                self.parent,
                json_path.join(".")
            ),
            span: Some(self.node.span),
        }
    }

    /// The deserializer of `node`, a child of this one.
    fn child(
        &self,
        node: &'a Node,
        path: String,
        parent: &'static str,
        key_span: Option<Span>,
    ) -> NodeDeserializer<'a> {
        NodeDeserializer {
            node,
            path,
            parent,
            key_span,
            unknown: self.unknown,
        }
    }

    /// The deserializer of item `index` of this sequence. Not generic and
    /// never inlined: one copy serves every element type (it was compiled
    /// into each `Vec<T>`'s visitor).
    #[inline(never)]
    pub(super) fn item(&self, index: usize, node: &'a Node) -> NodeDeserializer<'a> {
        let path = format!("{}[{index}]", self.path);
        self.child(node, path, self.parent, None)
    }

    /// The deserializer of the value of `entry` of this mapping, a field of
    /// `go_struct` or (`None`) a map's value. Not generic and never inlined:
    /// one copy serves every field type (it was compiled once per type).
    #[inline(never)]
    pub(super) fn entry_value(
        &self,
        entry: Option<&'a (Node, Node)>,
        go_struct: Option<&'static str>,
    ) -> Result<NodeDeserializer<'a>, DecodeError> {
        let (key, value) =
            entry.ok_or_else(|| <DecodeError as de::Error>::custom("value without a key"))?;
        Ok(match go_struct {
            Some(go_struct) => {
                let path = if self.path.is_empty() {
                    key.key_text()
                } else {
                    format!("{}.{}", self.path, key.key_text())
                };
                self.child(value, path, go_struct, Some(key.span))
            }
            // A map's values share the map's path in Go's messages.
            None => self.child(value, self.path.clone(), self.parent, Some(key.span)),
        })
    }

    /// The JSON name of this field (the path's last key, without index).
    pub(super) fn last_field(&self) -> &str {
        let tail = self.path.rsplit('.').next().unwrap_or(&self.path);
        tail.split('[').next().unwrap_or(tail)
    }

    /// Any integer type: a number, or 0 for `null`.
    pub(super) fn integer<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.node.value {
            NodeValue::Int(number) => visitor.visit_i64(number),
            NodeValue::Null => visitor.visit_i64(0),
            _ => Err(self.mismatch(go_integer_type(self.last_field()))),
        }
    }
}
