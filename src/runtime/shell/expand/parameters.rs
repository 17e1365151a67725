//! Parameter expansion: `$name` and the `${…}` operators (default, assign,
//! alternative, error, length, prefix and suffix removal). Operand words are
//! expanded by the [`ExpandOperand`] function the caller passes in, so this
//! file needs not import the word expansion that calls it.

use super::context::{Context, ExpandError};
use super::pattern::glob_match;
use crate::runtime::shell::ast::{Parameter, ParameterOperation, Word};

/// Expands an operand word to one string (`${x:-word}`, `${x#pattern}`).
pub(super) type ExpandOperand = fn(&Word, &mut dyn Context) -> Result<String, ExpandError>;

/// `$name` or `${name…}`: the value, after the operation.
pub(super) fn expand_parameter(
    parameter: &Parameter,
    context: &mut dyn Context,
    expand_operand: ExpandOperand,
) -> Result<String, ExpandError> {
    let name = &parameter.name;
    let value = if name == "*" || name == "@" {
        Some(context.positional().join(" "))
    } else {
        context.variable(name)
    };
    let unset_or_empty = |colon: bool| match &value {
        None => true,
        Some(text) => colon && text.is_empty(),
    };
    Ok(match &parameter.operation {
        ParameterOperation::Value => value.unwrap_or_default(),
        ParameterOperation::Length => value.unwrap_or_default().chars().count().to_string(),
        ParameterOperation::Default { colon, word } => {
            if unset_or_empty(*colon) {
                expand_operand(word, context)?
            } else {
                value.unwrap_or_default()
            }
        }
        ParameterOperation::Assign { colon, word } => {
            if unset_or_empty(*colon) {
                let assigned = expand_operand(word, context)?;
                context.assign(name, assigned.clone());
                assigned
            } else {
                value.unwrap_or_default()
            }
        }
        ParameterOperation::Alternative { colon, word } => {
            if unset_or_empty(*colon) {
                String::new()
            } else {
                expand_operand(word, context)?
            }
        }
        ParameterOperation::Error { colon, word } => {
            if unset_or_empty(*colon) {
                let message = expand_operand(word, context)?;
                let message = if message.is_empty() {
                    "parameter not set".to_string()
                } else {
                    message
                };
                return Err(ExpandError(format!("{name}: {message}")));
            }
            value.unwrap_or_default()
        }
        ParameterOperation::RemovePrefix { longest, pattern } => {
            let pattern = expand_operand(pattern, context)?;
            remove_match(value.unwrap_or_default(), &pattern, true, *longest)
        }
        ParameterOperation::RemoveSuffix { longest, pattern } => {
            let pattern = expand_operand(pattern, context)?;
            remove_match(value.unwrap_or_default(), &pattern, false, *longest)
        }
    })
}

/// `${x#pat}`, `${x##pat}` (`prefix`) and `${x%pat}`, `${x%%pat}`: removes the
/// shortest (or `longest`) part matching `pattern` from that end of `text`.
fn remove_match(text: String, pattern: &str, prefix: bool, longest: bool) -> String {
    let cuts: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    // A prefix grows with the cut; a suffix shrinks. Try the wanted size first.
    let shortest_first = prefix != longest;
    let mut order: Box<dyn Iterator<Item = &usize>> = if shortest_first {
        Box::new(cuts.iter())
    } else {
        Box::new(cuts.iter().rev())
    };
    let matches = |cut: usize| {
        if prefix {
            glob_match(pattern, &text[..cut])
        } else {
            glob_match(pattern, &text[cut..])
        }
    };
    match order.find(|cut| matches(**cut)) {
        Some(&cut) if prefix => text[cut..].to_string(),
        Some(&cut) => text[..cut].to_string(),
        None => text,
    }
}
