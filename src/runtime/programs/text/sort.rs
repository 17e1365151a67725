//! `sort [-n] [-r] [FILE…]`.

use super::args::{flag_letters, FILES_ONLY};
use super::input::WholeInput;
use crate::runtime::program::{Program, Step, Sys};

/// `sort`: all its input's lines, in order.
pub struct Sort {
    /// `-n`: by the number each line holds.
    numeric: bool,
    /// `-r`: reversed.
    reverse: bool,
    /// What it reads.
    input: WholeInput,
}

impl Sort {
    /// `sort` with its arguments.
    pub fn new(args: &[String]) -> Sort {
        let flags = flag_letters(args);
        Sort {
            numeric: flags.contains('n'),
            reverse: flags.contains('r'),
            input: WholeInput::new(FILES_ONLY.files(args)),
        }
    }
}

impl Program for Sort {
    fn step(&mut self, sys: &mut Sys) -> Step {
        let status = match self.input.read(sys, "sort", 1) {
            Ok(status) => status,
            Err(step) => return step,
        };
        let text = self.input.text();
        let mut lines: Vec<&str> = text.lines().collect();
        if self.numeric {
            crate::sort::sort_by_key(&mut lines, |l| l.trim().parse::<i64>().unwrap_or(0));
        } else {
            crate::sort::sort(&mut lines);
        }
        if self.reverse {
            lines.reverse();
        }
        for line in lines {
            sys.out.extend(format!("{line}\n").bytes());
        }
        Step::Exit(status)
    }
}
