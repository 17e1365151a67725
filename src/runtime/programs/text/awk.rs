//! `awk [-F SEP] '{print $N…}' [FILE…]`: the fields a program prints.

use super::args::{first_operand, flag_value, Syntax};
use super::input::WholeInput;
use crate::runtime::program::{Program, Step, Sys};

/// How `awk`'s operands are laid out: the program first.
const SYNTAX: Syntax = Syntax {
    valued_flags: &["-F"],
    script_first: true,
    script_flag: None,
};

/// `awk`: the fields its program names (`$0` the whole line), space-separated.
pub struct Awk {
    /// `-F`: the field separator (runs of blanks without it).
    separator: Option<String>,
    /// The fields the program prints, in order.
    fields: Vec<usize>,
    /// What it reads.
    input: WholeInput,
}

impl Awk {
    /// `awk` with its arguments.
    pub fn new(args: &[String]) -> Awk {
        let program = first_operand(args, &["-F"]);
        Awk {
            separator: flag_value(args, "-F"),
            fields: program
                .split("$")
                .skip(1)
                .filter_map(|part| {
                    part.chars()
                        .take_while(|c| c.is_ascii_digit())
                        .collect::<String>()
                        .parse()
                        .ok()
                })
                .collect(),
            input: WholeInput::new(SYNTAX.files(args)),
        }
    }
}

impl Program for Awk {
    fn step(&mut self, sys: &mut Sys) -> Step {
        let status = match self.input.read(sys, "awk", 1) {
            Ok(status) => status,
            Err(step) => return step,
        };
        for line in self.input.text().lines() {
            let parts: Vec<&str> = match &self.separator {
                Some(separator) => line.split(separator.as_str()).collect(),
                None => line.split_whitespace().collect(),
            };
            let chosen: Vec<&str> = self
                .fields
                .iter()
                .map(|f| {
                    if *f == 0 {
                        line
                    } else {
                        parts.get(f - 1).copied().unwrap_or("")
                    }
                })
                .collect();
            sys.out.extend(format!("{}\n", chosen.join(" ")).bytes());
        }
        Step::Exit(status)
    }
}
