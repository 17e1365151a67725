//! The shell's syntax tree: a program's lists, pipelines, commands and
//! words, each word keeping its quoting. `display.rs` prints the tree back.

mod display;

/// A whole script: its commands and the bodies of its here-documents.
#[derive(Debug, Clone, PartialEq)]
pub struct Program {
    /// The commands, in order.
    pub body: List,
    /// Here-document bodies, indexed by [`RedirectTarget::HereDoc`].
    pub heredocs: Vec<HereDoc>,
}

/// A here-document's body and whether `$…` in it is expanded.
#[derive(Debug, Clone, PartialEq)]
pub struct HereDoc {
    /// The text between the operator's line and the delimiter.
    pub body: String,
    /// False when the delimiter was quoted (`<<'EOF'`): the body is literal.
    pub expand: bool,
}

/// Commands separated by `;`, `&` or newlines.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct List {
    pub items: Vec<ListItem>,
}

/// One and-or list and whether it runs in the background (`&`).
#[derive(Debug, Clone, PartialEq)]
pub struct ListItem {
    pub and_or: AndOr,
    pub background: bool,
}

/// Pipelines joined by `&&` and `||`.
#[derive(Debug, Clone, PartialEq)]
pub struct AndOr {
    pub first: Pipeline,
    pub rest: Vec<(Connector, Pipeline)>,
}

/// `&&` or `||`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Connector {
    And,
    Or,
}

/// Commands joined by `|`, maybe negated with `!`.
#[derive(Debug, Clone, PartialEq)]
pub struct Pipeline {
    pub negated: bool,
    pub commands: Vec<Command>,
}

/// One command.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// `NAME=value … word … redirections`.
    Simple {
        assignments: Vec<(String, Word)>,
        words: Vec<Word>,
        redirects: Vec<Redirect>,
    },
    /// A compound command with redirections applying to all of it.
    Compound {
        body: CompoundCommand,
        redirects: Vec<Redirect>,
    },
    /// `name() { … }` or `function name { … }`.
    FunctionDefinition { name: String, body: Box<Command> },
}

/// `if`, loops, `case`, `{ … }` and `( … )`.
#[derive(Debug, Clone, PartialEq)]
pub enum CompoundCommand {
    /// `if c; then …; elif c; then …; else …; fi`
    If {
        branches: Vec<(List, List)>,
        otherwise: Option<List>,
    },
    /// `for name in words; do …; done` (`words` absent: `"$@"`).
    For {
        name: String,
        words: Option<Vec<Word>>,
        body: List,
    },
    /// `while c; do …; done`
    While { condition: List, body: List },
    /// `until c; do …; done`
    Until { condition: List, body: List },
    /// `case word in pattern) …;; esac`
    Case { word: Word, arms: Vec<CaseArm> },
    /// `{ …; }`
    Group(List),
    /// `( … )`
    Subshell(List),
}

/// One `pattern|pattern) commands ;;` of a `case`.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseArm {
    pub patterns: Vec<Word>,
    pub body: List,
}

/// A redirection: which descriptor, how, and to what.
#[derive(Debug, Clone, PartialEq)]
pub struct Redirect {
    /// The descriptor redirected (0 for `<`, 1 for `>` unless given).
    pub fd: u32,
    pub kind: RedirectKind,
    pub target: RedirectTarget,
}

/// The redirection operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RedirectKind {
    /// `<`
    Input,
    /// `>`
    Output,
    /// `>>`
    Append,
    /// `>&N` / `<&N`
    Duplicate,
    /// `&>` (stdout and stderr to a file, bash)
    OutputAndError,
    /// `<<` / `<<-`
    HereDoc,
}

/// What a redirection points at.
#[derive(Debug, Clone, PartialEq)]
pub enum RedirectTarget {
    /// A file name (expanded at run time) or a descriptor number for `>&`.
    Word(Word),
    /// The index of a here-document body in [`Program::heredocs`].
    HereDoc(usize),
}

/// A word: parts concatenated, each keeping its quoting.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Word {
    pub parts: Vec<WordPart>,
}

/// A piece of a word.
#[derive(Debug, Clone, PartialEq)]
pub enum WordPart {
    /// Unquoted text (subject to brace expansion, splitting and globbing).
    Literal(String),
    /// `'text'`
    SingleQuoted(String),
    /// `"…"` with its own expansions.
    DoubleQuoted(Vec<WordPart>),
    /// `$name`, `${name}`, `${name:-word}`, `$?`, `$1`, …
    Parameter(Parameter),
    /// `$(…)` or `` `…` ``
    CommandSubstitution(Box<Program>),
    /// `$((…))`: the expression text, evaluated at run time.
    Arithmetic(String),
}

/// A parameter expansion.
#[derive(Debug, Clone, PartialEq)]
pub struct Parameter {
    /// The name: a variable, a digit, or one of `? $ ! # @ * -`.
    pub name: String,
    /// What to do with it.
    pub operation: ParameterOperation,
}

/// The forms of `${…}`.
#[derive(Debug, Clone, PartialEq)]
pub enum ParameterOperation {
    /// `$name`
    Value,
    /// `${#name}`
    Length,
    /// `${name:-word}` (`colon`: also when empty)
    Default { colon: bool, word: Word },
    /// `${name:=word}`
    Assign { colon: bool, word: Word },
    /// `${name:+word}`
    Alternative { colon: bool, word: Word },
    /// `${name:?word}`
    Error { colon: bool, word: Word },
    /// `${name#pattern}` / `##`
    RemovePrefix { longest: bool, pattern: Word },
    /// `${name%pattern}` / `%%`
    RemoveSuffix { longest: bool, pattern: Word },
}

impl Word {
    /// The word's text if it is one unquoted literal (reserved words, names).
    pub fn as_literal(&self) -> Option<&str> {
        match self.parts.as_slice() {
            [WordPart::Literal(text)] => Some(text),
            _ => None,
        }
    }

    /// A word made of one unquoted literal.
    pub fn literal(text: &str) -> Word {
        Word {
            parts: vec![WordPart::Literal(text.to_string())],
        }
    }
}
