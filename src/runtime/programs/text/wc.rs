//! `wc [-l|-w|-c] [FILE…]`.

use super::args::{flag_letters, FILES_ONLY};
use super::input::WholeInput;
use crate::runtime::program::{Program, Step, Sys};

/// `wc`: counts lines, words and bytes of all its input.
pub struct Wc {
    /// `-l`.
    lines: bool,
    /// `-w`.
    words: bool,
    /// `-c`.
    bytes: bool,
    /// What it reads.
    input: WholeInput,
}

impl Wc {
    /// `wc` with its arguments.
    pub fn new(args: &[String]) -> Wc {
        let flags = flag_letters(args);
        Wc {
            lines: flags.contains('l'),
            words: flags.contains('w'),
            bytes: flags.contains('c'),
            input: WholeInput::new(FILES_ONLY.files(args)),
        }
    }
}

impl Program for Wc {
    fn step(&mut self, sys: &mut Sys) -> Step {
        let status = match self.input.read(sys, "wc", 1) {
            Ok(status) => status,
            Err(step) => return step,
        };
        let text = self.input.text();
        let lines = text.matches('\n').count();
        let words = text.split_whitespace().count();
        let bytes = self.input.bytes().len();
        let shown = match (self.lines, self.words, self.bytes) {
            (true, false, false) => format!("{lines}"),
            (false, true, false) => format!("{words}"),
            (false, false, true) => format!("{bytes}"),
            _ => format!("{lines:>7} {words:>7} {bytes:>7}"),
        };
        let suffix = self
            .input
            .files()
            .first()
            .map(|f| format!(" {f}"))
            .unwrap_or_default();
        sys.out.extend(format!("{shown}{suffix}\n").bytes());
        Step::Exit(status)
    }
}
