//! kubectl's `PrefixWriter` and the helpers every description shares:
//! timestamps (`RFC1123Z`, ages), labels and annotations over several lines.

use crate::clock::SimTime;
use crate::kubectl::duration::human_duration;
use crate::runtime::{format_time, EPOCH_SECONDS};
use std::collections::BTreeMap;

/// kubectl's `PrefixWriter`: text indented two spaces per level.
#[derive(Default)]
pub(super) struct Writer {
    pub(super) text: String,
}

impl Writer {
    /// Writes one line at `level`, with the terminal's escape and carriage
    /// return characters made visible as `printers.WriteEscaped` does.
    pub(super) fn line(&mut self, level: usize, content: impl AsRef<str>) {
        for _ in 0..level {
            self.text.push_str("  ");
        }
        for ch in content.as_ref().chars() {
            match ch {
                '\x1b' => self.text.push_str("^["),
                '\r' => self.text.push_str("\\r"),
                other => self.text.push(other),
            }
        }
        self.text.push('\n');
    }
}

/// A time as Go's `time.RFC1123Z` prints it, in UTC.
pub(super) fn rfc1123z(time: SimTime) -> String {
    format_time(seconds_of(time), "%a, %d %b %Y %T +0000")
}

/// Unix seconds of a virtual time; API timestamps keep whole seconds.
fn seconds_of(time: SimTime) -> i64 {
    EPOCH_SECONDS + (time.as_millis() / 1000) as i64
}

/// `translateTimestampSince`: how long ago a (whole-second) timestamp was.
pub(super) fn age(now: SimTime, then: SimTime) -> String {
    let then = SimTime::from_millis(then.as_millis() / 1000 * 1000);
    human_duration(now.millis_since(then))
}

/// `printLabelsMultiline`: `Title:\tk=v` then `\tk=v` per further key, or `<none>`.
pub(super) fn write_map(
    w: &mut Writer,
    title: &str,
    map: &BTreeMap<String, String>,
    separator: &str,
) {
    if map.is_empty() {
        w.line(0, format!("{title}:\t<none>"));
        return;
    }
    for (index, (key, value)) in map.iter().enumerate() {
        let head = if index == 0 {
            format!("{title}:")
        } else {
            String::new()
        };
        w.line(0, format!("{head}\t{key}{separator}{value}"));
    }
}

/// The annotation kubectl hides from describe.
const LAST_APPLIED: &str = "kubectl.kubernetes.io/last-applied-configuration";

/// Annotations longer than this (key and value) are printed on lines of their own.
const MAX_ANNOTATION_LEN: usize = 140;

/// `printAnnotationsMultiline`.
pub(super) fn write_annotations(w: &mut Writer, annotations: &BTreeMap<String, String>) {
    let shown: Vec<(&String, &String)> = annotations
        .iter()
        .filter(|(key, _)| key.as_str() != LAST_APPLIED)
        .collect();
    if shown.is_empty() {
        w.line(0, "Annotations:\t<none>");
        return;
    }
    for (index, (key, value)) in shown.into_iter().enumerate() {
        let head = if index == 0 { "Annotations:" } else { "" };
        let value = value.strip_suffix('\n').unwrap_or(value);
        if value.len() + key.len() + 2 > MAX_ANNOTATION_LEN || value.contains('\n') {
            w.line(0, format!("{head}\t{key}:"));
            for part in value.split('\n') {
                w.line(0, format!("\t  {}", shorten(part, MAX_ANNOTATION_LEN - 2)));
            }
        } else {
            w.line(0, format!("{head}\t{key}: {value}"));
        }
    }
}

/// Go's `shorten`: at most `max` bytes, then `...`.
fn shorten(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}...", &text[..end])
}
