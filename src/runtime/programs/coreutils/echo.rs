//! `echo` and the backslash escapes it shares with `printf`.

use crate::runtime::program::Sys;

/// `echo [-n] [-e|-E] WORD…`.
pub fn echo(args: &[String], sys: &mut Sys) -> i32 {
    let mut newline = true;
    let mut escapes = false;
    let mut words = args;
    while let Some(flag) = words
        .first()
        .filter(|w| w.len() > 1 && w.starts_with('-') && w[1..].chars().all(|c| "neE".contains(c)))
    {
        newline &= !flag.contains('n');
        escapes |= flag.contains('e');
        words = &words[1..];
    }
    if escapes {
        sys.out
            .extend_from_slice(unescape(&words.join(" ")).as_bytes());
    } else {
        for (index, word) in words.iter().enumerate() {
            if index > 0 {
                sys.out.push(b' ');
            }
            sys.out.extend_from_slice(word.as_bytes());
        }
    }
    if newline {
        sys.out.push(b'\n');
    }
    0
}

/// Backslash escapes of `echo -e` and `printf`.
pub fn unescape(text: &str) -> String {
    let mut result = String::new();
    let mut chars = text.chars();
    while let Some(ch) = chars.next() {
        if ch != '\\' {
            result.push(ch);
            continue;
        }
        match chars.next() {
            Some('n') => result.push('\n'),
            Some('t') => result.push('\t'),
            Some('r') => result.push('\r'),
            Some('\\') => result.push('\\'),
            Some(other) => {
                result.push('\\');
                result.push(other);
            }
            None => result.push('\\'),
        }
    }
    result
}
