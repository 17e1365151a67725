//! The scanner's small text rules: which characters end a name, the
//! regular expressions client-go matches array slices and filters with, and
//! Go's string-literal unquoting. Pure functions on text, no nodes.

/// Whether `c` ends a name or a word inside an action.
pub(super) fn is_terminator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\r' | '\n' | '.' | ',' | '[' | ']' | '$' | '@' | '{' | '}'
    )
}

/// `isAlphaNumeric`: a letter, a digit or `_`.
pub(super) fn is_alphanumeric(c: char) -> bool {
    c == '_' || c.is_alphabetic() || c.is_numeric()
}

/// `^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$`: the three groups, each possibly empty.
pub(super) fn slice_groups(text: &str) -> Option<[&str; 3]> {
    let mut groups = [""; 3];
    let mut rest = text;
    for (index, group) in groups.iter_mut().enumerate() {
        let mut length = 0;
        if index > 0 {
            if !rest.starts_with(':') {
                continue;
            }
            length = 1;
        }
        if rest[length..].starts_with('-') {
            length += 1;
        }
        length += rest[length..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        *group = &rest[..length];
        rest = &rest[length..];
    }
    rest.is_empty().then_some(groups)
}

/// `^([^!<>=]+)([!<>=]+)(.+?)$`.
pub(super) fn split_comparison(text: &str) -> Option<(&str, &str, &str)> {
    let is_operator = |c: char| matches!(c, '!' | '<' | '>' | '=');
    let first = text.find(is_operator).filter(|&i| i > 0)?;
    let run = text[first..]
        .find(|c| !is_operator(c))
        .unwrap_or(text.len() - first);
    let (mut operator_end, right_start) = (first + run, first + run);
    if right_start == text.len() {
        // `.+?` needs one character: the operator gives back its last.
        operator_end -= 1;
        if operator_end == first {
            return None;
        }
    }
    Some((
        &text[..first],
        &text[first..operator_end],
        &text[operator_end..],
    ))
}

/// `UnquoteExtend`: a Go string literal in double or single quotes.
pub(super) fn unquote(text: &str) -> Option<String> {
    let quote = text.chars().next()?;
    let inner = text.strip_prefix(quote)?.strip_suffix(quote)?;
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == quote {
            return None;
        }
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'a' => '\u{7}',
            'b' => '\u{8}',
            'f' => '\u{c}',
            'v' => '\u{b}',
            '\\' => '\\',
            c if c == quote => c,
            _ => return None,
        });
    }
    Some(out)
}
