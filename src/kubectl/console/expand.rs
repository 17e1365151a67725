//! A console command's words (`kubectl`, `cat`, `sleep`…) expanded as the
//! node's bash expands them, through the runtime's own word expansion
//! rather than a second copy; a command substitution is run by the console
//! (words and pipes only).

use super::Console;
use crate::kubectl::errors::ConsoleError;
use crate::kubectl::sink::Output;
use crate::runtime::shell::ast::{Command, ParameterOperation, Program, Word, WordPart};
use crate::runtime::shell::expand::{expand_words, Context};
use crate::runtime::shell::parse;
use std::collections::{BTreeMap, VecDeque};

/// The node's shell as expansion sees it: its environment, and the outputs
/// of the line's command substitutions, already run by the console.
struct NodeWords {
    /// The shell's variables (its environment, and any `${x:=y}`).
    variables: BTreeMap<String, String>,
    /// The outputs of the command substitutions, in order.
    substitutions: VecDeque<String>,
    /// What expansion warned of, for the console's stderr (`bash: …`).
    warnings: Vec<String>,
}

impl Context for NodeWords {
    fn variable(&self, name: &str) -> Option<String> {
        match name {
            "?" | "#" => Some("0".to_string()),
            "0" => Some("bash".to_string()),
            _ => self.variables.get(name).cloned(),
        }
    }

    fn positional(&self) -> Vec<String> {
        Vec::new()
    }

    fn assign(&mut self, name: &str, value: String) {
        self.variables.insert(name.to_string(), value);
    }

    fn substitution(&mut self) -> String {
        self.substitutions.pop_front().unwrap_or_default()
    }

    fn warn(&mut self, message: &str) {
        self.warnings.push(format!("bash: {message}\n"));
    }

    fn glob(&self, _pattern: &str) -> Vec<String> {
        // The console's working directory is not the node's: a pattern
        // matches nothing and stays as written, as bash leaves it.
        Vec::new()
    }
}

/// The command substitutions of `parts`, in the order the shell runs them.
fn substitutions_of<'a>(parts: &'a [WordPart], found: &mut Vec<&'a Program>) {
    for part in parts {
        match part {
            WordPart::CommandSubstitution(program) => found.push(program),
            WordPart::DoubleQuoted(inner) => substitutions_of(inner, found),
            WordPart::Parameter(parameter) => match &parameter.operation {
                ParameterOperation::Default { word, .. }
                | ParameterOperation::Assign { word, .. }
                | ParameterOperation::Alternative { word, .. }
                | ParameterOperation::Error { word, .. } => substitutions_of(&word.parts, found),
                ParameterOperation::RemovePrefix { pattern, .. }
                | ParameterOperation::RemoveSuffix { pattern, .. } => {
                    substitutions_of(&pattern.parts, found)
                }
                ParameterOperation::Value | ParameterOperation::Length => {}
            },
            _ => {}
        }
    }
}

/// `field` quoted for bash, so splitting the line again gives it back.
fn quoted(field: &str) -> String {
    format!("'{}'", field.replace('\'', "'\\''"))
}

/// `fields` as a line bash splits back into them.
pub(super) fn quoted_line(fields: &[String]) -> String {
    fields
        .iter()
        .map(|f| quoted(f))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words of `program` when it is one plain command (no assignment,
/// redirection, pipe or list) with something to expand.
fn plain_command(program: &Program) -> Option<&[Word]> {
    let [item] = program.body.items.as_slice() else {
        return None;
    };
    if item.background || !item.and_or.rest.is_empty() || item.and_or.first.negated {
        return None;
    }
    match item.and_or.first.commands.as_slice() {
        [Command::Simple {
            assignments,
            words,
            redirects,
        }] if assignments.is_empty() && redirects.is_empty() => Some(words),
        _ => None,
    }
}

impl Console {
    /// The words of a console command (`kubectl`, `cat`, `sleep`…) expanded
    /// as the node's bash would: parameters against the node shell's
    /// environment, arithmetic, splitting, and `$(…)` run by the console
    /// itself. `None` when the line has nothing to expand.
    pub(super) fn expanded_words(
        &mut self,
        line: &str,
        output: &mut Output,
    ) -> Option<Result<Vec<String>, ConsoleError>> {
        if !line.contains(['$', '`']) || line.contains("<<") {
            return None;
        }
        let program = parse(line).ok()?;
        let words = plain_command(&program)?;
        Some(self.expand(words, output))
    }

    /// Expands `words`, running their command substitutions first (their
    /// stderr shown, their stdout substituted).
    fn expand(&mut self, words: &[Word], output: &mut Output) -> Result<Vec<String>, ConsoleError> {
        let mut programs = Vec::new();
        for word in words {
            substitutions_of(&word.parts, &mut programs);
        }
        let mut substitutions = VecDeque::new();
        for program in programs {
            let line = self.substitution_line(program, output)?;
            let mut captured = Output::default();
            if let Err(error) = self.dispatch(&line, None, &mut captured) {
                captured.error(error);
            }
            output.stderr_raw(captured.stderr_text());
            substitutions.push_back(captured.stdout_text());
        }
        let mut context = NodeWords {
            variables: self.cluster.node_environment().into_iter().collect(),
            substitutions,
            warnings: Vec::new(),
        };
        let expanded = expand_words(words, &mut context);
        for warning in context.warnings {
            output.stderr_raw(warning);
        }
        expanded.map_err(|error| ConsoleError::Words { message: error.0 })
    }

    /// A command substitution's command as a console line: its words
    /// expanded and quoted, its pipes kept (`kubectl get pods -o name |
    /// head -1`). Anything more is not simulated yet.
    fn substitution_line(
        &mut self,
        program: &Program,
        output: &mut Output,
    ) -> Result<String, ConsoleError> {
        let not_simulated = || ConsoleError::NotSimulatedSyntax {
            operator: "$(…)".to_string(),
        };
        let [item] = program.body.items.as_slice() else {
            return Err(not_simulated());
        };
        if item.background || !item.and_or.rest.is_empty() || item.and_or.first.negated {
            return Err(not_simulated());
        }
        let mut commands = Vec::new();
        for command in &item.and_or.first.commands {
            let Command::Simple {
                assignments,
                words,
                redirects,
            } = command
            else {
                return Err(not_simulated());
            };
            if !assignments.is_empty() || !redirects.is_empty() {
                return Err(not_simulated());
            }
            let fields = self.expand(words, output)?;
            commands.push(quoted_line(&fields));
        }
        Ok(commands.join(" | "))
    }
}
