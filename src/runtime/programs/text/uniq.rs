//! `uniq [-c] [FILE…]`.

use super::args::{flag_letters, FILES_ONLY};
use super::input::WholeInput;
use crate::runtime::program::{Program, Step, Sys};

/// `uniq`: its input with repeated adjacent lines printed once.
pub struct Uniq {
    /// `-c`: each line with how many times it came.
    counted: bool,
    /// What it reads.
    input: WholeInput,
}

impl Uniq {
    /// `uniq` with its arguments.
    pub fn new(args: &[String]) -> Uniq {
        Uniq {
            counted: flag_letters(args).contains('c'),
            input: WholeInput::new(FILES_ONLY.files(args)),
        }
    }
}

impl Program for Uniq {
    fn step(&mut self, sys: &mut Sys) -> Step {
        let status = match self.input.read(sys, "uniq", 1) {
            Ok(status) => status,
            Err(step) => return step,
        };
        let text = self.input.text();
        let counted = self.counted;
        let mut previous: Option<(&str, usize)> = None;
        let emit = |line: &str, count: usize, out: &mut Vec<u8>| {
            let text = if counted {
                format!("{count:>7} {line}\n")
            } else {
                format!("{line}\n")
            };
            out.extend(text.bytes());
        };
        for line in text.lines() {
            previous = match previous {
                Some((last, count)) if last == line => Some((last, count + 1)),
                Some((last, count)) => {
                    emit(last, count, sys.out);
                    Some((line, 1))
                }
                None => Some((line, 1)),
            };
        }
        if let Some((last, count)) = previous {
            emit(last, count, sys.out);
        }
        Step::Exit(status)
    }
}
