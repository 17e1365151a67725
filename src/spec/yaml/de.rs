//! Decodes typed objects from [`Node`]s with serde, the way the API server's
//! strict JSON decoder does: unknown fields are collected (with their path and
//! span) instead of ignored, a value of the wrong type is an error in Go's
//! words (`json: cannot unmarshal string into Go struct field
//! ContainerPort.spec.containers.ports.containerPort of type int32`) at the
//! node's span, and `null` leaves a field at its zero value.

use super::node::{Node, NodeValue};
use crate::spec::Span;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};
use std::cell::RefCell;
use std::fmt;

/// A decoded object and the unknown fields found on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded<T> {
    /// The object.
    pub value: T,
    /// Unknown fields: path (`spec.containers[0].imagee`) and the key's span.
    pub unknown: Vec<(String, Span)>,
}

/// Why a document could not be decoded, in Go's words, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub message: String,
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

/// Deserializes one node.
struct NodeDeserializer<'a> {
    node: &'a Node,
    /// The field path, `spec.containers[0].image`.
    path: String,
    /// The Go struct the field belongs to, for error messages.
    parent: &'static str,
    /// The span of the key naming this field.
    key_span: Option<Span>,
    /// Unknown fields found so far.
    unknown: &'a RefCell<Vec<(String, Span)>>,
}

impl<'a> NodeDeserializer<'a> {
    /// Go's `json: cannot unmarshal …` for this node and the wanted Go type.
    fn mismatch(&self, go_type: &str) -> DecodeError {
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
    fn item(&self, index: usize, node: &'a Node) -> NodeDeserializer<'a> {
        let path = format!("{}[{index}]", self.path);
        self.child(node, path, self.parent, None)
    }

    /// The deserializer of the value of `entry` of this mapping, a field of
    /// `go_struct` or (`None`) a map's value. Not generic and never inlined:
    /// one copy serves every field type (it was compiled once per type).
    #[inline(never)]
    fn entry_value(
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

    fn last_field(&self) -> &str {
        let tail = self.path.rsplit('.').next().unwrap_or(&self.path);
        tail.split('[').next().unwrap_or(tail)
    }

    fn integer<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.node.value {
            NodeValue::Int(number) => visitor.visit_i64(number),
            NodeValue::Null => visitor.visit_i64(0),
            _ => Err(self.mismatch(go_integer_type(self.last_field()))),
        }
    }
}

/// The Go integer type of a field, by its JSON name.
fn go_integer_type(field: &str) -> &'static str {
    match field {
        "terminationGracePeriodSeconds"
        | "activeDeadlineSeconds"
        | "runAsUser"
        | "runAsGroup"
        | "fsGroup"
        | "expirationSeconds"
        | "tolerationSeconds"
        | "supplementalGroups" => "int64",
        _ => "int32",
    }
}

/// The Go type of a list field, by its parent struct and JSON name.
fn go_list_type(parent: &str, field: &str) -> &'static str {
    match (parent, field) {
        (_, "command" | "args" | "add" | "drop") => "[]string",
        (_, "containers" | "initContainers") => "[]v1.Container",
        (_, "volumes") => "[]v1.Volume",
        (_, "volumeMounts") => "[]v1.VolumeMount",
        ("ServiceSpec", "ports") => "[]v1.ServicePort",
        (_, "ports") => "[]v1.ContainerPort",
        (_, "env") => "[]v1.EnvVar",
        (_, "envFrom") => "[]v1.EnvFromSource",
        ("DownwardAPIProjection", "items") => "[]v1.DownwardAPIVolumeFile",
        (_, "items") => "[]v1.KeyToPath",
        (_, "tolerations") => "[]v1.Toleration",
        (_, "imagePullSecrets") => "[]v1.LocalObjectReference",
        (_, "sources") => "[]v1.VolumeProjection",
        (_, "httpHeaders") => "[]v1.HTTPHeader",
        (_, "supplementalGroups") => "[]int64",
        _ => "[]interface {}",
    }
}

/// The Go type of a map field, by its JSON name.
fn go_map_type(field: &str) -> &'static str {
    match field {
        "limits" | "requests" => "v1.ResourceList",
        _ => "map[string]string",
    }
}

