//! `cut -d DELIM -f LIST [FILE…]`.

use super::args::{flag_value, Syntax};
use super::input::WholeInput;
use crate::runtime::program::{Program, Step, Sys};

/// How `cut`'s operands are laid out.
const SYNTAX: Syntax = Syntax {
    valued_flags: &["-d", "-f"],
    script_first: false,
    script_flag: None,
};

/// `cut`: the chosen fields of every line.
pub struct Cut {
    /// `-d`: the field separator (a tab without it).
    delimiter: char,
    /// `-f`: the fields, counted from 1.
    fields: Vec<usize>,
    /// What it reads.
    input: WholeInput,
}

impl Cut {
    /// `cut` with its arguments.
    pub fn new(args: &[String]) -> Cut {
        Cut {
            delimiter: flag_value(args, "-d")
                .and_then(|d| d.chars().next())
                .unwrap_or('\t'),
            fields: flag_value(args, "-f")
                .unwrap_or_default()
                .split(',')
                .filter_map(|f| f.parse().ok())
                .collect(),
            input: WholeInput::new(SYNTAX.files(args)),
        }
    }
}

impl Program for Cut {
    fn step(&mut self, sys: &mut Sys) -> Step {
        let status = match self.input.read(sys, "cut", 1) {
            Ok(status) => status,
            Err(step) => return step,
        };
        let delimiter = self.delimiter;
        for line in self.input.text().lines() {
            let parts: Vec<&str> = line.split(delimiter).collect();
            let chosen: Vec<&str> = self
                .fields
                .iter()
                .filter_map(|f| parts.get(f.wrapping_sub(1)).copied())
                .collect();
            sys.out
                .extend(format!("{}\n", chosen.join(&delimiter.to_string())).bytes());
        }
        Step::Exit(status)
    }
}
