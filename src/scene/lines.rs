//! How long a line of text the scene keeps: a log line or a file's last
//! line is cut to [`MAX_LINE_CHARS`] characters. Knows nothing of the cluster.

/// The longest line of text (a log line, a file's last line) kept, in characters.
const MAX_LINE_CHARS: usize = 60;

pub(super) fn shorten(text: &str) -> String {
    if text.chars().count() <= MAX_LINE_CHARS {
        return text.to_string();
    }
    let mut short: String = text.chars().take(MAX_LINE_CHARS - 1).collect();
    short.push('…');
    short
}
