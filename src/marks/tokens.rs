//! The syntax colours: each character's YAML token kind, found line by
//! line (a line's colours depend on that line alone, so any run of lines
//! can be coloured without the rest of the text).

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
pub(super) fn line_tokens(line: &[char], kinds: &mut Vec<TokenKind>) {
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
