//! `grep [-i] [-v] [-c] [-q] PATTERN [FILE…]`: literal patterns, `^` and `$` anchors.

use super::args::{flag_letters, Syntax};
use super::input::WholeInput;
use crate::runtime::program::{Program, Step, Sys};

/// How `grep`'s operands are laid out: the pattern first.
const SYNTAX: Syntax = Syntax {
    valued_flags: &[],
    script_first: true,
    script_flag: None,
};

/// `grep`: the lines that match (or, with `-v`, do not).
pub struct Grep {
    /// The pattern: text, optionally anchored with `^` and `$`.
    pattern: String,
    /// `-i`.
    ignore_case: bool,
    /// `-v`.
    invert: bool,
    /// `-c`: prints how many lines were selected.
    count: bool,
    /// `-q`: prints nothing.
    quiet: bool,
    /// What it reads.
    input: WholeInput,
}

impl Grep {
    /// `grep` with its arguments.
    pub fn new(args: &[String]) -> Grep {
        let flags = flag_letters(args);
        Grep {
            pattern: args
                .iter()
                .find(|a| !a.starts_with('-'))
                .cloned()
                .unwrap_or_default(),
            ignore_case: flags.contains('i'),
            invert: flags.contains('v'),
            count: flags.contains('c'),
            quiet: flags.contains('q'),
            input: WholeInput::new(SYNTAX.files(args)),
        }
    }

    /// Whether `line` is selected.
    fn selects(&self, line: &str) -> bool {
        let (line, pattern) = if self.ignore_case {
            (line.to_lowercase(), self.pattern.to_lowercase())
        } else {
            (line.to_string(), self.pattern.clone())
        };
        let found = match (pattern.strip_prefix('^'), pattern.strip_suffix('$')) {
            (Some(rest), _) if rest.ends_with('$') => line == rest.trim_end_matches('$'),
            (Some(rest), _) => line.starts_with(rest),
            (None, Some(rest)) => line.ends_with(rest),
            (None, None) => line.contains(&pattern),
        };
        found != self.invert
    }
}

impl Program for Grep {
    fn step(&mut self, sys: &mut Sys) -> Step {
        let status = match self.input.read(sys, "grep", 2) {
            Ok(status) => status,
            Err(step) => return step,
        };
        let text = self.input.text();
        let selected: Vec<&str> = text.lines().filter(|l| self.selects(l)).collect();
        if self.count {
            sys.out.extend(format!("{}\n", selected.len()).bytes());
        } else if !self.quiet {
            for line in &selected {
                sys.out.extend(format!("{line}\n").bytes());
            }
        }
        Step::Exit(if status != 0 {
            status
        } else if selected.is_empty() {
            1
        } else {
            0
        })
    }
}