impl<'de> de::Deserializer<'de> for NodeDeserializer<'de> {
    type Error = DecodeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match &self.node.value {
            NodeValue::Null => visitor.visit_unit(),
            NodeValue::Bool(flag) => visitor.visit_bool(*flag),
            NodeValue::Int(number) => visitor.visit_i64(*number),
            NodeValue::Float(number) => visitor.visit_f64(*number),
            NodeValue::Str(text) => visitor.visit_str(text),
            NodeValue::Seq(_) => self.deserialize_seq(visitor),
            NodeValue::Map(_) => self.deserialize_map(visitor),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.node.value {
            NodeValue::Bool(flag) => visitor.visit_bool(flag),
            NodeValue::Null => visitor.visit_bool(false),
            _ => Err(self.mismatch("bool")),
        }
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.integer(visitor)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.integer(visitor)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.integer(visitor)
    }
    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.integer(visitor)
    }
    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.integer(visitor)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.integer(visitor)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.integer(visitor)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.integer(visitor)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_f64(visitor)
    }
    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.node.value {
            NodeValue::Float(number) => visitor.visit_f64(number),
            NodeValue::Int(number) => visitor.visit_f64(number as f64),
            NodeValue::Null => visitor.visit_f64(0.0),
            _ => Err(self.mismatch("float64")),
        }
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_str(visitor)
    }
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match &self.node.value {
            NodeValue::Str(text) => visitor.visit_str(text),
            NodeValue::Null => visitor.visit_str(""),
            _ => Err(self.mismatch("string")),
        }
    }
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_str(visitor)
    }
    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_str(visitor)
    }
    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.node.value {
            NodeValue::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor.visit_unit()
    }
    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        visitor.visit_unit()
    }
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match &self.node.value {
            NodeValue::Seq(items) => visitor.visit_seq(Items {
                items: items.iter().enumerate(),
                parent: &self,
            }),
            NodeValue::Null => visitor.visit_seq(Items {
                items: [].iter().enumerate(),
                parent: &self,
            }),
            _ => Err(self.mismatch(go_list_type(self.parent, self.last_field()))),
        }
    }
    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_seq(visitor)
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match &self.node.value {
            NodeValue::Map(entries) => visitor.visit_map(Entries {
                entries: entries.iter(),
                current: None,
                parent: &self,
                go_struct: None,
            }),
            NodeValue::Null => visitor.visit_map(Entries {
                entries: [].iter(),
                current: None,
                parent: &self,
                go_struct: None,
            }),
            _ => Err(self.mismatch(go_map_type(self.last_field()))),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        match &self.node.value {
            NodeValue::Map(entries) => visitor.visit_map(Entries {
                entries: entries.iter(),
                current: None,
                parent: &self,
                go_struct: Some(name),
            }),
            NodeValue::Null => visitor.visit_map(Entries {
                entries: [].iter(),
                current: None,
                parent: &self,
                go_struct: Some(name),
            }),
            _ => Err(self.mismatch(&format!("v1.{name}"))),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        match &self.node.value {
            NodeValue::Str(text) => visitor.visit_enum(text.as_str().into_deserializer()),
            _ => Err(self.mismatch("string")),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_str(visitor)
    }

    /// A field the type does not have: strict decoding records it.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let span = self.key_span.unwrap_or(self.node.span);
        self.unknown.borrow_mut().push((self.path.clone(), span));
        visitor.visit_unit()
    }
}

/// The items of a sequence node.
struct Items<'a, 'p, I> {
    items: I,
    parent: &'p NodeDeserializer<'a>,
}

impl<'de, 'p, I: Iterator<Item = (usize, &'de Node)>> de::SeqAccess<'de> for Items<'de, 'p, I> {
    type Error = DecodeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DecodeError> {
        match self.items.next() {
            Some((index, node)) => seed.deserialize(self.parent.item(index, node)).map(Some),
            None => Ok(None),
        }
    }
}

/// The entries of a mapping node, for a struct (`go_struct`) or a map.
struct Entries<'a, 'p, I> {
    entries: I,
    current: Option<&'a (Node, Node)>,
    parent: &'p NodeDeserializer<'a>,
    go_struct: Option<&'static str>,
}

impl<'de, 'p, I: Iterator<Item = &'de (Node, Node)>> de::MapAccess<'de> for Entries<'de, 'p, I> {
    type Error = DecodeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DecodeError> {
        match self.entries.next() {
            Some(entry) => {
                self.current = Some(entry);
                seed.deserialize(entry.0.key_text().into_deserializer())
                    .map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, DecodeError> {
        let child = self
            .parent
            .entry_value(self.current.take(), self.go_struct)?;
        seed.deserialize(child)
    }
}
