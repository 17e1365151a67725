//! Shared by the fuzz targets: reading bytes as text, the virtual-time
//! budget that keeps every input quick, the determinism check, and the small
//! grammar the `kubectl` target builds command lines from.
//!
//! Every target drives podplay through its public entry points (the
//! manifest parser, the studio, the runtime's shell, the console, share
//! links, lesson files, `podplay run` scripts) and runs each input twice
//! where that is cheap: the two transcripts must be equal byte for byte.

pub mod grammar;

use std::sync::OnceLock;

use podplay::examples::{Example, EXAMPLES};
use podplay::kubectl::{split_words, Console, Token};
use podplay::spec::{parse_manifests, Parsed};

/// The most virtual time one input may ask for, in milliseconds. A busy loop
/// that is not found spinning costs real time for every virtual second it
/// runs, so a long sleep over one would be a slow input, not a new finding.
pub const MAX_VIRTUAL_MILLIS: u64 = 2_000;

/// What `kubectl delete` waits at most without `--now` or `--grace-period`:
/// the default grace period, on the virtual clock.
const DELETE_WAIT_MILLIS: u64 = 30_000;

/// The fuzzer's bytes as text: invalid UTF-8 becomes U+FFFD, as the page's
/// text fields and `podplay run`'s reader would see it.
pub fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Panics, with both sides, when a second run of the same input differs
/// from the first: podplay's runs are pure functions of their inputs.
pub fn assert_deterministic(what: &str, first: &str, second: &str) {
    if first != second {
        let at = first
            .bytes()
            .zip(second.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(first.len().min(second.len()));
        panic!(
            "non-deterministic {what}: the two runs differ at byte {at}\n--- first\n{first}\n--- second\n{second}"
        );
    }
}

/// How many virtual milliseconds `lines` ask to pass, counting every
/// `sleep` operand, every grace period named and a `delete` without one, or
/// `None` when an operand is too large to count. Lines that do not split as
/// words count nothing.
pub fn virtual_millis<'a>(lines: impl IntoIterator<Item = &'a str>) -> Option<u64> {
    let mut total: u64 = 0;
    for line in lines {
        let Ok(tokens) = split_words(line) else {
            continue;
        };
        let words: Vec<&str> = tokens
            .iter()
            .filter_map(|token| match token {
                Token::Word(word) => Some(word.as_str()),
                Token::Operator(_) => None,
            })
            .collect();
        if words.contains(&"delete")
            && !words
                .iter()
                .any(|word| *word == "--now" || word.starts_with("--grace-period"))
        {
            total = total.checked_add(DELETE_WAIT_MILLIS)?;
        }
        let mut in_sleep = false;
        for word in words {
            if word.ends_with("sleep") {
                in_sleep = true;
                continue;
            }
            if let Some(seconds) = word.strip_prefix("--grace-period=") {
                total = total.checked_add(duration_millis(seconds)?)?;
                continue;
            }
            if in_sleep {
                match duration_millis(word) {
                    Some(millis) => total = total.checked_add(millis)?,
                    None if looks_numeric(word) => return None,
                    None => in_sleep = false,
                }
            }
        }
    }
    Some(total)
}

/// Whether `lines` stay within [`MAX_VIRTUAL_MILLIS`], and the text has no
/// long grace period or probe period either (a manifest's
/// `terminationGracePeriodSeconds` is waited for by `kubectl delete`).
pub fn within_budget<'a>(lines: impl IntoIterator<Item = &'a str>, text: &str) -> bool {
    virtual_millis(lines).is_some_and(|millis| millis <= MAX_VIRTUAL_MILLIS)
        && !text.contains("GracePeriod")
}

fn looks_numeric(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == '-' || c == '+')
}

/// `sleep`'s operand in milliseconds (seconds, with `s`, `m`, `h`, `d`
/// suffixes), or `None` when it is not a duration or is absurdly long.
fn duration_millis(word: &str) -> Option<u64> {
    let (number, unit) = match word.char_indices().last()? {
        (index, 's') => (&word[..index], 1_000.0),
        (index, 'm') => (&word[..index], 60_000.0),
        (index, 'h') => (&word[..index], 3_600_000.0),
        (index, 'd') => (&word[..index], 86_400_000.0),
        _ => (word, 1_000.0),
    };
    let value: f64 = number.parse().ok()?;
    let millis = (value * unit).ceil();
    (millis.is_finite() && millis.abs() < 1e15).then_some(millis.abs() as u64)
}

/// Where the kubectl target's example is put before it is applied.
const EXAMPLE_FILE: &str = "example.yaml";

/// Runs `lines` (each with its here-document) on a fresh console, after
/// `example`'s manifest is applied from a file, and returns the transcript,
/// as `podplay run` prints it.
pub fn console_transcript<'a>(
    example: Option<&Example>,
    lines: impl IntoIterator<Item = (&'a str, Option<&'a str>)>,
) -> String {
    let mut console = Console::new();
    let mut transcript = String::new();
    let mut type_line = |console: &mut Console, line: &str, stdin: Option<&str>| {
        transcript.push_str(&console.prompt());
        transcript.push_str(line);
        transcript.push('\n');
        transcript.push_str(&console.execute(line, stdin).text());
    };
    if let Some(example) = example {
        console.write_read_file(EXAMPLE_FILE, example.yaml, example_reading(example));
        type_line(
            &mut console,
            &format!("kubectl apply -f {EXAMPLE_FILE}"),
            None,
        );
    }
    for (line, stdin) in lines {
        type_line(&mut console, line, stdin);
    }
    transcript
}

/// What `example`'s manifest reads as, parsed once per process: the same
/// text every time, so parsing it again would only cost time (the
/// `manifest` target fuzzes the parser).
fn example_reading(example: &Example) -> Parsed {
    static READINGS: OnceLock<Vec<(&'static str, Parsed)>> = OnceLock::new();
    READINGS
        .get_or_init(|| {
            EXAMPLES
                .iter()
                .map(|example| (example.id, parse_manifests(example.yaml)))
                .collect()
        })
        .iter()
        .find(|(id, _)| *id == example.id)
        .map(|(_, parsed)| parsed.clone())
        .unwrap_or_else(|| parse_manifests(example.yaml))
}
