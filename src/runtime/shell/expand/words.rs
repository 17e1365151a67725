//! Word expansion in the shell's order: braces, then parameters, command
//! substitutions (already run: their outputs come from the context) and
//! arithmetic, then field splitting and globbing of unquoted results.

use super::arithmetic::{arithmetic, ArithmeticText};
use super::braces::{brace_expand, brace_expand_text, has_brace, Room};
use super::context::{Context, ExpandError};
use super::fields::{split_and_glob, Piece};
use super::parameters::expand_parameter;
use crate::runtime::shell::ast::{Command, ParameterOperation, Word, WordPart};

/// Expands command words into fields.
pub fn expand_words(words: &[Word], context: &mut dyn Context) -> Result<Vec<String>, ExpandError> {
    let mut fields = Vec::with_capacity(words.len());
    for word in words {
        // Most words are plain text: nothing to expand, split or match.
        if let [WordPart::Literal(text)] = word.parts.as_slice() {
            if !text.contains(['{', '*', '?', '[']) {
                fields.push(text.clone());
                continue;
            }
            if !text.contains(['*', '?', '[']) {
                // Braces alone (`{1..100}`): expanded as text, no word copies.
                let before = fields.len();
                if let Err(too_big) = brace_expand_text(text, &mut fields, &mut Room::new()) {
                    fields.truncate(before);
                    context.warn(&too_big.message());
                    fields.push(text.clone());
                }
                continue;
            }
        }
        if let [WordPart::Parameter(parameter)] = word.parts.as_slice() {
            if parameter.name != "@" {
                // `$name` alone: its value, split on blanks (no pattern in a
                // value is matched unless it has pattern characters).
                let value = expand_parameter(parameter, context, expand_single)?;
                if !value.contains(['*', '?', '[', ' ', '\t', '\n']) {
                    if !value.is_empty() {
                        fields.push(value);
                    }
                    continue;
                }
                let piece = Piece {
                    text: value,
                    splittable: true,
                    globbable: true,
                    field_break: false,
                };
                fields.extend(split_and_glob(vec![piece], context));
                continue;
            }
        }
        if !has_brace(word) {
            let pieces = expand_pieces(&word.parts, context, false)?;
            fields.extend(split_and_glob(pieces, context));
            continue;
        }
        let braced = brace_expand(word, &mut Room::new()).unwrap_or_else(|too_big| {
            context.warn(&too_big.message());
            vec![word.clone()]
        });
        for braced in braced {
            // A brace alternative is mostly plain text (`{1..100}`).
            if let [WordPart::Literal(text)] = braced.parts.as_slice() {
                if !text.contains(['*', '?', '[']) {
                    fields.push(text.clone());
                    continue;
                }
            }
            let pieces = expand_pieces(&braced.parts, context, false)?;
            fields.extend(split_and_glob(pieces, context));
        }
    }
    Ok(fields)
}

/// Expands a word into one string, without splitting or globbing
/// (assignments, redirection targets, `case` subjects).
pub fn expand_single(word: &Word, context: &mut dyn Context) -> Result<String, ExpandError> {
    if let [WordPart::Literal(text) | WordPart::SingleQuoted(text)] = word.parts.as_slice() {
        return Ok(text.clone());
    }
    Ok(expand_pieces(&word.parts, context, false)?
        .into_iter()
        .map(|piece| piece.text)
        .collect())
}

/// Expands a here-document body: `$…`, `` `…` `` and `\` as inside double quotes.
pub fn expand_heredoc(body: &str, context: &mut dyn Context) -> Result<String, ExpandError> {
    match crate::runtime::shell::parse(&format!("\"{}\"", body.replace('"', "\\\""))) {
        Ok(program) => match program
            .body
            .items
            .first()
            .map(|item| &item.and_or.first.commands[0])
        {
            Some(Command::Simple { words, .. }) if words.len() == 1 => {
                expand_single(&words[0], context)
            }
            _ => Ok(body.to_string()),
        },
        Err(_) => Ok(body.to_string()),
    }
}

/// Expands word parts into pieces; `quoted` inside double quotes.
fn expand_pieces(
    parts: &[WordPart],
    context: &mut dyn Context,
    quoted: bool,
) -> Result<Vec<Piece>, ExpandError> {
    let mut pieces = Vec::with_capacity(parts.len());
    let literal = |text: String, quoted: bool| Piece {
        text,
        splittable: false,
        globbable: !quoted,
        field_break: false,
    };
    let expanded = |text: String, quoted: bool| Piece {
        text,
        splittable: !quoted,
        globbable: !quoted,
        field_break: false,
    };
    for part in parts {
        match part {
            WordPart::Literal(text) => pieces.push(literal(text.clone(), quoted)),
            WordPart::SingleQuoted(text) => pieces.push(literal(text.clone(), true)),
            WordPart::DoubleQuoted(inner) => {
                let inner_pieces = expand_pieces(inner, context, true)?;
                if inner_pieces.is_empty() {
                    // `""` is an empty field, not nothing.
                    pieces.push(literal(String::new(), true));
                }
                pieces.extend(inner_pieces);
            }
            WordPart::Parameter(parameter)
                if parameter.name == "@"
                    && matches!(parameter.operation, ParameterOperation::Value) =>
            {
                let values = context.positional();
                for (index, value) in values.iter().enumerate() {
                    let mut piece = expanded(value.clone(), quoted);
                    piece.field_break = index + 1 < values.len();
                    pieces.push(piece);
                }
            }
            WordPart::Parameter(parameter) => {
                let value = expand_parameter(parameter, context, expand_single)?;
                pieces.push(expanded(value, quoted));
            }
            WordPart::CommandSubstitution(_) => {
                let output = context.substitution();
                pieces.push(expanded(output.trim_end_matches('\n').to_string(), quoted));
            }
            WordPart::Arithmetic(expression) => {
                let expression =
                    expand_single(&Word::literal(expression), &mut ArithmeticText(context))?;
                let value = arithmetic(&expression, context)?;
                pieces.push(expanded(value.to_string(), quoted));
            }
        }
    }
    Ok(pieces)
}
