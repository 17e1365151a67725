//! The lexer's state over one script and its reading primitives: peeking,
//! consuming (counting lines), errors at the current line, and the token loop
//! that skips blanks and comments and dispatches to operators and words.

use super::token::Token;
use crate::runtime::shell::ast::{HereDoc, Program, WordPart};
use crate::runtime::shell::syntax_error::{SyntaxError, SyntaxErrorKind};

/// How the lexer parses the inside of `$(…)` and `` `…` ``: the text, the line
/// it starts on and how deep it is nested. The parser passes its own entry, so
/// the lexer needs not import the parser that imports it.
pub type ParseNested = fn(&str, usize, usize) -> Result<Program, SyntaxError>;

/// A here-document waiting for its body.
pub(super) struct PendingHereDoc {
    /// Its index in [`Lexer::heredocs`].
    pub(super) index: usize,
    /// The line that ends the body.
    pub(super) delimiter: String,
    /// Whether leading tabs are stripped (`<<-`).
    pub(super) strip_tabs: bool,
}

/// The lexer's state over one script.
pub struct Lexer {
    /// The text, as characters.
    pub(super) chars: Vec<char>,
    /// The index of the next character in `chars`.
    pub(super) position: usize,
    /// The current line (1-based), for errors.
    pub line: usize,
    /// Here-documents registered but not yet read.
    pub(super) pending: Vec<PendingHereDoc>,
    /// Here-document bodies, by index.
    pub heredocs: Vec<HereDoc>,
    /// How deeply nested the parser is, counted across substitutions.
    pub depth: usize,
    /// How deeply nested the `${…}` operand being read is.
    pub(super) parameter_depth: usize,
    /// Parses the text of a command substitution.
    pub(super) parse_nested: ParseNested,
}

/// Whether `ch` ends an unquoted word.
pub(super) fn is_metacharacter(ch: char) -> bool {
    matches!(
        ch,
        ' ' | '\t' | '\n' | ';' | '&' | '|' | '(' | ')' | '<' | '>'
    )
}

/// Whether `ch` may start a variable name.
pub(super) fn is_name_start(ch: char) -> bool {
    ch.is_ascii_alphabetic() || ch == '_'
}

/// Whether `ch` may continue a variable name.
pub(super) fn is_name_char(ch: char) -> bool {
    ch.is_ascii_alphanumeric() || ch == '_'
}

impl Lexer {
    /// A lexer over `text` whose first line is `line`, `depth` levels deep;
    /// `parse_nested` parses its command substitutions.
    pub fn new(text: &str, line: usize, depth: usize, parse_nested: ParseNested) -> Lexer {
        Lexer {
            chars: text.chars().collect(),
            position: 0,
            line,
            pending: Vec::new(),
            heredocs: Vec::new(),
            depth,
            parameter_depth: 0,
            parse_nested,
        }
    }

    pub(super) fn peek_char(&self) -> Option<char> {
        self.chars.get(self.position).copied()
    }

    pub(super) fn peek_at(&self, offset: usize) -> Option<char> {
        self.chars.get(self.position + offset).copied()
    }

    pub(super) fn bump(&mut self) -> Option<char> {
        let ch = self.chars.get(self.position).copied()?;
        self.position += 1;
        if ch == '\n' {
            self.line += 1;
        }
        Some(ch)
    }

    pub(super) fn error(&self, kind: SyntaxErrorKind) -> SyntaxError {
        SyntaxError {
            line: self.line,
            kind,
        }
    }

    /// The next token.
    pub fn next_token(&mut self) -> Result<Token, SyntaxError> {
        loop {
            match self.peek_char() {
                Some(' ' | '\t') => {
                    self.bump();
                }
                Some('\\') if self.peek_at(1) == Some('\n') => {
                    self.bump();
                    self.bump();
                }
                Some('#') => {
                    while let Some(ch) = self.peek_char() {
                        if ch == '\n' {
                            break;
                        }
                        self.bump();
                    }
                }
                _ => break,
            }
        }
        let Some(ch) = self.peek_char() else {
            return Ok(Token::End);
        };
        if ch == '\n' {
            self.bump();
            self.read_heredoc_bodies()?;
            return Ok(Token::Newline);
        }
        if let Some(operator) = self.operator() {
            return Ok(Token::Operator(operator));
        }
        Ok(Token::Word(self.word()?))
    }
}

/// Ends the literal run being collected, as a part of its own.
pub(super) fn flush(literal: &mut String, parts: &mut Vec<WordPart>) {
    if !literal.is_empty() {
        parts.push(WordPart::Literal(std::mem::take(literal)));
    }
}
