//! Syntax errors as data, and their wording: which shell is speaking
//! ([`Flavor`]), what went wrong ([`SyntaxErrorKind`]), and the message busybox
//! `sh`, GNU `bash` or dash prints for it. It knows no tokens and no grammar.

use std::fmt;

/// Which shell's words to use for errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// busybox `sh` (busybox, alpine): `sh: syntax error: unexpected "done"`.
    Busybox,
    /// GNU bash (centos's `sh`, and `bash` everywhere): `bash: -c: line 1: syntax error near unexpected token `done'`.
    Bash,
    /// dash, Debian's and Ubuntu's `/bin/sh`: `sh: 1: Syntax error: "done" unexpected`.
    Dash,
}

/// The deepest nesting of compound commands and substitutions accepted; deeper
/// input is refused instead of exhausting the stack.
pub const MAX_NESTING: usize = 50;

/// Why a script cannot be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// The line of the problem (1-based).
    pub line: usize,
    /// What went wrong.
    pub kind: SyntaxErrorKind,
}

/// The kinds of syntax error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// A token where it cannot be (`done` without `do`, a stray `)`).
    UnexpectedToken(String),
    /// The text ended inside a construct; `expecting` names what was missing.
    UnexpectedEnd { expecting: Option<String> },
    /// A quote opened and never closed.
    UnterminatedQuote(char),
    /// A `${…}` that is not a parameter expansion.
    BadSubstitution(String),
    /// Compound commands or substitutions nested deeper than [`MAX_NESTING`].
    TooDeep,
    /// `${…}` operands nested deeper than the lexer's limit: where the real
    /// shells run out of stack and die of SIGSEGV, silently.
    StackExhausted,
}

/// Exit code of a shell killed by SIGSEGV (128 + 11).
pub const SEGFAULT_EXIT: i32 = 139;

impl SyntaxError {
    /// The exit code of the shell that met this error: 2, or 139 when the
    /// real shell would have died of SIGSEGV ([`SyntaxErrorKind::StackExhausted`]).
    pub fn exit_code(&self) -> i32 {
        match self.kind {
            SyntaxErrorKind::StackExhausted => SEGFAULT_EXIT,
            _ => 2,
        }
    }

    /// The error as `flavor`'s shell prints it for `sh -c` / `bash -c` text.
    pub fn message(&self, flavor: Flavor) -> String {
        match (flavor, &self.kind) {
            (_, SyntaxErrorKind::StackExhausted) => String::new(),
            (Flavor::Busybox, SyntaxErrorKind::UnexpectedToken(token)) => {
                format!("sh: syntax error: unexpected \"{token}\"")
            }
            (
                Flavor::Busybox,
                SyntaxErrorKind::UnexpectedEnd {
                    expecting: Some(what),
                },
            ) => {
                format!("sh: syntax error: unexpected end of file (expecting \"{what}\")")
            }
            (Flavor::Busybox, SyntaxErrorKind::UnexpectedEnd { expecting: None }) => {
                "sh: syntax error: unexpected end of file".to_string()
            }
            (Flavor::Busybox, SyntaxErrorKind::UnterminatedQuote(_)) => {
                "sh: syntax error: unterminated quoted string".to_string()
            }
            (Flavor::Busybox, SyntaxErrorKind::BadSubstitution(text)) => {
                format!("sh: syntax error: bad substitution: {text}")
            }
            (Flavor::Busybox, SyntaxErrorKind::TooDeep) => {
                format!("sh: syntax error: nested more than {MAX_NESTING} levels deep")
            }
            (Flavor::Bash, SyntaxErrorKind::TooDeep) => format!(
                "bash: -c: line {}: nested more than {MAX_NESTING} levels deep",
                self.line
            ),
            (Flavor::Dash, SyntaxErrorKind::UnexpectedToken(token)) => {
                format!("sh: {}: Syntax error: \"{token}\" unexpected", self.line)
            }
            (
                Flavor::Dash,
                SyntaxErrorKind::UnexpectedEnd {
                    expecting: Some(what),
                },
            ) => format!(
                "sh: {}: Syntax error: end of file unexpected (expecting \"{what}\")",
                self.line
            ),
            (Flavor::Dash, SyntaxErrorKind::UnexpectedEnd { expecting: None }) => {
                format!("sh: {}: Syntax error: end of file unexpected", self.line)
            }
            (Flavor::Dash, SyntaxErrorKind::UnterminatedQuote(_)) => {
                format!(
                    "sh: {}: Syntax error: Unterminated quoted string",
                    self.line
                )
            }
            (Flavor::Dash, SyntaxErrorKind::BadSubstitution(text)) => {
                format!("sh: {}: Bad substitution: {text}", self.line)
            }
            (Flavor::Dash, SyntaxErrorKind::TooDeep) => format!(
                "sh: {}: Syntax error: nested more than {MAX_NESTING} levels deep",
                self.line
            ),
            (Flavor::Bash, SyntaxErrorKind::UnexpectedToken(token)) => format!(
                "bash: -c: line {}: syntax error near unexpected token `{token}'",
                self.line
            ),
            (Flavor::Bash, SyntaxErrorKind::UnexpectedEnd { .. }) => format!(
                "bash: -c: line {}: syntax error: unexpected end of file",
                self.line
            ),
            (Flavor::Bash, SyntaxErrorKind::UnterminatedQuote(quote)) => format!(
                "bash: -c: line {}: unexpected EOF while looking for matching `{quote}'",
                self.line
            ),
            (Flavor::Bash, SyntaxErrorKind::BadSubstitution(text)) => {
                format!("bash: {text}: bad substitution")
            }
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Flavor::Busybox))
    }
}
