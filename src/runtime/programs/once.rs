//! What the small programs share: `Once`, a program that does all its work in
//! one step, and `error`, a line on standard error. A leaf below every
//! program.

use crate::runtime::program::{Program, Step, Sys};

/// A program that does all its work in one step.
struct Once<F>(Option<F>);

/// `work` as a program that runs it in its first step and exits with its status.
pub fn once<F: FnOnce(&mut Sys) -> i32 + 'static>(work: F) -> Box<dyn Program> {
    Box::new(Once(Some(work)))
}

impl<F: FnOnce(&mut Sys) -> i32> Program for Once<F> {
    fn step(&mut self, sys: &mut Sys) -> Step {
        match self.0.take() {
            Some(work) => Step::Exit(work(sys)),
            None => Step::Exit(0),
        }
    }
}

/// Writes `message` and a line break to standard error.
pub fn error(sys: &mut Sys, message: String) {
    sys.err.extend(message.bytes());
    sys.err.push(b'\n');
}
