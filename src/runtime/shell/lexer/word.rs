//! Words: unquoted text, `'…'`, `"…"`, `\x`, and the `$…` and `` `…` ``
//! expansions inside them, each kept as a part with its quoting.

use super::cursor::{flush, is_metacharacter, is_name_char, is_name_start, Lexer};
use crate::runtime::shell::ast::{Parameter, ParameterOperation, Word, WordPart};
use crate::runtime::shell::syntax_error::{SyntaxError, SyntaxErrorKind};

impl Lexer {
    /// Reads one word (up to an unquoted metacharacter).
    pub(super) fn word(&mut self) -> Result<Word, SyntaxError> {
        let mut parts = Vec::new();
        let mut literal = String::new();
        while let Some(ch) = self.peek_char() {
            if is_metacharacter(ch) {
                break;
            }
            self.word_piece(ch, &mut literal, &mut parts)?;
        }
        flush(&mut literal, &mut parts);
        Ok(Word { parts })
    }

    /// Reads what starts with `ch` in an unquoted word: an escaped
    /// character, `'…'`, `"…"`, an expansion, or one literal character.
    pub(super) fn word_piece(
        &mut self,
        ch: char,
        literal: &mut String,
        parts: &mut Vec<WordPart>,
    ) -> Result<(), SyntaxError> {
        match ch {
            '\\' => {
                self.bump();
                match self.bump() {
                    Some('\n') => {}
                    Some(escaped) => {
                        flush(literal, parts);
                        parts.push(WordPart::SingleQuoted(escaped.to_string()));
                    }
                    None => literal.push('\\'),
                }
            }
            '\'' => {
                flush(literal, parts);
                self.bump();
                let mut text = String::new();
                loop {
                    match self.bump() {
                        Some('\'') => break,
                        Some(c) => text.push(c),
                        None => return Err(self.error(SyntaxErrorKind::UnterminatedQuote('\''))),
                    }
                }
                parts.push(WordPart::SingleQuoted(text));
            }
            '"' => {
                flush(literal, parts);
                self.bump();
                parts.push(WordPart::DoubleQuoted(self.double_quoted()?));
            }
            '$' | '`' => match self.dollar_or_backtick()? {
                Some(part) => {
                    flush(literal, parts);
                    parts.push(part);
                }
                None => literal.push('$'),
            },
            _ => {
                self.bump();
                literal.push(ch);
            }
        }
        Ok(())
    }

    /// Reads the inside of `"…"` after the opening quote.
    pub(super) fn double_quoted(&mut self) -> Result<Vec<WordPart>, SyntaxError> {
        let mut parts = Vec::new();
        let mut literal = String::new();
        loop {
            match self.peek_char() {
                None => return Err(self.error(SyntaxErrorKind::UnterminatedQuote('"'))),
                Some('"') => {
                    self.bump();
                    break;
                }
                Some('\\') => {
                    self.bump();
                    match self.bump() {
                        Some(c @ ('$' | '`' | '"' | '\\')) => literal.push(c),
                        Some('\n') => {}
                        Some(c) => {
                            literal.push('\\');
                            literal.push(c);
                        }
                        None => return Err(self.error(SyntaxErrorKind::UnterminatedQuote('"'))),
                    }
                }
                Some('$' | '`') => match self.dollar_or_backtick()? {
                    Some(part) => {
                        flush(&mut literal, &mut parts);
                        parts.push(part);
                    }
                    None => literal.push('$'),
                },
                Some(c) => {
                    self.bump();
                    literal.push(c);
                }
            }
        }
        flush(&mut literal, &mut parts);
        Ok(parts)
    }

    /// Reads `$…` or `` `…` `` at the current position; `None` for a lone `$`
    /// (which the caller keeps as a literal, already consumed).
    pub(super) fn dollar_or_backtick(&mut self) -> Result<Option<WordPart>, SyntaxError> {
        let line = self.line;
        if self.bump() == Some('`') {
            let mut text = String::new();
            loop {
                match self.bump() {
                    Some('`') => break,
                    Some('\\') => match self.bump() {
                        Some(c @ ('`' | '\\' | '$')) => text.push(c),
                        Some(c) => {
                            text.push('\\');
                            text.push(c);
                        }
                        None => return Err(self.error(SyntaxErrorKind::UnterminatedQuote('`'))),
                    },
                    Some(c) => text.push(c),
                    None => return Err(self.error(SyntaxErrorKind::UnterminatedQuote('`'))),
                }
            }
            return Ok(Some(WordPart::CommandSubstitution(Box::new((self
                .parse_nested)(
                &text,
                line,
                self.depth + 1,
            )?))));
        }
        match self.peek_char() {
            Some('(') if self.peek_at(1) == Some('(') => {
                self.bump();
                self.bump();
                let text = self.balanced(')', 2, true)?;
                Ok(Some(WordPart::Arithmetic(text.trim().to_string())))
            }
            Some('(') => {
                self.bump();
                let text = self.balanced(')', 1, false)?;
                Ok(Some(WordPart::CommandSubstitution(Box::new((self
                    .parse_nested)(
                    &text,
                    line,
                    self.depth + 1,
                )?))))
            }
            Some('{') => {
                self.bump();
                Ok(Some(WordPart::Parameter(self.braced_parameter()?)))
            }
            Some(c) if is_name_start(c) => {
                let mut name = String::new();
                while let Some(c) = self.peek_char().filter(|c| is_name_char(*c)) {
                    self.bump();
                    name.push(c);
                }
                Ok(Some(WordPart::Parameter(Parameter {
                    name,
                    operation: ParameterOperation::Value,
                })))
            }
            Some(c) if c.is_ascii_digit() || "?$!#@*-".contains(c) => {
                self.bump();
                Ok(Some(WordPart::Parameter(Parameter {
                    name: c.to_string(),
                    operation: ParameterOperation::Value,
                })))
            }
            _ => Ok(None),
        }
    }

    /// Reads up to the `close` that balances `depth` open ones (the opening
    /// ones already consumed), skipping quoted text; returns the inside. For
    /// `$((…))` (`arithmetic`) the last two parens close it.
    pub(super) fn balanced(
        &mut self,
        close: char,
        depth: usize,
        arithmetic: bool,
    ) -> Result<String, SyntaxError> {
        let open = if close == ')' { '(' } else { '{' };
        let mut depth = depth;
        let mut text = String::new();
        let mut quote: Option<char> = None;
        loop {
            let Some(ch) = self.bump() else {
                return Err(self.error(SyntaxErrorKind::UnexpectedEnd {
                    expecting: Some(close.to_string()),
                }));
            };
            match (quote, ch) {
                (Some(q), c) if c == q => quote = None,
                (Some('"'), '\\') | (None, '\\') => {
                    text.push(ch);
                    if let Some(next) = self.bump() {
                        text.push(next);
                    }
                    continue;
                }
                (Some(_), _) => {}
                (None, '\'' | '"') => quote = Some(ch),
                (None, c) if c == open => depth += 1,
                (None, c) if c == close => {
                    depth -= 1;
                    if depth == 0 {
                        // `$((…))` closes with two parens; the first is in `text`.
                        if arithmetic {
                            text.pop();
                        }
                        return Ok(text);
                    }
                }
                _ => {}
            }
            text.push(ch);
        }
    }
}
