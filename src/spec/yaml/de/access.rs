//! serde's access to a sequence node's items and a mapping node's entries,
//! each handed to the child deserializer with its path.

use super::super::node::Node;
use super::error::DecodeError;
use super::state::NodeDeserializer;
use serde::de::{self, DeserializeSeed, IntoDeserializer};

/// The items of a sequence node.
pub(super) struct Items<'a, 'p, I> {
    /// The items left, with their index.
    pub(super) items: I,
    /// The sequence's deserializer.
    pub(super) parent: &'p NodeDeserializer<'a>,
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
pub(super) struct Entries<'a, 'p, I> {
    /// The entries left.
    pub(super) entries: I,
    /// The entry whose key was just read.
    pub(super) current: Option<&'a (Node, Node)>,
    /// The mapping's deserializer.
    pub(super) parent: &'p NodeDeserializer<'a>,
    /// The Go struct the entries are fields of; `None` for a map.
    pub(super) go_struct: Option<&'static str>,
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
