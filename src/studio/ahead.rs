//! Running ahead in slices. A seek far ahead, a tick at 60× over a busy
//! container or the replay after an edit can take seconds of real time; a
//! sliced studio only sets off toward the time it is asked for, and the
//! caller moves it there a bounded piece at a time ([`Studio::run_ahead`]),
//! free to stop it between pieces ([`Studio::stop`]). A studio that is not
//! sliced gets there at once, as before.
//!
//! Running in pieces gives the run that one piece gives: the cluster runs
//! everything due up to and including each piece's end, the same events in
//! the same order; a piece's work [`Budget`] may end it inside a virtual
//! instant, which the next piece finishes before anything else happens
//! (`tests/ahead.rs` checks both on busy containers and a fork loop).

use super::{Studio, TypedCommand};
use crate::clock::SimTime;
use crate::runtime::Budget;

impl Studio {
    /// The virtual time the run is heading for, when it is not there yet.
    pub fn goal(&self) -> Option<SimTime> {
        self.goal
    }

    /// Where the run will be once it gets there: the goal, or now.
    pub(super) fn heading(&self) -> SimTime {
        self.goal.unwrap_or_else(|| self.now())
    }

    /// Heads for `time` (not before now): a sliced studio only sets off,
    /// another gets there at once.
    pub(super) fn set_off(&mut self, time: SimTime) {
        self.goal = Some(time.max(self.now()));
        if !self.sliced {
            self.finish();
        }
    }

    /// Runs toward the goal for at most `slice` virtual milliseconds (the
    /// commands due meanwhile included) and about `budget` of work (the
    /// piece may end inside a busy instant); whether the goal is still ahead.
    pub fn run_ahead(&mut self, slice: u64, mut budget: Budget) -> bool {
        let Some(goal) = self.goal else {
            return false;
        };
        let end = SimTime::from_millis(self.now().as_millis().saturating_add(slice.max(1)));
        let reached = self.run_due(end.min(goal), &mut budget);
        if reached && self.now() >= goal {
            self.goal = None;
        }
        self.goal.is_some()
    }

    /// Runs the commands due up to `time`, each at its time, then the clock
    /// to `time`, within `budget` (a command runs whole, once its time is
    /// reached); whether it got to `time`.
    pub(super) fn run_due(&mut self, time: SimTime, budget: &mut Budget) -> bool {
        while let Some(command) = self.commands.get(self.replayed) {
            if command.at > time {
                break;
            }
            let command = command.clone();
            let output = self.console.advance_within(command.at, budget);
            self.record_output(output);
            if !self.console.reached(command.at) {
                return false;
            }
            self.replayed += 1;
            self.execute(&command.line, command.stdin.as_deref());
        }
        let output = self.console.advance_within(time, budget);
        self.record_output(output);
        let reached = self.console.reached(time);
        // Read at whole instants only, so it is the same however the run is cut.
        if reached {
            self.read_cpu();
        }
        reached
    }

    /// Runs the rest of the way to the goal at once.
    pub fn finish(&mut self) {
        while self.run_ahead(u64::MAX, Budget::unlimited()) {}
    }

    /// Stops where the run has got to (a cancelled seek, a pause).
    pub fn stop(&mut self) {
        self.goal = None;
    }

    /// A sliced playground that replays `commands` (each at its time, in
    /// order) on the way to `time`: a share link's run, opened piece by piece.
    pub fn replaying(
        yaml: String,
        files: Vec<(String, String)>,
        commands: Vec<TypedCommand>,
        time: SimTime,
    ) -> Studio {
        let mut studio = Studio::new(yaml, files);
        studio.sliced = true;
        studio.commands = commands;
        studio.replayed = 0;
        studio.run_due(SimTime::ZERO, &mut Budget::unlimited());
        studio.set_off(time);
        studio
    }
}
