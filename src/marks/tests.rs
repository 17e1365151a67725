//! The runs: their squiggles, their colours, and that they join back into the text.

use super::*;
use crate::spec::{parse_manifests, Diagnostic, Span};

fn problems(text: &str) -> Vec<Problem> {
    parse_manifests(text)
        .diagnostics()
        .map(Problem::from)
        .collect()
}

fn show(text: &str) -> String {
    mark_runs(text, &problems(text))
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
    let runs = mark_runs("abc\ndef", &[Problem::from(&diagnostic)]);
    let marked: Vec<&str> = runs
        .iter()
        .filter(|r| r.diagnostic.is_some())
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(marked, ["c"]);
}

#[test]
fn keys_values_strings_literals_and_comments_get_their_colours() {
    let text = "# a pod\nkind: Pod\nspec:\n  - name: \"web\" # first\n    ports: [80, 443]\n";
    let shown: String = mark_runs(text, &[])
        .iter()
        .map(|run| match run.token {
            TokenKind::Plain => run.text.clone(),
            kind => format!("<{}:{}>", &kind.class()[4..], run.text),
        })
        .collect();
    assert_eq!(
        shown,
        "<comment:# a pod>\n<key:kind><punct::> Pod\n<key:spec><punct::>\n  <punct:-> \
         <key:name><punct::> <string:\"web\"> <comment:# first>\n    <key:ports><punct::> \
         <punct:[><literal:80><punct:,> <literal:443><punct:]>\n"
    );
}

#[test]
fn unusual_blanks_and_unclosed_flows_colour_without_panicking() {
    for text in [
        "a:\u{3000}b\u{3000}",
        "a: [1, \u{3000}",
        "- [",
        "x: {a: 1,, }",
        ": :",
    ] {
        let joined: String = mark_runs(text, &[]).into_iter().map(|r| r.text).collect();
        assert_eq!(joined, text);
    }
}

#[test]
fn runs_join_back_into_the_text() {
    let text = "a: [\n  b\n";
    let joined: String = mark_runs(text, &problems(text))
        .into_iter()
        .map(|run| run.text)
        .collect();
    assert_eq!(joined, text);
}

/// Each character of `runs` with its colour and mark.
fn per_character(runs: &[Run]) -> Vec<(char, TokenKind, Option<usize>)> {
    runs.iter()
        .flat_map(|run| run.text.chars().map(|c| (c, run.token, run.diagnostic)))
        .collect()
}

fn marked(span: Span) -> Problem {
    Problem::from(&Diagnostic {
        span,
        kind: crate::spec::DiagnosticKind::NotAnObject,
    })
}

#[test]
fn a_window_of_lines_is_coloured_and_marked_as_the_whole_text_is_there() {
    let text = "apiVersion: v1\nkind: Pod\n\nmetadata:\n  name: p # a pod\nspec:\n  restartPolicy: Sometimes\n  containers:\n  - name: a\n    image: b\n    ports: [80, \"x\"]\n\n";
    let mut all = problems(text);
    for (line, column, end_line, end_column) in [
        (2, 1, 5, 3),
        (1, 3, 4, 1),
        (3, 1, 3, 1),
        (4, 10, 4, 10),
        (6, 2, 13, 1),
        (12, 1, 12, 1),
        (13, 1, 13, 1),
    ] {
        all.push(marked(Span {
            line,
            column,
            end_line,
            end_column,
        }));
    }
    let whole = per_character(&mark_runs(text, &all));
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(
            whole
                .iter()
                .enumerate()
                .filter(|(_, c)| c.0 == '\n')
                .map(|(i, _)| i + 1),
        )
        .collect();
    let index = LineIndex::new(text);
    let lines = index.lines();
    for first in 0..lines {
        for count in 1..=lines - first {
            let from = line_starts[first];
            let to = line_starts
                .get(first + count)
                .copied()
                .unwrap_or(whole.len());
            let window = per_character(&window_runs(text, &index, &all, first, count));
            assert_eq!(window, whole[from..to], "lines {first}..{}", first + count);
        }
    }
}

#[test]
fn the_line_index_counts_lines_finds_the_widest_and_where_a_window_lies() {
    for (text, lines, widest) in [
        ("", 1, 0),
        ("ab\n", 2, 2),
        ("a\nb: c\nd", 3, 4),
        ("a\n名前", 2, 6),
    ] {
        let index = LineIndex::new(text);
        assert_eq!((index.lines(), index.widest()), (lines, widest), "{text:?}");
    }
    let index = LineIndex::new("a\nbc\n\nd");
    assert_eq!(index.bytes(0, 1), 0..2);
    assert_eq!(index.bytes(1, 2), 2..6);
    assert_eq!(index.bytes(3, 160), 6..7);
    assert_eq!(index.bytes(9, 160), 7..7);
}

#[test]
fn the_window_stays_while_the_screen_is_inside_it_and_moves_in_steps_when_it_leaves() {
    for (current, on_screen, expected) in [
        (0, 0..46, 0),
        (0, 100..146, 0),
        (0, 115..161, 60),
        (60, 30..76, 0),
        (60, 59..105, 0),
        (0, 1000..1046, 960),
        (960, 1005..1051, 960),
    ] {
        assert_eq!(
            window_start(current, on_screen.clone()),
            expected,
            "{current} {on_screen:?}"
        );
    }
}
