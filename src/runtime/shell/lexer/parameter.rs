//! The inside of `${…}`: the name and the operation (`:-`, `:=`, `:+`, `:?`,
//! `#`, `##`, `%`, `%%`, length), with operand words lexed in place, so
//! nested `${x:-${y:-…}}` costs time and memory in proportion to the text.
//! Nesting deeper than [`MAX_PARAMETER_NESTING`] is
//! [`SyntaxErrorKind::StackExhausted`].

use super::cursor::{flush, is_name_char, is_name_start, Lexer};
use crate::runtime::shell::ast::{Parameter, ParameterOperation, Word};
use crate::runtime::shell::syntax_error::{SyntaxError, SyntaxErrorKind};

/// The deepest nesting of `${…}` operands parsed. The real shells have no
/// limit of their own and die of SIGSEGV (139) when their 8 MiB stack runs
/// out (Debian 12, `echo ${x:-${x:-…ok…}}`): bash 5.2 after 12,183 levels,
/// dash 0.5.12 after 17,458, BusyBox 1.35.0 ash after 20,948. Parsing and
/// expanding a level takes podplay's release build 1 to 2 KiB of stack
/// natively; the engine's wasm stack is 8 MiB as theirs (`build.rs`; rust's
/// default is 1 MiB, with no guard page), so podplay runs 1,000 levels with
/// room to spare and ends deeper ones as the real shells' crash.
pub const MAX_PARAMETER_NESTING: usize = 1_000;

impl Lexer {
    /// Parses the inside of `${…}` (after the `${`) and its closing `}`.
    pub(super) fn braced_parameter(&mut self) -> Result<Parameter, SyntaxError> {
        let start = (self.position, self.line);
        if let Some(parameter) = self.length_parameter() {
            return Ok(parameter);
        }
        let name = match self.peek_char() {
            Some(c) if is_name_start(c) => self.take_while(is_name_char),
            Some(c) if c.is_ascii_digit() => self.take_while(|c| c.is_ascii_digit()),
            Some(c) if "?$!#@*-".contains(c) => {
                self.bump();
                c.to_string()
            }
            _ => return Err(self.bad_substitution(start)),
        };
        let colon = self.peek_char() == Some(':');
        if colon {
            self.bump();
        }
        let operation = match (colon, self.bump()) {
            (false, Some('}')) => ParameterOperation::Value,
            (_, Some('-')) => ParameterOperation::Default {
                colon,
                word: self.operand()?,
            },
            (_, Some('=')) => ParameterOperation::Assign {
                colon,
                word: self.operand()?,
            },
            (_, Some('+')) => ParameterOperation::Alternative {
                colon,
                word: self.operand()?,
            },
            (_, Some('?')) => ParameterOperation::Error {
                colon,
                word: self.operand()?,
            },
            (false, Some('#')) => ParameterOperation::RemovePrefix {
                longest: self.bump_if('#'),
                pattern: self.operand()?,
            },
            (false, Some('%')) => ParameterOperation::RemoveSuffix {
                longest: self.bump_if('%'),
                pattern: self.operand()?,
            },
            _ => return Err(self.bad_substitution(start)),
        };
        Ok(Parameter { name, operation })
    }

    /// `${#name}` (and `${#?}`, `${##}`), with its `}`, if that is what follows.
    fn length_parameter(&mut self) -> Option<Parameter> {
        if self.peek_char() != Some('#') {
            return None;
        }
        let mut end = self.position + 1;
        while self.chars.get(end).is_some_and(|c| *c != '}') {
            end += 1;
        }
        let name: String = self.chars.get(self.position + 1..end)?.iter().collect();
        if name.is_empty() || !(name.chars().all(is_name_char) || name.chars().count() == 1) {
            return None;
        }
        self.position = end + 1;
        Some(Parameter {
            name,
            operation: ParameterOperation::Length,
        })
    }

    /// The characters from here on that `keep` accepts.
    fn take_while(&mut self, keep: fn(char) -> bool) -> String {
        let mut taken = String::new();
        while let Some(c) = self.peek_char().filter(|c| keep(*c)) {
            self.bump();
            taken.push(c);
        }
        taken
    }

    /// Consumes `ch` if it is next.
    fn bump_if(&mut self, ch: char) -> bool {
        let next = self.peek_char() == Some(ch);
        if next {
            self.bump();
        }
        next
    }

    /// `bad substitution` for the `${…}` that starts at `start`, its whole text.
    fn bad_substitution(&mut self, start: (usize, usize)) -> SyntaxError {
        (self.position, self.line) = start;
        match self.balanced('}', 1, false) {
            Ok(text) => self.error(SyntaxErrorKind::BadSubstitution(format!("${{{text}}}"))),
            Err(error) => error,
        }
    }

    /// An operand word, up to the `}` that closes the `${`; blanks and
    /// metacharacters are part of it, `{…}` pairs too.
    fn operand(&mut self) -> Result<Word, SyntaxError> {
        if self.parameter_depth >= MAX_PARAMETER_NESTING {
            return Err(self.error(SyntaxErrorKind::StackExhausted));
        }
        self.parameter_depth += 1;
        let mut parts = Vec::new();
        let mut literal = String::new();
        let mut braces = 0_usize;
        let result = loop {
            match self.peek_char() {
                None => {
                    break Err(self.error(SyntaxErrorKind::UnexpectedEnd {
                        expecting: Some("}".into()),
                    }))
                }
                Some('}') if braces == 0 => {
                    self.bump();
                    flush(&mut literal, &mut parts);
                    break Ok(Word {
                        parts: std::mem::take(&mut parts),
                    });
                }
                Some(ch @ ('{' | '}')) => {
                    braces = if ch == '{' { braces + 1 } else { braces - 1 };
                    self.bump();
                    literal.push(ch);
                }
                Some(ch) => {
                    if let Err(error) = self.word_piece(ch, &mut literal, &mut parts) {
                        break Err(error);
                    }
                }
            }
        };
        self.parameter_depth -= 1;
        result
    }
}
