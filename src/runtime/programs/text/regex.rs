//! POSIX regular expressions as the images' C library has them (BusyBox's
//! `grep` and `sed` call glibc's or musl's `regcomp`): basic (BRE) and
//! extended (ERE) syntax translated into the syntax of the `regex-lite`
//! crate, which matches in linear time, so no pattern a learner types can
//! freeze the page. Back-references (`\1`) have no translation: they are
//! reported as not simulated rather than matched wrongly.

/// The syntax a pattern is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// POSIX basic (`grep`, `sed`): `\(` `\)` `\{m,n\}`, with GNU's `\+ \? \|`.
    Basic,
    /// POSIX extended (`grep -E`, `sed -E`): `( ) | + ? {m,n}`.
    Extended,
    /// No syntax: every character stands for itself (`grep -F`).
    Fixed,
}

/// Why a pattern does not compile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegexError {
    /// The C library refuses it (`\(` unclosed, `[` unclosed, a trailing `\`…).
    Bad,
    /// It uses a back-reference, which podplay does not simulate yet.
    BackReference,
}

impl RegexError {
    /// What `program` prints about `pattern`. BusyBox's words for a pattern
    /// its libc refuses: `busybox grep 'a\{1'` prints `grep: bad regex 'a\{1'`.
    pub fn message(self, program: &str, pattern: &str) -> String {
        match self {
            RegexError::Bad => format!("{program}: bad regex '{pattern}'"),
            RegexError::BackReference => format!(
                "{program}: back-references (\\1 … \\9) in '{pattern}' are not simulated yet"
            ),
        }
    }
}

/// A pattern already in `regex-lite`'s syntax, compiled.
pub fn compile_translated(
    translated: &str,
    ignore_case: bool,
) -> Result<regex_lite::Regex, RegexError> {
    regex_lite::RegexBuilder::new(translated)
        .case_insensitive(ignore_case)
        .build()
        .map_err(|_| RegexError::Bad)
}

/// `pattern` in `regex-lite`'s syntax.
pub fn translate(pattern: &str, dialect: Dialect) -> Result<String, RegexError> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = Output::default();
    let mut i = 0;
    while i < chars.len() {
        i = match dialect {
            Dialect::Fixed => {
                out.literal(chars[i]);
                i + 1
            }
            Dialect::Basic => basic_token(&chars, i, &mut out)?,
            Dialect::Extended => extended_token(&chars, i, &mut out)?,
        };
    }
    if !out.groups.is_empty() {
        return Err(RegexError::Bad);
    }
    Ok(out.text)
}

/// Translates the BRE token at `i`; returns where the next one starts.
fn basic_token(chars: &[char], i: usize, out: &mut Output) -> Result<usize, RegexError> {
    let c = chars[i];
    let next = chars.get(i + 1).copied();
    match c {
        '\\' => {
            let escaped = next.ok_or(RegexError::Bad)?;
            match escaped {
                '(' => out.open_group(),
                ')' => out.close_group()?,
                '|' => out.alternation(),
                '{' if out.atom.is_some() => {
                    let (quantifier, end) = interval(chars, i + 2, true).ok_or(RegexError::Bad)?;
                    out.quantifier(&quantifier);
                    return Ok(end);
                }
                '+' | '?' if out.atom.is_some() => out.quantifier(&escaped.to_string()),
                _ => escape(escaped, out)?,
            }
            Ok(i + 2)
        }
        '*' if out.atom.is_some() => {
            out.quantifier("*");
            Ok(i + 1)
        }
        '^' if out.at_start() => {
            out.anchor("^");
            Ok(i + 1)
        }
        '$' if next.is_none()
            || (next == Some('\\') && matches!(chars.get(i + 2), Some(')' | '|'))) =>
        {
            out.anchor("$");
            Ok(i + 1)
        }
        _ => common_token(chars, i, out),
    }
}

