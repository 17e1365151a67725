//! A window on a long text: the runs of only the lines the editor shows,
//! so a keystroke in a 1 MB document colours and marks a screenful, not
//! the whole text. A line's colours depend on that line alone, and a mark
//! is placed by its lines and columns, so the window's runs are exactly
//! the whole text's runs over those lines (`tests.rs` checks it).

use super::problem::Problem;
use super::runs::{cut, Mark, Run};
use crate::spec::Span;

/// Where each line of a text starts, found in one pass (a fast search for
/// newlines): how many lines there are, how wide the widest is, and where
/// a window of lines lies, without another pass over the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// The byte offset of each line's first character.
    starts: Vec<usize>,
    /// The text's length in bytes.
    len: usize,
}

impl LineIndex {
    /// The lines of `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = Vec::with_capacity(text.len() / 32 + 1);
        starts.push(0);
        starts.extend(text.match_indices('\n').map(|(at, _)| at + 1));
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    /// The number of lines (a text ending in a newline has an empty last line).
    pub fn lines(&self) -> usize {
        self.starts.len()
    }

    /// The widest line in bytes: at least its width in characters, which
    /// is all the editor needs of it (room enough to scroll to its end).
    pub fn widest(&self) -> usize {
        let ends = self.starts.iter().skip(1).map(|next| next - 1);
        self.starts
            .iter()
            .zip(ends.chain(std::iter::once(self.len)))
            .map(|(start, end)| end - start)
            .max()
            .unwrap_or(0)
    }

    /// The bytes of lines `first..first + count`, each line's newline included.
    pub fn bytes(&self, first: usize, count: usize) -> std::ops::Range<usize> {
        let at = |line: usize| self.starts.get(line).copied().unwrap_or(self.len);
        at(first)..at(first.saturating_add(count))
    }
}

/// The runs of lines `first..first + count` (counted from 0) of `text`
/// (whose lines `index` holds), each line's newline included, marked by
/// the `problems` that reach into them (a run's `diagnostic` is the index
/// in `problems`).
pub fn window_runs(
    text: &str,
    index: &LineIndex,
    problems: &[Problem],
    first: usize,
    count: usize,
) -> Vec<Run> {
    let shown = &text[index.bytes(first, count)];
    // The window's lines, 1-based as spans count them.
    let (top, bottom) = (first + 1, first + count);
    let marks: Vec<Mark> = problems
        .iter()
        .enumerate()
        .filter(|(_, problem)| problem.span.end_line >= top && problem.span.line <= bottom)
        .filter_map(|(index, problem)| {
            Some(Mark {
                index,
                span: within_window(problem.span, top, bottom)?,
                severity: problem.severity,
            })
        })
        .collect();
    cut(shown, &marks)
}

/// `span` in the window's own lines (its line `top` is line 1): a span
/// that starts above the window starts at its first character, one that
/// ends below it ends at its end; a span that starts above it and ends at
/// its first character marks nothing in it (`None`).
fn within_window(span: Span, top: usize, bottom: usize) -> Option<Span> {
    let (line, column) = if span.line < top {
        if (span.end_line, span.end_column) <= (top, 1) {
            return None;
        }
        (1, 1)
    } else {
        (span.line - top + 1, span.column)
    };
    let (end_line, end_column) = if span.end_line > bottom {
        (bottom - top + 2, 1)
    } else {
        (span.end_line - top + 1, span.end_column)
    };
    Some(Span {
        line,
        column,
        end_line,
        end_column,
    })
}

/// How many lines the editor draws: a screenful (at most about 46 lines)
/// and a margin above and below, so scrolling a few lines draws nothing new.
pub const WINDOW_LINES: usize = 160;

/// Lines kept drawn above the first on screen when the window moves.
const WINDOW_MARGIN: usize = 40;

/// The window's first line is a multiple of this, so it moves in steps.
const WINDOW_STEP: usize = 20;

/// The first line of the window to draw, given the one drawn (`current`)
/// and the lines on screen: `current` while they all lie inside it, else
/// a window that starts a margin above them.
pub fn window_start(current: usize, on_screen: std::ops::Range<usize>) -> usize {
    if on_screen.start >= current && on_screen.end <= current + WINDOW_LINES {
        return current;
    }
    let start = on_screen.start.saturating_sub(WINDOW_MARGIN);
    start - start % WINDOW_STEP
}
