//! sed's `s/RE/REPLACEMENT/FLAGS` command: its parsing (any delimiter,
//! `\DELIM` inside), the flags `g p N I`, and the replacement with `&`,
//! `\1`..`\9` and `\n`, matched by the POSIX translator (`regex.rs`).

use super::regex::{compile_translated, translate, Dialect, RegexError};

/// A parsed `s` command.
#[derive(Debug, PartialEq)]
pub struct Substitute {
    /// The regular expression as written (delimiter escapes removed).
    pub pattern: String,
    /// The replacement as written, escapes kept.
    replacement: String,
    /// `g`: every occurrence.
    global: bool,
    /// `N`: the occurrence to replace first (1 when not given).
    nth: usize,
    /// `p`: prints the line when a replacement was made.
    pub print: bool,
    /// `I`: matches ignoring case.
    ignore_case: bool,
}

/// Parses `script` if it is one `s` command podplay runs; `None` otherwise.
pub fn parse(script: &str) -> Option<Substitute> {
    let mut chars = script.trim_end().chars();
    if chars.next()? != 's' {
        return None;
    }
    let delimiter = chars.next()?;
    if delimiter == '\\' || delimiter == '\n' {
        return None;
    }
    let pattern = until_delimiter(&mut chars, delimiter, true)?;
    let replacement = until_delimiter(&mut chars, delimiter, false)?;
    let mut substitute = Substitute {
        pattern,
        replacement,
        global: false,
        nth: 1,
        print: false,
        ignore_case: false,
    };
    let flags: String = chars.collect();
    let digits: String = flags.chars().filter(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        substitute.nth = digits.parse().ok().filter(|&n| n > 0)?;
    }
    for flag in flags.chars().filter(|c| !c.is_ascii_digit()) {
        match flag {
            'g' => substitute.global = true,
            'p' => substitute.print = true,
            'I' | 'i' => substitute.ignore_case = true,
            _ => return None,
        }
    }
    Some(substitute)
}

/// The text up to the next unescaped `delimiter`; in the pattern `\DELIM`
/// becomes the delimiter itself, other escapes stay for the regex.
fn until_delimiter(
    chars: &mut std::str::Chars,
    delimiter: char,
    in_pattern: bool,
) -> Option<String> {
    let mut text = String::new();
    while let Some(c) = chars.next() {
        if c == delimiter {
            return Some(text);
        }
        if c == '\\' {
            let escaped = chars.next()?;
            if !(escaped == delimiter && in_pattern) {
                text.push('\\');
            }
            text.push(escaped);
            continue;
        }
        text.push(c);
    }
    None
}

impl Substitute {
    /// The compiled pattern, in `dialect`.
    pub fn regex(&self, dialect: Dialect) -> Result<regex_lite::Regex, RegexError> {
        compile_translated(&translate(&self.pattern, dialect)?, self.ignore_case)
    }

    /// `line` with the replacements made, or `None` when nothing matched.
    /// `busybox`: BusyBox's sed, whose `Ng` replaces every occurrence
    /// (`echo aaaa | busybox sed 's/a/b/2g'` prints `bbbb`; GNU sed `abbb`).
    pub fn apply(&self, regex: &regex_lite::Regex, line: &str, busybox: bool) -> Option<String> {
        let mut out = String::new();
        let mut copied = 0;
        let mut replaced = false;
        for (index, captures) in regex.captures_iter(line).enumerate() {
            let occurrence = index + 1;
            let wanted =
                occurrence == self.nth || (self.global && (occurrence > self.nth || busybox));
            if !wanted {
                continue;
            }
            let whole = captures.get(0)?;
            out.push_str(&line[copied..whole.start()]);
            self.expand(&captures, &mut out);
            copied = whole.end();
            replaced = true;
            if !self.global {
                break;
            }
        }
        out.push_str(&line[copied..]);
        replaced.then_some(out)
    }

    /// Appends the replacement for one match: `&` the match, `\N` group N,
    /// `\n` a line break, `\c` the character c.
    fn expand(&self, captures: &regex_lite::Captures, out: &mut String) {
        let mut chars = self.replacement.chars();
        while let Some(c) = chars.next() {
            match c {
                '&' => out.push_str(captures.get(0).map_or("", |m| m.as_str())),
                '\\' => match chars.next() {
                    Some(digit @ '0'..='9') => {
                        let group = digit.to_digit(10).unwrap_or(0) as usize;
                        out.push_str(captures.get(group).map_or("", |m| m.as_str()));
                    }
                    Some('n') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => {}
                },
                _ => out.push(c),
            }
        }
    }
}