/// Translates the ERE token at `i`; returns where the next one starts.
fn extended_token(chars: &[char], i: usize, out: &mut Output) -> Result<usize, RegexError> {
    let c = chars[i];
    match c {
        '\\' => {
            escape(chars.get(i + 1).copied().ok_or(RegexError::Bad)?, out)?;
            Ok(i + 2)
        }
        '(' => {
            out.open_group();
            Ok(i + 1)
        }
        ')' if !out.groups.is_empty() => {
            out.close_group()?;
            Ok(i + 1)
        }
        '|' => {
            out.alternation();
            Ok(i + 1)
        }
        // glibc ignores a repetition with nothing to repeat: `echo a | busybox
        // grep -E '*a'` prints `a`.
        '*' | '+' | '?' => {
            if out.atom.is_some() {
                out.quantifier(&c.to_string());
            }
            Ok(i + 1)
        }
        // A `{` that starts no interval is itself: `echo 'a{b' | busybox grep -E 'a{b'` prints `a{b`.
        '{' => match interval(chars, i + 1, false) {
            Some((quantifier, end)) => {
                if out.atom.is_some() {
                    out.quantifier(&quantifier);
                }
                Ok(end)
            }
            None => {
                out.literal('{');
                Ok(i + 1)
            }
        },
        '^' | '$' => {
            out.anchor(&c.to_string());
            Ok(i + 1)
        }
        _ => common_token(chars, i, out),
    }
}

/// A token both dialects read alike: a bracket expression, `.`, or a
/// character standing for itself.
fn common_token(chars: &[char], i: usize, out: &mut Output) -> Result<usize, RegexError> {
    match chars[i] {
        '[' => bracket(chars, i, out),
        '.' => {
            out.atom_text(".");
            Ok(i + 1)
        }
        c => {
            out.literal(c);
            Ok(i + 1)
        }
    }
}

/// A backslash followed by `c` outside brackets, in either dialect: GNU's
/// word escapes, a back-reference (refused), or `c` itself.
fn escape(c: char, out: &mut Output) -> Result<(), RegexError> {
    match c {
        '1'..='9' => return Err(RegexError::BackReference),
        'w' | 'W' | 's' | 'S' => out.atom_text(&format!("\\{c}")),
        'b' | 'B' => out.anchor(&format!("\\{c}")),
        '<' => out.anchor("\\b{start}"),
        '>' => out.anchor("\\b{end}"),
        '`' => out.anchor("\\A"),
        '\'' => out.anchor("\\z"),
        _ => out.literal(c),
    }
    Ok(())
}

/// The interval whose bounds start at `i` (after `{` or `\{`): the
/// quantifier in `regex-lite`'s syntax and where the pattern goes on, or
/// `None` if there is none (`\}` closes it in a BRE, `}` in an ERE).
fn interval(chars: &[char], i: usize, basic: bool) -> Option<(String, usize)> {
    let close = if basic { "\\}" } else { "}" };
    let rest: String = chars[i..].iter().collect();
    let end = rest.find(close)?;
    let bounds = &rest[..end];
    let (low, high) = match bounds.split_once(',') {
        Some((low, high)) => (low, Some(high)),
        None => (bounds, None),
    };
    let number = |text: &str| text.chars().all(|c| c.is_ascii_digit());
    if !number(low) || !high.is_none_or(number) || (low.is_empty() && high.is_none()) {
        return None;
    }
    let low = if low.is_empty() { "0" } else { low };
    let quantifier = match high {
        Some(high) => format!("{{{low},{high}}}"),
        None => format!("{{{low}}}"),
    };
    Some((quantifier, i + bounds.chars().count() + close.len()))
}

