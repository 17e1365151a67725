//! What expansion asks of the running shell ([`Context`]) and how it fails
//! ([`ExpandError`]). It knows no syntax and no process.

/// What expansion needs from the running shell.
pub trait Context {
    /// A variable or special parameter (`?`, `$`, `!`, `#`, `0`–`9`); `None` when unset.
    fn variable(&self, name: &str) -> Option<String>;
    /// The positional parameters, for `$@` and `$*`.
    fn positional(&self) -> Vec<String>;
    /// Sets a variable (for `${x:=word}` and arithmetic assignment).
    fn assign(&mut self, name: &str, value: String);
    /// The output of the next command substitution, in order.
    fn substitution(&mut self) -> String;
    /// Paths matching `pattern`, sorted; empty when none match.
    fn glob(&self, pattern: &str) -> Vec<String>;
    /// Prints `message` as the shell's error on standard error, and goes on
    /// (bash's `brace expansion: failed to allocate memory …`).
    fn warn(&mut self, message: &str);
}

/// Why an expansion failed, as the shell words it after `sh: `.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpandError(pub String);
