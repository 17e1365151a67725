//! The lesson file's reading vocabulary: [`LessonError`] (a line and what
//! is wrong), a mapping whose keys are checked against the ones allowed, and
//! the scalars and lists a lesson's values are. Knows YAML nodes, not what a
//! lesson or a check is.

use crate::spec::{Node, NodeValue};
use std::fmt;

/// Why a lesson file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonError {
    /// The line of the problem in the lesson file (1-based).
    pub line: usize,
    /// What is wrong, in English.
    pub message: String,
}

impl fmt::Display for LessonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.line, self.message)
    }
}

impl std::error::Error for LessonError {}

/// The error `message` at `node`'s line.
pub(crate) fn error_at(node: &Node, message: impl Into<String>) -> LessonError {
    LessonError {
        line: node.span.line.max(1),
        message: message.into(),
    }
}

/// A mapping whose keys have been checked against the ones allowed.
pub(crate) struct Fields<'a> {
    node: &'a Node,
    what: &'a str,
}

impl<'a> Fields<'a> {
    /// `node` as the mapping `what`, which may hold only `allowed` keys.
    pub(crate) fn new(
        node: &'a Node,
        what: &'a str,
        allowed: &[&str],
    ) -> Result<Fields<'a>, LessonError> {
        let NodeValue::Map(entries) = &node.value else {
            return Err(error_at(node, format!("{what} should be a mapping")));
        };
        for (key, _) in entries {
            let name = key.key_text();
            if !allowed.contains(&name.as_str()) {
                return Err(error_at(
                    key,
                    format!(
                        "unknown key `{name}` in {what} (expected one of: {})",
                        allowed.join(", ")
                    ),
                ));
            }
        }
        Ok(Fields { node, what })
    }

    /// The value of `key`, if given (an explicit `null` counts as absent).
    pub(crate) fn optional(&self, key: &str) -> Option<&'a Node> {
        self.node
            .get(key)
            .filter(|value| value.value != NodeValue::Null)
    }

    /// The value of `key`, which must be given.
    pub(crate) fn required(&self, key: &str) -> Result<&'a Node, LessonError> {
        self.optional(key).ok_or_else(|| {
            error_at(
                self.node,
                format!("{} is missing the key `{key}`", self.what),
            )
        })
    }
}

/// A scalar as text (`is: Running`, `count` written as `"5"`, `text: 42`).
pub(crate) fn text(node: &Node, what: &str) -> Result<String, LessonError> {
    match &node.value {
        NodeValue::Str(text) => Ok(text.clone()),
        NodeValue::Int(_) | NodeValue::Float(_) | NodeValue::Bool(_) => Ok(node.key_text()),
        _ => Err(error_at(node, format!("{what} should be a text"))),
    }
}

/// A scalar as a non-empty text.
pub(crate) fn non_empty(node: &Node, what: &str) -> Result<String, LessonError> {
    let value = text(node, what)?;
    if value.trim().is_empty() {
        return Err(error_at(node, format!("{what} is empty")));
    }
    Ok(value)
}

/// A whole number of at least zero.
pub(crate) fn count(node: &Node, what: &str) -> Result<u32, LessonError> {
    match &node.value {
        NodeValue::Int(number) => u32::try_from(*number)
            .map_err(|_| error_at(node, format!("{what} should be a whole number from 0"))),
        _ => Err(error_at(
            node,
            format!("{what} should be a whole number, e.g. 3"),
        )),
    }
}

/// A sequence's items.
pub(crate) fn items<'a>(node: &'a Node, what: &str) -> Result<&'a [Node], LessonError> {
    match &node.value {
        NodeValue::Seq(items) => Ok(items),
        _ => Err(error_at(node, format!("{what} should be a list"))),
    }
}
