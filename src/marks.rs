//! How to draw the editor's text: cut into runs, each with its YAML token
//! kind (for syntax colours) and the diagnostic that marks it, if any (for
//! squiggles). The UI draws these runs in a layer behind the textarea, so
//! the colours and squiggles sit exactly under the text. A [`Problem`] is a
//! diagnostic as the editor shows and lists it (kubectl's words and the
//! learner's explanation); the marks know nothing of the engine or the page.

use crate::spec::{explain, Diagnostic, Explanation, Severity, Span};
use serde::{Deserialize, Serialize};

/// A diagnostic as the editor shows it: where, how bad, kubectl's words and
/// the learner's explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// Where it is in the editor's text.
    pub span: Span,
    /// Error, warning or info.
    pub severity: Severity,
    /// The API server's (or kubectl's) own text.
    pub message: String,
    /// What it means and how to fix it, in both languages.
    pub explanation: Explanation,
}

impl From<&Diagnostic> for Problem {
    fn from(diagnostic: &Diagnostic) -> Problem {
        Problem {
            span: diagnostic.span,
            severity: diagnostic.severity(),
            message: diagnostic.kind.to_string(),
            explanation: explain(&diagnostic.kind),
        }
    }
}

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

/// A kind of YAML token, for colouring.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Indentation, values without a kind of their own.
    Plain,
    /// A mapping key.
    Key,
    /// A quoted string.
    String,
    /// A number, a boolean or null.
    Literal,
    /// `#` to the end of the line.
    Comment,
    /// `-`, `:`, `[`, `]`, `{`, `}`, `,`, `---`, `|`, `>`.
    Punctuation,
}

impl TokenKind {
    /// The CSS class that colours it.
    pub fn class(self) -> &'static str {
        match self {
            TokenKind::Plain => "tok-plain",
            TokenKind::Key => "tok-key",
            TokenKind::String => "tok-string",
            TokenKind::Literal => "tok-literal",
            TokenKind::Comment => "tok-comment",
            TokenKind::Punctuation => "tok-punct",
        }
    }
}

/// The token kind of every character of one line (a line-by-line
/// approximation of YAML's lexer: keys before `: `, quoted strings,
/// literals, comments, indicators).
fn line_tokens(line: &[char], kinds: &mut Vec<TokenKind>) {
    let start = kinds.len();
    kinds.resize(start + line.len(), TokenKind::Plain);
    let kinds = &mut kinds[start..];
    let text: String = line.iter().collect();
    if text.trim_start().starts_with("---") || text.trim_start().starts_with("...") {
        kinds.fill(TokenKind::Punctuation);
        return;
    }
    // The comment: a `#` at the start or after a blank, outside quotes.
    let mut quote: Option<char> = None;
    let mut comment = line.len();
    for (i, c) in line.iter().enumerate() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(*c),
            (Some(q), c) if *c == q => quote = None,
            (None, '#') if i == 0 || line[i - 1].is_whitespace() => {
                comment = i;
                break;
            }
            _ => {}
        }
    }
    kinds[comment..].fill(TokenKind::Comment);
    let mut i = 0;
    // Indentation and sequence dashes.
    while i < comment {
        match line[i] {
            ' ' | '\t' => i += 1,
            '-' if line.get(i + 1).is_none_or(|c| c.is_whitespace()) => {
                kinds[i] = TokenKind::Punctuation;
                i += 1;
            }
            _ => break,
        }
    }
    // A key: text up to `:` followed by a blank or the end.
    let rest = &line[i..comment];
    let colon = (0..rest.len()).find(|&j| {
        rest[j] == ':'
            && rest.get(j + 1).is_none_or(|c| c.is_whitespace())
            && !matches!(rest[0], '"' | '\'' | '[' | '{')
    });
    if let Some(j) = colon {
        kinds[i..i + j].fill(TokenKind::Key);
        kinds[i + j] = TokenKind::Punctuation;
        i += j + 1;
    }
    // The value.
    let value = &line[i..comment];
    let from = i + value.iter().take_while(|c| c.is_whitespace()).count();
    let to = i + value.len() - value.iter().rev().take_while(|c| c.is_whitespace()).count();
    if from >= to {
        return;
    }
    let trimmed: String = line[from..to].iter().collect();
    let trimmed = trimmed.as_str();
    let kind = match trimmed.chars().next() {
        Some('"' | '\'') => TokenKind::String,
        Some('|' | '>') if trimmed.len() <= 3 => TokenKind::Punctuation,
        _ if is_literal(trimmed) => TokenKind::Literal,
        _ => TokenKind::Plain,
    };
    kinds[from..to].fill(kind);
    if matches!(line[from], '[' | '{') {
        flow_tokens(&line[from..to], &mut kinds[from..to]);
    }
}

/// The token kinds inside a flow collection (`[80, "a"]`, `{a: 1}`): its
/// indicators, and each item's kind.
fn flow_tokens(flow: &[char], kinds: &mut [TokenKind]) {
    let mut item_start = 0;
    for end in 0..=flow.len() {
        let at_indicator = end == flow.len() || matches!(flow[end], '[' | ']' | '{' | '}' | ',');
        if !at_indicator {
            continue;
        }
        if end < flow.len() {
            kinds[end] = TokenKind::Punctuation;
        }
        let item = &flow[item_start..end];
        let from = item_start + item.iter().take_while(|c| c.is_whitespace()).count();
        let to = end - item.iter().rev().take_while(|c| c.is_whitespace()).count();
        if from < to {
            let trimmed: String = flow[from..to].iter().collect();
            let kind = match flow[from] {
                '"' | '\'' => TokenKind::String,
                _ if is_literal(&trimmed) => TokenKind::Literal,
                _ => TokenKind::Plain,
            };
            kinds[from..to].fill(kind);
        }
        item_start = end + 1;
    }
}

/// Whether a plain scalar is a number, a boolean or null (YAML 1.1, as kubectl reads it).
fn is_literal(text: &str) -> bool {
    matches!(
        text,
        "true" | "false" | "yes" | "no" | "on" | "off" | "True" | "False" | "null" | "~"
    ) || text.parse::<f64>().is_ok()
}

/// Cuts `text` into runs marked by `diagnostics` (as the editor gets them:
/// [`Problem`]s). Where spans overlap, the earlier diagnostic wins; an empty
/// span marks one character (or the character before it at the end of a
/// line), so every diagnostic is visible.
pub fn mark_runs(text: &str, diagnostics: &[Problem]) -> Vec<Run> {
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
    let mut tokens = Vec::with_capacity(chars.len());
    for line in chars.split(|c| *c == '\n') {
        line_tokens(line, &mut tokens);
        tokens.push(TokenKind::Plain);
    }
    let mut runs: Vec<Run> = Vec::new();
    for ((ch, mark), token) in chars.into_iter().zip(owner).zip(tokens) {
        // A newline never carries a squiggle.
        let mark = if ch == '\n' { None } else { mark };
        match runs.last_mut() {
            Some(run) if run.diagnostic == mark && run.token == token => run.text.push(ch),
            _ => runs.push(Run {
                text: ch.to_string(),
                diagnostic: mark,
                severity: mark.map(|i| diagnostics[i].severity),
                token,
            }),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::{parse_manifests, Diagnostic};

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
}
