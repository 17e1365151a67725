//! `yes [TEXT]`.

use crate::runtime::program::{Program, Step, Sys};

/// `yes [TEXT]`: the line forever, a chunk per step, so pipes and logs pace it.
pub struct Yes {
    /// The line it repeats.
    pub line: String,
}

impl Program for Yes {
    fn step(&mut self, sys: &mut Sys) -> Step {
        for _ in 0..256 {
            sys.out.extend(self.line.bytes());
            sys.out.push(b'\n');
        }
        Step::Continue
    }

    fn steady(&self) -> bool {
        true
    }
}
