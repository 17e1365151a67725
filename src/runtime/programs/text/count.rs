//! The count `head` and `tail` take with `-n` and `-c`: `N`, `+N` (tail:
//! from the Nth on), `-N` (head: all but the last N), with the multiplier
//! suffixes BusyBox and GNU both read (`b` 512, `k`/`K` 1024, `m`/`M`
//! 1024²), and the errors each words when the value is missing or bad.

/// A count as written, by its sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    /// `N`: the last N (tail) or the first N (head).
    Plain(usize),
    /// `+N`: from the Nth on (tail).
    Plus(usize),
    /// `-N`: all but the last N (head).
    Minus(usize),
}

/// What `-n` or `-c` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// `-n`.
    Lines,
    /// `-c`.
    Bytes,
}

/// Why the options could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CountError {
    /// `-c` or `-n` was the last argument.
    MissingArgument(char),
    /// The value is not a count.
    Invalid { value: String, unit: Unit },
}

impl CountError {
    /// The error as `program` (`head` or `tail`) words it, BusyBox's or GNU's.
    pub fn message(&self, program: &str, busybox: bool) -> String {
        match (self, busybox) {
            (CountError::MissingArgument(letter), true) => {
                format!("{program}: option requires an argument -- '{letter}'")
            }
            (CountError::MissingArgument(letter), false) => format!(
                "{program}: option requires an argument -- '{letter}'\nTry '{program} --help' for more information."
            ),
            (CountError::Invalid { value, .. }, true) => {
                format!("{program}: invalid number '{value}'")
            }
            (CountError::Invalid { value, unit }, false) => {
                let what = match unit {
                    Unit::Lines => "lines",
                    Unit::Bytes => "bytes",
                };
                format!("{program}: invalid number of {what}: ‘{value}’")
            }
        }
    }
}

/// Reads a count: an optional sign, digits, an optional suffix.
pub fn parse_count(value: &str, unit: Unit) -> Result<Count, CountError> {
    let invalid = || CountError::Invalid {
        value: value.to_string(),
        unit,
    };
    let (sign, rest) = match value.as_bytes().first() {
        Some(b'+') => (Count::Plus as fn(usize) -> Count, &value[1..]),
        Some(b'-') => (Count::Minus as fn(usize) -> Count, &value[1..]),
        _ => (Count::Plain as fn(usize) -> Count, value),
    };
    let digits_end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (digits, suffix) = rest.split_at(digits_end);
    let multiplier: usize = match suffix {
        "" => 1,
        "b" => 512,
        "k" | "K" => 1024,
        "m" | "M" => 1024 * 1024,
        _ => return Err(invalid()),
    };
    let number: usize = digits.parse().map_err(|_| invalid())?;
    Ok(sign(number.saturating_mul(multiplier)))
}

/// Reads `-n`/`-c` and their forms (`-c 300`, `-c300`, `-n5`, `-5`) from
/// `args`; the other arguments are returned as they came.
pub fn read_count_options(
    args: Vec<String>,
    mut on_count: impl FnMut(Count, Unit),
) -> Result<Vec<String>, CountError> {
    let mut rest = Vec::new();
    let mut iter = args.into_iter();
    while let Some(arg) = iter.next() {
        let (letter, unit) = match arg.as_bytes() {
            [b'-', b'n', ..] => ('n', Unit::Lines),
            [b'-', b'c', ..] => ('c', Unit::Bytes),
            [b'-', digit, ..] if digit.is_ascii_digit() => {
                on_count(parse_count(&arg[1..], Unit::Lines)?, Unit::Lines);
                continue;
            }
            _ => {
                rest.push(arg);
                continue;
            }
        };
        let value = if arg.len() > 2 {
            arg[2..].to_string()
        } else {
            iter.next().ok_or(CountError::MissingArgument(letter))?
        };
        on_count(parse_count(&value, unit)?, unit);
    }
    Ok(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_their_sign_and_suffix() {
        // BusyBox 1.35 and GNU coreutils 9.1: `tail -c 1b` prints 512
        // bytes, `-c 1k` 1024; `+N` and `-N` keep their sign.
        let cases = [
            ("300", Ok(Count::Plain(300))),
            ("+3", Ok(Count::Plus(3))),
            ("-5", Ok(Count::Minus(5))),
            ("1b", Ok(Count::Plain(512))),
            ("2k", Ok(Count::Plain(2048))),
            ("1m", Ok(Count::Plain(1_048_576))),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_count(text, Unit::Bytes), expected, "{text}");
        }
        for bad in ["x", "", "3x", "+", "1kk"] {
            assert!(parse_count(bad, Unit::Bytes).is_err(), "{bad}");
        }
    }

    #[test]
    fn errors_are_worded_as_busybox_and_gnu_word_them() {
        // Recorded from BusyBox 1.35 and GNU coreutils 9.1 `tail -c x f`.
        let invalid = CountError::Invalid {
            value: "x".to_string(),
            unit: Unit::Bytes,
        };
        assert_eq!(invalid.message("tail", true), "tail: invalid number 'x'");
        assert_eq!(
            invalid.message("tail", false),
            "tail: invalid number of bytes: ‘x’"
        );
        assert_eq!(
            CountError::MissingArgument('c').message("head", false),
            "head: option requires an argument -- 'c'\nTry 'head --help' for more information."
        );
    }
}
