//! The sandbox's `/pause`.

use crate::runtime::program::{Program, Step, Sys, Wait};

/// The sandbox's `/pause`: sleeps forever; SIGINT or SIGTERM ends it (exit 0)
/// after `Shutting down, got signal` (pause.c).
pub struct Pause {
    /// Whether SIGINT or SIGTERM came.
    pub stopping: bool,
}

impl Program for Pause {
    fn signal(&mut self, signal: i32) -> bool {
        self.stopping = matches!(signal, 2 | 15);
        self.stopping
    }

    fn step(&mut self, sys: &mut Sys) -> Step {
        if self.stopping {
            sys.err.extend(b"Shutting down, got signal\n");
            return Step::Exit(0);
        }
        Step::Block(Wait::Until(crate::clock::SimTime::from_millis(u64::MAX)))
    }
}
