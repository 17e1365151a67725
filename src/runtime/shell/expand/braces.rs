//! Brace expansion of unquoted literal text: `{1..100}`, `{a..e}`, `{x,y}`,
//! before any other expansion. Pure text; it knows no context.

use crate::runtime::shell::ast::{Word, WordPart};

/// The most words one word's brace expansion makes. bash 5.2 holds about
/// 283 bytes a word (`echo {1..1000000}`: 283 MB, 4.2 s); past this many it
/// is treated as bash treats an allocation that fails.
pub(super) const MAX_BRACE_WORDS: usize = 1_000_000;

/// The most bytes one word's brace expansion makes.
pub(super) const MAX_BRACE_BYTES: usize = 64 * 1024 * 1024;

/// A brace expansion too big to hold, with the number of elements it asked
/// for. bash 5.2 (with `ulimit -v 400000`, `bash -c 'echo {1..100000000}'`)
/// prints `bash: line 1: brace expansion: failed to allocate memory for
/// 100000000 elements` and leaves the word as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct TooBig(pub(super) u64);

impl TooBig {
    /// bash's words for it (after `bash: `).
    pub(super) fn message(&self) -> String {
        format!(
            "brace expansion: failed to allocate memory for {} elements",
            self.0
        )
    }
}

/// What one word's brace expansion may still make.
pub(super) struct Room {
    /// Words left.
    words: usize,
    /// Bytes left.
    bytes: usize,
    /// The elements of the expansion asked for so far, for [`TooBig`].
    made: u64,
}

impl Room {
    /// The room of a fresh word.
    pub(super) fn new() -> Room {
        Room {
            words: MAX_BRACE_WORDS,
            bytes: MAX_BRACE_BYTES,
            made: 0,
        }
    }

    /// Takes room for one more word of `text`.
    fn take_text(&mut self, text: &str) -> Result<(), TooBig> {
        self.take_bytes(text.len())
    }

    /// Takes room for one more word of these parts (their literal text).
    fn take(&mut self, parts: &[WordPart]) -> Result<(), TooBig> {
        let length = parts
            .iter()
            .map(|part| match part {
                WordPart::Literal(text) | WordPart::SingleQuoted(text) => text.len(),
                _ => 1,
            })
            .sum::<usize>();
        self.take_bytes(length)
    }

    /// Takes room for one more word of `length` bytes.
    fn take_bytes(&mut self, length: usize) -> Result<(), TooBig> {
        self.made += 1;
        match (self.words.checked_sub(1), self.bytes.checked_sub(length)) {
            (Some(words), Some(bytes)) => {
                (self.words, self.bytes) = (words, bytes);
                Ok(())
            }
            _ => Err(TooBig(self.made)),
        }
    }
}

/// Whether a word has unquoted text with a `{` (a brace expansion, maybe).
pub(super) fn has_brace(word: &Word) -> bool {
    word.parts
        .iter()
        .any(|part| matches!(part, WordPart::Literal(text) if text.contains('{')))
}

/// Brace expansion of unquoted literal text: `{1..100}`, `{a..e}`, `{x,y}`.
pub(super) fn brace_expand(word: &Word, room: &mut Room) -> Result<Vec<Word>, TooBig> {
    if !has_brace(word) {
        return Ok(vec![word.clone()]);
    }
    for (index, part) in word.parts.iter().enumerate() {
        let WordPart::Literal(text) = part else {
            continue;
        };
        let Some((prefix, alternatives, suffix)) = find_brace(text)? else {
            continue;
        };
        let mut words = Vec::with_capacity(alternatives.len());
        for alternative in alternatives {
            let mut text = String::with_capacity(prefix.len() + alternative.len() + suffix.len());
            text.push_str(prefix);
            text.push_str(&alternative);
            text.push_str(suffix);
            let mut parts = word.parts.clone();
            parts[index] = WordPart::Literal(text);
            let expanded = Word { parts };
            if has_brace(&expanded) {
                words.extend(brace_expand(&expanded, room)?);
            } else {
                room.take(&expanded.parts)?;
                words.push(expanded);
            }
        }
        return Ok(words);
    }
    Ok(vec![word.clone()])
}

/// Brace expansion of plain text with no pattern characters, into `fields`.
pub(super) fn brace_expand_text(
    text: &str,
    fields: &mut Vec<String>,
    room: &mut Room,
) -> Result<(), TooBig> {
    let Some((prefix, alternatives, suffix)) = find_brace(text)? else {
        fields.push(text.to_string());
        return Ok(());
    };
    for alternative in alternatives {
        let expanded = if prefix.is_empty() && suffix.is_empty() {
            alternative
        } else {
            format!("{prefix}{alternative}{suffix}")
        };
        if expanded.contains('{') {
            brace_expand_text(&expanded, fields, room)?;
        } else {
            room.take_text(&expanded)?;
            fields.push(expanded);
        }
    }
    Ok(())
}

