//! `sed [-e] s/FROM/TO/[g] [FILE…]`: literal substitution.

use super::args::{first_operand, flag_value, Syntax};
use super::input::WholeInput;
use crate::runtime::program::{Program, Step, Sys};
use crate::runtime::programs::once::error;

/// How `sed`'s operands are laid out: the script first, unless `-e` gives it.
const SYNTAX: Syntax = Syntax {
    valued_flags: &["-e"],
    script_first: true,
    script_flag: Some("-e"),
};

/// `sed`: its input with the script's substitution made on every line.
pub struct Sed {
    /// The script, as given.
    script: String,
    /// The script read as `s/from/to/[g]`: from, to, and whether every
    /// occurrence is replaced (`None`: a command podplay does not know).
    substitution: Option<(String, String, bool)>,
    /// What it reads.
    input: WholeInput,
}

impl Sed {
    /// `sed` with its arguments.
    pub fn new(args: &[String]) -> Sed {
        let script = flag_value(args, "-e").unwrap_or_else(|| first_operand(args, &[]));
        Sed {
            substitution: parse_substitution(&script),
            script,
            input: WholeInput::new(SYNTAX.files(args)),
        }
    }
}

/// `s/from/to/[g]` with any delimiter (literal text, no regular expressions yet).
fn parse_substitution(script: &str) -> Option<(String, String, bool)> {
    let mut chars = script.chars();
    if chars.next()? != 's' {
        return None;
    }
    let delimiter = chars.next()?;
    let rest: String = chars.collect();
    let parts: Vec<&str> = rest.split(delimiter).collect();
    match parts.as_slice() {
        [from, to, flags] => Some((from.to_string(), to.to_string(), flags.contains('g'))),
        _ => None,
    }
}

impl Program for Sed {
    fn step(&mut self, sys: &mut Sys) -> Step {
        let status = match self.input.read(sys, "sed", 1) {
            Ok(status) => status,
            Err(step) => return step,
        };
        let Some((from, to, global)) = &self.substitution else {
            error(
                sys,
                format!(
                    "sed: -e expression #1, char {}: unknown command: `{}'",
                    self.script.len().min(1),
                    self.script.chars().next().unwrap_or(' ')
                ),
            );
            return Step::Exit(1);
        };
        for line in self.input.text().split_inclusive('\n') {
            let replaced = if *global {
                line.replace(from, to)
            } else {
                line.replacen(from, to, 1)
            };
            sys.out.extend(replaced.bytes());
        }
        Step::Exit(status)
    }
}
