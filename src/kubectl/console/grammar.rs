//! What the console asks of the node shell's grammar, through the
//! runtime's own parser rather than a second copy: whether a line is
//! unfinished (bash then reads on after its second prompt), whether it
//! starts with a compound command or a function definition (the node's
//! shell runs those), which functions a line only defines (the console
//! keeps them for the lines after), and whether a line runs kubectl
//! somewhere the node's shell would have to (it has none).

use crate::runtime::shell::ast::{Command, CompoundCommand, List, Word, WordPart};
use crate::runtime::shell::{parse, SyntaxErrorKind};

/// bash's second prompt (`PS2`), shown while a command is unfinished; dash
/// and BusyBox ash show the same.
pub const CONTINUATION_PROMPT: &str = "> ";

/// Whether `text` ends inside a compound command, a pipe or a quote, so an
/// interactive shell reads the next line as more of it.
pub(super) fn is_unfinished(text: &str) -> bool {
    matches!(
        parse(text),
        Err(error) if matches!(
            error.kind,
            SyntaxErrorKind::UnexpectedEnd { .. } | SyntaxErrorKind::UnterminatedQuote(_)
        )
    )
}

/// Whether `text` starts with a compound command (`while`, `for`, `if`,
/// `{ … }`, `( … )`) or a function definition.
pub(super) fn starts_compound(text: &str) -> bool {
    let Ok(program) = parse(text) else {
        return false;
    };
    program
        .body
        .items
        .first()
        .and_then(|item| item.and_or.first.commands.first())
        .is_some_and(|command| !matches!(command, Command::Simple { .. }))
}

/// The names of the functions `text` defines, when defining them is all it
/// does (`f() { …; }`, `g() { …; }; h() { …; }`); `None` for anything else.
pub(super) fn defined_functions(text: &str) -> Option<Vec<String>> {
    let program = parse(text).ok()?;
    let mut names = Vec::new();
    for item in &program.body.items {
        let pipeline = &item.and_or.first;
        if item.background || !item.and_or.rest.is_empty() || pipeline.negated {
            return None;
        }
        match pipeline.commands.as_slice() {
            [Command::FunctionDefinition { name, .. }] => names.push(name.clone()),
            _ => return None,
        }
    }
    (!names.is_empty()).then_some(names)
}

/// The console's own command (`kubectl`, `docker`, `crictl`) that `text`
/// runs anywhere inside it, if any: in a loop, a function's body, a
/// command substitution. The node's shell has none of them.
pub(super) fn console_command_inside(text: &str) -> Option<String> {
    let program = parse(text).ok()?;
    let mut found = None;
    visit_list(&program.body, &mut found);
    found
}

fn visit_list(list: &List, found: &mut Option<String>) {
    for item in &list.items {
        let and_or = &item.and_or;
        for pipeline in std::iter::once(&and_or.first).chain(and_or.rest.iter().map(|(_, p)| p)) {
            for command in &pipeline.commands {
                visit_command(command, found);
            }
        }
    }
}

fn visit_command(command: &Command, found: &mut Option<String>) {
    match command {
        Command::Simple {
            assignments, words, ..
        } => {
            if let Some(name) = words.first().and_then(Word::as_literal) {
                if matches!(name, "kubectl" | "docker" | "crictl") {
                    found.get_or_insert_with(|| name.to_string());
                }
            }
            for word in words.iter().chain(assignments.iter().map(|(_, w)| w)) {
                visit_parts(&word.parts, found);
            }
        }
        Command::Compound { body, .. } => match body {
            CompoundCommand::If {
                branches,
                otherwise,
            } => {
                for (condition, body) in branches {
                    visit_list(condition, found);
                    visit_list(body, found);
                }
                if let Some(otherwise) = otherwise {
                    visit_list(otherwise, found);
                }
            }
            CompoundCommand::For { words, body, .. } => {
                for word in words.iter().flatten() {
                    visit_parts(&word.parts, found);
                }
                visit_list(body, found);
            }
            CompoundCommand::While { condition, body }
            | CompoundCommand::Until { condition, body } => {
                visit_list(condition, found);
                visit_list(body, found);
            }
            CompoundCommand::Case { word, arms } => {
                visit_parts(&word.parts, found);
                for arm in arms {
                    visit_list(&arm.body, found);
                }
            }
            CompoundCommand::Group(list) | CompoundCommand::Subshell(list) => {
                visit_list(list, found)
            }
        },
        Command::FunctionDefinition { body, .. } => visit_command(body, found),
    }
}

fn visit_parts(parts: &[WordPart], found: &mut Option<String>) {
    for part in parts {
        match part {
            WordPart::CommandSubstitution(program) => visit_list(&program.body, found),
            WordPart::DoubleQuoted(inner) => visit_parts(inner, found),
            _ => {}
        }
    }
}