/// A brace found in a text: what is before it, its alternatives, what is after.
type Brace<'a> = (&'a str, Vec<String>, &'a str);

/// Finds the first `{…}` with a comma or a `..` range; returns what is
/// before, the alternatives, and what is after.
fn find_brace(text: &str) -> Result<Option<Brace<'_>>, TooBig> {
    let bytes = text.as_bytes();
    for open in (0..bytes.len()).filter(|i| bytes[*i] == b'{') {
        let mut depth = 0;
        for close in open..bytes.len() {
            match bytes[close] {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        let inner = &text[open + 1..close];
                        if let Some(items) = brace_items(inner)? {
                            return Ok(Some((&text[..open], items, &text[close + 1..])));
                        }
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    Ok(None)
}

/// The alternatives of the inside of a brace, if it is a list or a range.
fn brace_items(inner: &str) -> Result<Option<Vec<String>>, TooBig> {
    let range: Vec<&str> = inner.split("..").collect();
    if range.len() == 2 || range.len() == 3 {
        if let (Ok(start), Ok(end)) = (range[0].parse::<i64>(), range[1].parse::<i64>()) {
            let step = range
                .get(2)
                .and_then(|s| s.parse::<i64>().ok())
                .unwrap_or(1);
            return numbers(start, end, step, padded_width(range[0], range[1]));
        }
        if let Some(letters) = letters(range[0], range[1]) {
            return Ok(Some(letters));
        }
    }
    let mut items = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (index, ch) in inner.char_indices() {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(inner[start..index].to_string());
                start = index + 1;
            }
            _ => {}
        }
    }
    if items.is_empty() {
        return Ok(None);
    }
    items.push(inner[start..].to_string());
    Ok(Some(items))
}

/// `{start..end..step}`, each number zero-padded to `width`. Checked as
/// bash 5.2 checks it: a range whose length overflows a 64-bit integer is
/// no range (`{-1..9223372036854775807}` stays as it is); one of more than
/// [`MAX_BRACE_WORDS`] numbers is [`TooBig`].
fn numbers(start: i64, end: i64, step: i64, width: usize) -> Result<Option<Vec<String>>, TooBig> {
    let Some(distance) = end.checked_sub(start) else {
        return Ok(None);
    };
    // bash takes the step's size; its sign follows the range (`{1..10..-3}`).
    let step = step.unsigned_abs().max(1);
    let count = distance.unsigned_abs() / step + 1;
    if count > i64::MAX as u64 {
        return Ok(None);
    }
    let longest = width.max(20);
    if count > MAX_BRACE_WORDS as u64
        || count.saturating_mul(longest as u64 + 1) > MAX_BRACE_BYTES as u64
    {
        return Err(TooBig(count));
    }
    let mut items = Vec::with_capacity(count as usize);
    let mut value = start;
    for _ in 0..count {
        items.push(zero_padded(value, width));
        let next = if end >= start {
            value.checked_add_unsigned(step)
        } else {
            value.checked_sub_unsigned(step)
        };
        match next {
            Some(next) => value = next,
            None => break,
        }
    }
    Ok(Some(items))
}

/// The width numbers of a range are padded to: the longer end's, when either
/// end has a leading zero (`{01..10}`, `{-05..3}`); 0 otherwise.
fn padded_width(start: &str, end: &str) -> usize {
    let leading_zero = |text: &str| {
        let digits = text.strip_prefix('-').unwrap_or(text);
        digits.len() > 1 && digits.starts_with('0')
    };
    if leading_zero(start) || leading_zero(end) {
        start.len().max(end.len())
    } else {
        0
    }
}

/// `value` with zeros after its sign up to `width` characters (`-05`).
fn zero_padded(value: i64, width: usize) -> String {
    let digits = value.unsigned_abs().to_string();
    let sign = if value < 0 { "-" } else { "" };
    let zeros = width.saturating_sub(sign.len() + digits.len());
    let mut text = String::with_capacity(sign.len() + zeros + digits.len());
    text.push_str(sign);
    text.extend(std::iter::repeat_n('0', zeros));
    text.push_str(&digits);
    text
}

/// `{a..e}`: the characters from one to the other, when both are one character.
fn letters(first: &str, last: &str) -> Option<Vec<String>> {
    let (mut first_chars, mut last_chars) = (first.chars(), last.chars());
    let (Some(a), None, Some(b), None) = (
        first_chars.next(),
        first_chars.next(),
        last_chars.next(),
        last_chars.next(),
    ) else {
        return None;
    };
    let (a, b) = (a as u32, b as u32);
    Some(if a <= b {
        (a..=b)
            .filter_map(char::from_u32)
            .map(String::from)
            .collect()
    } else {
        (b..=a)
            .rev()
            .filter_map(char::from_u32)
            .map(String::from)
            .collect()
    })
}
