//! Types shared by every object: metadata, quantities, int-or-string.

use crate::spec::quantity::{canonical_quantity, parse_quantity, ParsedQuantity, NANOS};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// `metadata` of any object.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ObjectMeta {
    /// The object's name, unique per kind and namespace.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// A prefix the API server completes with random characters when `name` is empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub generate_name: String,
    /// The namespace; `None` means the client's current one (`default`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// Labels, sorted by key.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
    /// Annotations, sorted by key.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub annotations: BTreeMap<String, String>,
}

/// A resource quantity (`100m`, `128Mi`, `1`); YAML may give it as a number.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Quantity(pub String);

impl<'de> Deserialize<'de> for Quantity {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor).map(|scalar| {
            Quantity(match scalar {
                IntOrString::Int(number) => number.to_string(),
                IntOrString::String(text) => text,
            })
        })
    }
}

impl Quantity {
    /// The quantity read exactly (nanounits and the format it was written
    /// in); `None` when it is not a valid quantity.
    pub fn parsed(&self) -> Option<ParsedQuantity> {
        parse_quantity(&self.0)
    }

    /// `Quantity.String()`: the canonical form (`1.5Gi` → `1536Mi`).
    pub fn canonical(&self) -> String {
        canonical_quantity(&self.0)
    }

    /// The quantity as a whole number of base units (bytes for memory and
    /// storage), rounded up as the API server's `Value()` does; `None` when
    /// it is not a valid, non-negative quantity.
    pub fn value(&self) -> Option<u64> {
        if self.0.trim().starts_with('-') {
            return None;
        }
        let nanos = self.parsed()?.nanos;
        let whole = u64::try_from((nanos + NANOS - 1) / NANOS).ok()?;
        (whole < 18_000_000_000_000_000_000).then_some(whole)
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A port given by number (`8080`) or by name (`http`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum IntOrString {
    Int(i64),
    String(String),
}

impl Default for IntOrString {
    fn default() -> Self {
        IntOrString::Int(0)
    }
}

impl<'de> Deserialize<'de> for IntOrString {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor)
    }
}

impl fmt::Display for IntOrString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IntOrString::Int(number) => write!(f, "{number}"),
            IntOrString::String(name) => f.write_str(name),
        }
    }
}

/// Reads an integer or a string (floats keep their text, as a quantity may be `0.5`).
struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = IntOrString;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer or a string")
    }

    fn visit_i64<E: de::Error>(self, number: i64) -> Result<IntOrString, E> {
        Ok(IntOrString::Int(number))
    }

    fn visit_u64<E: de::Error>(self, number: u64) -> Result<IntOrString, E> {
        Ok(IntOrString::Int(number.min(i64::MAX as u64) as i64))
    }

    fn visit_f64<E: de::Error>(self, number: f64) -> Result<IntOrString, E> {
        Ok(IntOrString::String(number.to_string()))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<IntOrString, E> {
        Ok(IntOrString::String(text.to_string()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<IntOrString, E> {
        Ok(IntOrString::default())
    }
}

#[cfg(test)]
mod tests {
    use super::Quantity;

    #[test]
    fn quantities_read_as_the_api_server_reads_them() {
        let value = |text: &str| Quantity(text.to_string()).value();
        assert_eq!(value("1Gi"), Some(1_073_741_824));
        assert_eq!(value("500Mi"), Some(524_288_000));
        assert_eq!(value("1.5k"), Some(1_500));
        assert_eq!(value("2e3"), Some(2_000));
        assert_eq!(value("100m"), Some(1));
        assert_eq!(value("12"), Some(12));
        assert_eq!(value("1Gx"), None);
    }
}
