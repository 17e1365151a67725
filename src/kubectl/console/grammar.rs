//! What the console asks of the node shell's grammar, through the
//! runtime's own parser rather than a second copy: whether a line is
//! unfinished (bash then reads on after its second prompt), whether it
//! starts with a compound command or a function definition (the node's
//! shell runs those), and which functions a line only defines (the console
//! keeps them for the lines after).

use crate::runtime::shell::ast::Command;
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