/// The bracket expression starting at `i` (`[`): `]` first is itself, a
/// backslash is itself, `[:class:]`, `[=c=]` and `[.c.]` inside.
fn bracket(chars: &[char], i: usize, out: &mut Output) -> Result<usize, RegexError> {
    let mut j = i + 1;
    let mut class = String::from("[");
    if chars.get(j) == Some(&'^') {
        class.push('^');
        j += 1;
    }
    let mut first = true;
    loop {
        let c = *chars.get(j).ok_or(RegexError::Bad)?;
        if c == ']' && !first {
            break;
        }
        first = false;
        if c == '[' && matches!(chars.get(j + 1), Some(':' | '=' | '.')) {
            let kind = chars[j + 1];
            let body_start = j + 2;
            let close = (body_start..chars.len().saturating_sub(1))
                .find(|&k| chars[k] == kind && chars[k + 1] == ']')
                .ok_or(RegexError::Bad)?;
            let body: String = chars[body_start..close].iter().collect();
            match kind {
                ':' if CLASSES.contains(&body.as_str()) => class.push_str(&format!("[:{body}:]")),
                '=' | '.' if body.chars().count() == 1 => {
                    push_literal(&mut class, chars[body_start])
                }
                _ => return Err(RegexError::Bad),
            }
            j = close + 2;
            continue;
        }
        let range_end = chars
            .get(j + 2)
            .filter(|&&end| chars.get(j + 1) == Some(&'-') && end != ']');
        push_literal(&mut class, c);
        match range_end {
            Some(&end) if end < c => return Err(RegexError::Bad),
            Some(&end) => {
                class.push('-');
                push_literal(&mut class, end);
                j += 3;
            }
            None => j += 1,
        }
    }
    class.push(']');
    out.atom_text(&class);
    Ok(j + 1)
}

/// The character classes POSIX names (`[[:alpha:]]`…).
const CLASSES: &[&str] = &[
    "alpha", "digit", "alnum", "upper", "lower", "space", "blank", "punct", "print", "graph",
    "cntrl", "xdigit",
];

/// Appends `c` to a translated pattern, escaped if `regex-lite` would read
/// it as syntax (its `is_meta_character`).
fn push_literal(text: &mut String, c: char) {
    if "\\.+*?()|[]{}^$#&-~".contains(c) {
        text.push('\\');
    }
    text.push(c);
}

/// A translation being written.
#[derive(Default)]
struct Output {
    /// The pattern in `regex-lite`'s syntax so far.
    text: String,
    /// Where the last atom (a repeatable piece) starts in `text`, or `None`
    /// at the start of the pattern, a group or an alternative, or after an anchor.
    atom: Option<usize>,
    /// Whether the last atom is already repeated (`a*`), so a second
    /// repetition (`a**`) must group it first.
    repeated: bool,
    /// Where each open group starts in `text`.
    groups: Vec<usize>,
}

impl Output {
    /// Whether nothing repeatable precedes: the start of the pattern, of a
    /// group or of an alternative.
    fn at_start(&self) -> bool {
        self.atom.is_none()
            && (self.text.is_empty() || self.text.ends_with('(') || self.text.ends_with('|'))
    }

    /// Appends an atom written in `regex-lite`'s syntax.
    fn atom_text(&mut self, text: &str) {
        self.atom = Some(self.text.len());
        self.repeated = false;
        self.text.push_str(text);
    }

    /// Appends a character that stands for itself.
    fn literal(&mut self, c: char) {
        self.atom = Some(self.text.len());
        self.repeated = false;
        push_literal(&mut self.text, c);
    }

    /// Appends an anchor, which nothing may repeat.
    fn anchor(&mut self, text: &str) {
        self.text.push_str(text);
        self.atom = None;
    }

    /// Repeats the last atom; a repeated atom is grouped first (`a**`, `a+*`).
    fn quantifier(&mut self, quantifier: &str) {
        if let (Some(start), true) = (self.atom, self.repeated) {
            self.text.insert_str(start, "(?:");
            self.text.push(')');
        }
        self.text.push_str(quantifier);
        self.repeated = true;
    }

    /// Opens a group.
    fn open_group(&mut self) {
        self.groups.push(self.text.len());
        self.text.push('(');
        self.atom = None;
    }

    /// Closes the open group, which becomes the last atom.
    fn close_group(&mut self) -> Result<(), RegexError> {
        let start = self.groups.pop().ok_or(RegexError::Bad)?;
        self.text.push(')');
        self.atom = Some(start);
        self.repeated = false;
        Ok(())
    }

    /// Starts another alternative.
    fn alternation(&mut self) {
        self.text.push('|');
        self.atom = None;
    }
}
