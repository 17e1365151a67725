//! Which characters of the editor's text to underline: the text cut into runs,
//! each either plain or marked by one diagnostic. The UI draws these runs in a
//! layer behind the textarea, so the squiggles sit exactly under the text.

use crate::spec::{Diagnostic, Severity, Span};

/// A run of text and the diagnostic (by index) that marks it, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The characters of this run.
    pub text: String,
    /// The index into the diagnostics of the one marking this run.
    pub diagnostic: Option<usize>,
    /// Whether the mark is an error or a warning.
    pub severity: Option<Severity>,
}

/// Cuts `text` into runs marked by `diagnostics`. Where spans overlap, the
/// earlier diagnostic wins; an empty span marks one character (or the
/// character before it at the end of a line), so every diagnostic is visible.
pub fn mark_runs(text: &str, diagnostics: &[Diagnostic]) -> Vec<Run> {
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
    let offset = |line: usize, column: usize| -> usize {
        let start = line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(chars.len());
        let line_end = chars[start..]
            .iter()
            .position(|c| *c == '\n')
            .map_or(chars.len(), |p| start + p);
        (start + column.saturating_sub(1)).min(line_end)
    };
    let mut owner: Vec<Option<usize>> = vec![None; chars.len()];
    for (index, diagnostic) in diagnostics.iter().enumerate() {
        let Span {
            line,
            column,
            end_line,
            end_column,
        } = diagnostic.span;
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
            slot.get_or_insert(index);
        }
    }
    let mut runs: Vec<Run> = Vec::new();
    for (ch, mark) in chars.into_iter().zip(owner) {
        // A newline never carries a squiggle.
        let mark = if ch == '\n' { None } else { mark };
        match runs.last_mut() {
            Some(run) if run.diagnostic == mark => run.text.push(ch),
            _ => runs.push(Run {
                text: ch.to_string(),
                diagnostic: mark,
                severity: mark.map(|i| diagnostics[i].severity()),
            }),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::parse_manifests;

    fn show(text: &str) -> String {
        let diagnostics: Vec<Diagnostic> = parse_manifests(text).diagnostics().cloned().collect();
        mark_runs(text, &diagnostics)
            .iter()
            .map(|run| match run.diagnostic {
                Some(index) => format!("[{}:{}]", index, run.text),
                None => run.text.clone(),
            })
            .collect()
    }

    #[test]
    fn the_offending_value_is_marked_and_nothing_else() {
        let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  restartPolicy: Sometimes\n  containers:\n  - name: a\n    image: b\n";
        assert_eq!(
            show(text),
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  restartPolicy: [0:Sometimes]\n  containers:\n  - name: a\n    image: b\n"
        );
    }

    #[test]
    fn a_point_at_the_end_of_a_line_marks_the_character_before_it() {
        let diagnostic = Diagnostic {
            span: Span::point(1, 4),
            kind: crate::spec::DiagnosticKind::NotAnObject,
        };
        let runs = mark_runs("abc\ndef", &[diagnostic]);
        let marked: Vec<&str> = runs
            .iter()
            .filter(|r| r.diagnostic.is_some())
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(marked, ["c"]);
    }

    #[test]
    fn runs_join_back_into_the_text() {
        let text = "a: [\n  b\n";
        let joined: String = mark_runs(
            text,
            &parse_manifests(text)
                .diagnostics()
                .cloned()
                .collect::<Vec<_>>(),
        )
        .into_iter()
        .map(|run| run.text)
        .collect();
        assert_eq!(joined, text);
    }
}
