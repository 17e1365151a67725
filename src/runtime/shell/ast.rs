//! The shell's syntax tree. `Display` prints a compact, stable form for golden
//! tests: words as the shell would re-quote them, commands as S-expressions.

use std::fmt;

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

impl fmt::Display for Word {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for part in &self.parts {
            write!(f, "{part}")?;
        }
        Ok(())
    }
}

impl fmt::Display for WordPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WordPart::Literal(text) => f.write_str(text),
            WordPart::SingleQuoted(text) => write!(f, "'{text}'"),
            WordPart::DoubleQuoted(parts) => {
                f.write_str("\"")?;
                for part in parts {
                    write!(f, "{part}")?;
                }
                f.write_str("\"")
            }
            WordPart::Parameter(parameter) => write!(f, "{parameter}"),
            WordPart::CommandSubstitution(program) => write!(f, "$({})", program.body),
            WordPart::Arithmetic(expression) => write!(f, "$(({expression}))"),
        }
    }
}

impl fmt::Display for Parameter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let colon = |c: &bool| if *c { ":" } else { "" };
        let name = &self.name;
        match &self.operation {
            ParameterOperation::Value => write!(f, "${{{name}}}"),
            ParameterOperation::Length => write!(f, "${{#{name}}}"),
            ParameterOperation::Default { colon: c, word } => {
                write!(f, "${{{name}{}-{word}}}", colon(c))
            }
            ParameterOperation::Assign { colon: c, word } => {
                write!(f, "${{{name}{}={word}}}", colon(c))
            }
            ParameterOperation::Alternative { colon: c, word } => {
                write!(f, "${{{name}{}+{word}}}", colon(c))
            }
            ParameterOperation::Error { colon: c, word } => {
                write!(f, "${{{name}{}?{word}}}", colon(c))
            }
            ParameterOperation::RemovePrefix { longest, pattern } => {
                write!(
                    f,
                    "${{{name}{}{pattern}}}",
                    if *longest { "##" } else { "#" }
                )
            }
            ParameterOperation::RemoveSuffix { longest, pattern } => {
                write!(
                    f,
                    "${{{name}{}{pattern}}}",
                    if *longest { "%%" } else { "%" }
                )
            }
        }
    }
}

impl fmt::Display for List {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, item) in self.items.iter().enumerate() {
            if index > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{}", item.and_or)?;
            if item.background {
                f.write_str(" &")?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for AndOr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.rest.is_empty() {
            return write!(f, "{}", self.first);
        }
        write!(f, "(and-or {}", self.first)?;
        for (connector, pipeline) in &self.rest {
            let op = match connector {
                Connector::And => "&&",
                Connector::Or => "||",
            };
            write!(f, " {op} {pipeline}")?;
        }
        f.write_str(")")
    }
}

impl fmt::Display for Pipeline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.commands.len() == 1 && !self.negated {
            return write!(f, "{}", self.commands[0]);
        }
        f.write_str(if self.negated { "(! " } else { "(pipe " })?;
        for (index, command) in self.commands.iter().enumerate() {
            if index > 0 {
                f.write_str(" | ")?;
            }
            write!(f, "{command}")?;
        }
        f.write_str(")")
    }
}

fn write_redirects(f: &mut fmt::Formatter<'_>, redirects: &[Redirect]) -> fmt::Result {
    for redirect in redirects {
        let op = match redirect.kind {
            RedirectKind::Input => "<",
            RedirectKind::Output => ">",
            RedirectKind::Append => ">>",
            RedirectKind::Duplicate => ">&",
            RedirectKind::OutputAndError => "&>",
            RedirectKind::HereDoc => "<<",
        };
        match &redirect.target {
            RedirectTarget::Word(word) => write!(f, " {}{op}{word}", redirect.fd)?,
            RedirectTarget::HereDoc(index) => write!(f, " {}{op}#{index}", redirect.fd)?,
        }
    }
    Ok(())
}

fn write_words(f: &mut fmt::Formatter<'_>, words: &[Word]) -> fmt::Result {
    for word in words {
        write!(f, " [{word}]")?;
    }
    Ok(())
}

impl fmt::Display for Command {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Command::Simple {
                assignments,
                words,
                redirects,
            } => {
                f.write_str("(cmd")?;
                for (name, value) in assignments {
                    write!(f, " {name}=[{value}]")?;
                }
                write_words(f, words)?;
                write_redirects(f, redirects)?;
                f.write_str(")")
            }
            Command::Compound { body, redirects } => {
                write!(f, "{body}")?;
                if !redirects.is_empty() {
                    f.write_str(" (redirect")?;
                    write_redirects(f, redirects)?;
                    f.write_str(")")?;
                }
                Ok(())
            }
            Command::FunctionDefinition { name, body } => write!(f, "(function {name} {body})"),
        }
    }
}

impl fmt::Display for CompoundCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompoundCommand::If {
                branches,
                otherwise,
            } => {
                f.write_str("(if")?;
                for (condition, body) in branches {
                    write!(f, " ({condition}) then ({body})")?;
                }
                if let Some(otherwise) = otherwise {
                    write!(f, " else ({otherwise})")?;
                }
                f.write_str(")")
            }
            CompoundCommand::For { name, words, body } => {
                write!(f, "(for {name}")?;
                if let Some(words) = words {
                    f.write_str(" in")?;
                    write_words(f, words)?;
                }
                write!(f, " do ({body}))")
            }
            CompoundCommand::While { condition, body } => {
                write!(f, "(while ({condition}) do ({body}))")
            }
            CompoundCommand::Until { condition, body } => {
                write!(f, "(until ({condition}) do ({body}))")
            }
            CompoundCommand::Case { word, arms } => {
                write!(f, "(case [{word}]")?;
                for arm in arms {
                    f.write_str(" (")?;
                    for (index, pattern) in arm.patterns.iter().enumerate() {
                        if index > 0 {
                            f.write_str("|")?;
                        }
                        write!(f, "{pattern}")?;
                    }
                    write!(f, ") ({}))", arm.body)?;
                }
                f.write_str(")")
            }
            CompoundCommand::Group(list) => write!(f, "(group {list})"),
            CompoundCommand::Subshell(list) => write!(f, "(subshell {list})"),
        }
    }
}
