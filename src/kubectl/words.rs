//! Splits a console command line into words and operators, as a shell would
//! before running it: quotes group, backslashes escape, `#` at the start of a
//! word begins a comment, and `|`, `>`, `>>`, `<<`, `<<-` stand apart.

use std::fmt;

/// One piece of a command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// A word with its quotes removed.
    Word(String),
    /// A shell operator.
    Operator(&'static str),
}

impl Token {
    /// The word, or the operator's own characters (for programs such as
    /// redis-cli that give them no meaning).
    pub fn text(&self) -> String {
        match self {
            Token::Word(word) => word.clone(),
            Token::Operator(operator) => operator.to_string(),
        }
    }
}

/// Why a line could not be split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordsError {
    /// A quote was opened and never closed.
    UnterminatedQuote(char),
}

impl fmt::Display for WordsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WordsError::UnterminatedQuote(quote) => {
                write!(f, "unexpected EOF while looking for matching `{quote}'")
            }
        }
    }
}

const OPERATORS: [&str; 5] = ["<<-", "<<", ">>", ">", "|"];

/// Splits `line` into tokens.
pub fn split_words(line: &str) -> Result<Vec<Token>, WordsError> {
    let mut tokens = Vec::new();
    let mut current: Option<String> = None;
    let mut chars = line.char_indices().peekable();
    while let Some((position, ch)) = chars.next() {
        match ch {
            ' ' | '\t' | '\n' => {
                if let Some(word) = current.take() {
                    tokens.push(Token::Word(word));
                }
            }
            '#' if current.is_none() => break,
            '\'' => {
                let word = current.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some((_, '\'')) => break,
                        Some((_, c)) => word.push(c),
                        None => return Err(WordsError::UnterminatedQuote('\'')),
                    }
                }
            }
            '"' => {
                let word = current.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some((_, '"')) => break,
                        Some((_, '\\')) => match chars.next() {
                            Some((_, c @ ('"' | '\\' | '$' | '`'))) => word.push(c),
                            Some((_, c)) => {
                                word.push('\\');
                                word.push(c);
                            }
                            None => return Err(WordsError::UnterminatedQuote('"')),
                        },
                        Some((_, c)) => word.push(c),
                        None => return Err(WordsError::UnterminatedQuote('"')),
                    }
                }
            }
            '\\' => {
                if let Some((_, c)) = chars.next() {
                    current.get_or_insert_with(String::new).push(c);
                }
            }
            '<' | '>' | '|' => {
                let operator = OPERATORS
                    .iter()
                    .find(|op| line[position..].starts_with(**op))
                    .copied();
                match operator {
                    Some(op) => {
                        if let Some(word) = current.take() {
                            tokens.push(Token::Word(word));
                        }
                        for _ in 1..op.len() {
                            chars.next();
                        }
                        tokens.push(Token::Operator(op));
                    }
                    None => current.get_or_insert_with(String::new).push(ch),
                }
            }
            _ => current.get_or_insert_with(String::new).push(ch),
        }
    }
    if let Some(word) = current {
        tokens.push(Token::Word(word));
    }
    Ok(tokens)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(line: &str) -> String {
        match split_words(line) {
            Ok(tokens) => tokens
                .iter()
                .map(|token| match token {
                    Token::Word(word) => format!("[{word}]"),
                    Token::Operator(op) => format!("<{op}>"),
                })
                .collect::<Vec<_>>()
                .join(" "),
            Err(error) => format!("error: {error}"),
        }
    }

    #[test]
    fn words_split_on_blanks_and_quotes_group() {
        assert_eq!(
            show(r#"kubectl  exec -it p -- sh -c 'echo "hi there"'"#),
            "[kubectl] [exec] [-it] [p] [--] [sh] [-c] [echo \"hi there\"]"
        );
    }

    #[test]
    fn operators_stand_apart_even_without_blanks() {
        assert_eq!(
            show("cat >pod.yaml <<'EOF'"),
            "[cat] <>> [pod.yaml] <<<> [EOF]"
        );
        assert_eq!(show("a|b >> c"), "[a] <|> [b] <>>> [c]");
    }

    #[test]
    fn a_hash_starts_a_comment_only_at_a_word_start() {
        assert_eq!(show("echo a#b # comment"), "[echo] [a#b]");
    }

    #[test]
    fn an_unclosed_quote_is_an_error() {
        assert_eq!(
            show("echo 'oops"),
            "error: unexpected EOF while looking for matching `''"
        );
    }
}
