//! Field splitting and pathname expansion: the pieces of an expanded word
//! become fields, unquoted blanks split them, and unquoted patterns are
//! globbed through the [`Context`].

use super::context::Context;

/// One piece of an expanded word: its text and how it may be split or globbed.
#[derive(Debug, Clone)]
pub(super) struct Piece {
    /// The expanded text.
    pub(super) text: String,
    /// Came from an unquoted expansion: split on blanks.
    pub(super) splittable: bool,
    /// Unquoted: `*`, `?` and `[` in it are patterns.
    pub(super) globbable: bool,
    /// Ends a field here (between the fields of `"$@"`).
    pub(super) field_break: bool,
}

/// Splits unquoted expansion results on blanks, then globs unquoted patterns.
pub(super) fn split_and_glob(pieces: Vec<Piece>, context: &mut dyn Context) -> Vec<String> {
    let patterns = pieces
        .iter()
        .any(|piece| piece.globbable && piece.text.contains(['*', '?', '[']));
    if !patterns {
        return split(pieces);
    }
    // Each field: its text and the pattern form (quoted glob characters escaped).
    let mut fields: Vec<(String, String, bool)> = Vec::new();
    let mut current: Option<(String, String, bool)> = None;
    for piece in pieces {
        if piece.text.is_empty() && !piece.splittable {
            current.get_or_insert_with(|| (String::new(), String::new(), false));
        }
        for ch in piece.text.chars() {
            if piece.splittable && matches!(ch, ' ' | '\t' | '\n') {
                if let Some(field) = current.take() {
                    fields.push(field);
                }
                continue;
            }
            let field = current.get_or_insert_with(|| (String::new(), String::new(), false));
            field.0.push(ch);
            if piece.globbable && matches!(ch, '*' | '?' | '[') {
                field.1.push(ch);
                field.2 = true;
            } else if matches!(ch, '*' | '?' | '[' | '\\') {
                field.1.push('\\');
                field.1.push(ch);
            } else {
                field.1.push(ch);
            }
        }
        if piece.field_break {
            fields.push(current.take().unwrap_or_default());
        }
    }
    if let Some(field) = current {
        fields.push(field);
    }
    let mut result = Vec::new();
    for (text, pattern, has_glob) in fields {
        if has_glob && is_pattern(&pattern) {
            let matches = context.glob(&pattern);
            if !matches.is_empty() {
                result.extend(matches);
                continue;
            }
        }
        result.push(text);
    }
    result
}

/// Whether `pattern` (quoted glob characters escaped) has anything to
/// match with: an unescaped `*` or `?`, or a `[` closed by a `]` further on
/// (the character just after `[` or `[!` is part of the set, so `[]` is not
/// closed). Anything else is a word the shell keeps without reading a
/// directory, as dash's `expmeta` keeps `[` (the `test` command).
fn is_pattern(pattern: &str) -> bool {
    let chars: Vec<char> = pattern.chars().collect();
    let mut index = 0;
    while index < chars.len() {
        match chars[index] {
            '\\' => index += 1,
            '*' | '?' => return true,
            '[' => {
                let mut set = index + 1;
                if chars.get(set) == Some(&'!') {
                    set += 1;
                }
                if chars.iter().skip(set + 1).any(|c| *c == ']') {
                    return true;
                }
            }
            _ => {}
        }
        index += 1;
    }
    false
}

/// Splits unquoted expansion results on blanks (no piece has a pattern).
fn split(pieces: Vec<Piece>) -> Vec<String> {
    let mut fields = Vec::new();
    let mut current: Option<String> = None;
    for piece in pieces {
        if !piece.splittable {
            match current.as_mut() {
                Some(field) => field.push_str(&piece.text),
                None => current = Some(piece.text),
            }
        } else if !piece
            .text
            .bytes()
            .any(|byte| matches!(byte, b' ' | b'\t' | b'\n'))
        {
            // No blank to split on (a number, a word): one piece of a field.
            if !piece.text.is_empty() {
                match current.as_mut() {
                    Some(field) => field.push_str(&piece.text),
                    None => current = Some(piece.text),
                }
            }
        } else {
            for (index, chunk) in piece.text.split([' ', '\t', '\n']).enumerate() {
                if index > 0 {
                    if let Some(field) = current.take() {
                        fields.push(field);
                    }
                }
                if !chunk.is_empty() {
                    current.get_or_insert_with(String::new).push_str(chunk);
                }
            }
        }
        if piece.field_break {
            fields.push(current.take().unwrap_or_default());
        }
    }
    if let Some(field) = current {
        fields.push(field);
    }
    fields
}
