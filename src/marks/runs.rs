//! The runs: the text cut where its colour or its mark changes.

use super::problem::Problem;
use super::tokens::{line_tokens, TokenKind};
use crate::spec::{Severity, Span};

/// A run of text and the diagnostic (by index) that marks it, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The characters of this run.
    pub text: String,
    /// The index into the diagnostics of the one marking this run.
    pub diagnostic: Option<usize>,
    /// Whether the mark is an error or a warning.
    pub severity: Option<Severity>,
    /// What kind of YAML token the run is.
    pub token: TokenKind,
}

/// Cuts `text` into runs marked by `diagnostics` (as the editor gets them:
/// [`Problem`]s). Where spans overlap, the earlier diagnostic wins; an empty
/// span marks one character (or the character before it at the end of a
/// line), so every diagnostic is visible.
pub fn mark_runs(text: &str, diagnostics: &[Problem]) -> Vec<Run> {
    let marks: Vec<Mark> = diagnostics
        .iter()
        .enumerate()
        .map(|(index, problem)| Mark {
            index,
            span: problem.span,
            severity: problem.severity,
        })
        .collect();
    cut(text, &marks)
}

/// A diagnostic's mark on a text: its index among the diagnostics, where,
/// and how bad.
#[derive(Debug, Clone, Copy)]
pub(super) struct Mark {
    /// The diagnostic's index, which the runs it marks carry.
    pub(super) index: usize,
    /// Where it is, in the lines of the text being cut.
    pub(super) span: Span,
    /// Error, warning or info.
    pub(super) severity: Severity,
}

/// Cuts `text` into runs marked by `marks`: the earlier mark wins where
/// they overlap.
pub(super) fn cut(text: &str, marks: &[Mark]) -> Vec<Run> {
    let chars: Vec<char> = text.chars().collect();
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(
            chars
                .iter()
                .enumerate()
                .filter(|(_, c)| **c == '\n')
                .map(|(i, _)| i + 1),
        )
        .collect();
    // A line ends where the next one starts, less its newline: no search,
    // so many diagnostics on one long line cost no more than elsewhere.
    let offset = |line: usize, column: usize| -> usize {
        let index = line.saturating_sub(1);
        let start = line_starts.get(index).copied().unwrap_or(chars.len());
        let line_end = line_starts
            .get(index + 1)
            .map_or(chars.len(), |next| next - 1);
        (start + column.saturating_sub(1)).min(line_end)
    };
    let mut owner: Vec<Option<usize>> = vec![None; chars.len()];
    for (position, mark) in marks.iter().enumerate() {
        let Span {
            line,
            column,
            end_line,
            end_column,
        } = mark.span;
        let mut start = offset(line, column);
        let mut end = offset(end_line, end_column).max(start);
        if start == end {
            if start < chars.len() && chars[start] != '\n' {
                end = start + 1;
            } else if start > 0 && chars[start - 1] != '\n' {
                start -= 1;
            } else {
                continue;
            }
        }
        for slot in owner.iter_mut().take(end).skip(start) {
            slot.get_or_insert(position);
        }
    }
    let mut tokens = Vec::with_capacity(chars.len());
    for line in chars.split(|c| *c == '\n') {
        line_tokens(line, &mut tokens);
        tokens.push(TokenKind::Plain);
    }
    let mut runs: Vec<Run> = Vec::new();
    for ((ch, mark), token) in chars.into_iter().zip(owner).zip(tokens) {
        // A newline never carries a squiggle.
        let mark = if ch == '\n' {
            None
        } else {
            mark.map(|i| marks[i])
        };
        let diagnostic = mark.map(|mark| mark.index);
        match runs.last_mut() {
            Some(run) if run.diagnostic == diagnostic && run.token == token => run.text.push(ch),
            _ => runs.push(Run {
                text: ch.to_string(),
                diagnostic,
                severity: mark.map(|mark| mark.severity),
                token,
            }),
        }
    }
    runs
}
