//! Source text as the import graph reads it: comments, string and char
//! literals blanked (line breaks kept) and `#[cfg(test)]` items left out, so no
//! word inside them is taken for code.

/// `text` with comments, string and char literals replaced by spaces (line
/// breaks kept), so no word inside them is read as code.
pub fn blank_comments_and_literals(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && !is_ident(chars.get(i.wrapping_sub(1)))
        {
            let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
            if chars.get(i + 1 + hashes) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let close: Vec<char> = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            i += 2 + hashes;
            out.push_str(&" ".repeat(2 + hashes));
            while i < chars.len() && !chars[i..].starts_with(&close) {
                out.push(blank(chars[i]));
                i += 1;
            }
            out.push_str(&" ".repeat(close.len()));
            i += close.len();
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && is_char_literal(&chars[i..]) {
            let end = chars[i + 1..]
                .iter()
                .enumerate()
                .skip(1)
                .find(|(offset, &d)| d == '\'' && chars[i + *offset] != '\\')
                .map_or(chars.len() - i - 1, |(offset, _)| offset + 1);
            out.push_str(&" ".repeat(end + 1));
            i += end + 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

pub fn is_ident(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// Whether the text at a `'` opens a char literal (`'a'`, `'\n'`), not a lifetime.
fn is_char_literal(at: &[char]) -> bool {
    match at.get(1) {
        Some('\\') => true,
        Some(_) => at.get(2) == Some(&'\''),
        None => false,
    }
}

/// `code` with every `#[cfg(test)]` item (a module, a function, a `use`) blanked.
pub fn strip_tests(code: &str) -> String {
    let mut bytes: Vec<u8> = code.as_bytes().to_vec();
    let marker = b"#[cfg(test)]";
    let mut from = 0;
    while let Some(offset) = find(&bytes[from..], marker) {
        let start = from + offset;
        let mut i = start + marker.len();
        let mut depth = 0usize;
        while i < bytes.len() {
            match bytes[i] {
                b';' if depth == 0 => {
                    i += 1;
                    break;
                }
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        i += 1;
                        break;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        for byte in &mut bytes[start..i.min(code.len())] {
            if *byte != b'\n' {
                *byte = b' ';
            }
        }
        from = i;
    }
    String::from_utf8(bytes).expect("only ASCII was replaced")
}

pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}
