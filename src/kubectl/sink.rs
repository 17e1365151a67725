//! Where a command prints: [`Output`], the pieces of text a terminal shows,
//! each with its [`Stream`]. A leaf every command writes to; it knows
//! nothing of the console or of any command.

use super::errors::ConsoleError;

/// Which stream a piece of output went to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    /// Standard output: what a command prints as its result.
    Stdout,
    /// Standard error: errors, warnings and notices.
    Stderr,
}

/// What a command printed, in the order a terminal shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Output {
    /// Pieces of text, each ending in a newline, with their stream.
    pub chunks: Vec<(Stream, String)>,
}

impl Output {
    /// Appends a line (a newline is added when missing) to stdout.
    pub fn stdout(&mut self, text: impl Into<String>) {
        self.push(Stream::Stdout, text.into());
    }

    /// Appends text to stdout exactly as given (a log whose last line has
    /// no newline ends without one).
    pub fn stdout_raw(&mut self, text: String) {
        self.chunks.push((Stream::Stdout, text));
    }

    /// Appends text to stderr exactly as given.
    pub fn stderr_raw(&mut self, text: String) {
        if !text.is_empty() {
            self.chunks.push((Stream::Stderr, text));
        }
    }

    /// Appends everything `other` holds, in order.
    pub fn extend(&mut self, other: Output) {
        self.chunks.extend(other.chunks);
    }

    /// What went to stdout, in order.
    pub fn stdout_text(&self) -> String {
        self.chunks
            .iter()
            .filter(|(stream, _)| *stream == Stream::Stdout)
            .map(|(_, text)| text.as_str())
            .collect()
    }

    /// What went to stderr, in order.
    pub fn stderr_text(&self) -> String {
        self.chunks
            .iter()
            .filter(|(stream, _)| *stream == Stream::Stderr)
            .map(|(_, text)| text.as_str())
            .collect()
    }

    /// Appends a line (a newline is added when missing) to stderr.
    pub fn stderr(&mut self, text: impl Into<String>) {
        self.push(Stream::Stderr, text.into());
    }

    /// Appends an error as kubectl prints it.
    pub fn error(&mut self, error: ConsoleError) {
        self.stderr(error.to_string());
    }

    fn push(&mut self, stream: Stream, mut text: String) {
        if !text.ends_with('\n') {
            text.push('\n');
        }
        self.chunks.push((stream, text));
    }

    /// Everything printed, stdout and stderr interleaved.
    pub fn text(&self) -> String {
        self.chunks.iter().map(|(_, text)| text.as_str()).collect()
    }
}
