//! A work budget: how much a call may run before it hands control back.
//!
//! The page's engine moves the run ahead in slices a few milliseconds of
//! real time long, but one virtual instant can hold seconds of work (a fork
//! loop's thousands of processes, many containers that never sleep). A
//! budget lets [`crate::runtime::Runtime::run_within`] stop part-way
//! through an instant and go on from exactly there at the next call. It is
//! counted in steps (a process's instructions, plus [`RUN_STEPS`] for each
//! run of a process), never in wall time, so the run is the same however
//! it is cut: a budget decides only where a call stops, never what happens.

use crate::clock::SimTime;

/// What one run of a process costs besides its own steps: the scheduler's
/// work around it (taking it out of the table, a fork's copy, a reap),
/// which a fork loop's runs of a few steps each are mostly made of
/// (measured natively: a fork loop's run takes about as long as 200 steps
/// of a shell loop).
pub const RUN_STEPS: u64 = 200;

/// Steps a call may still run; `None` for no bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// The steps left, or `None` when the call is not bounded.
    left: Option<u64>,
}

impl Budget {
    /// No bound: the call runs until it is done.
    pub fn unlimited() -> Budget {
        Budget { left: None }
    }

    /// At most about `steps` steps (a process that starts running finishes
    /// its time slice, so a call with any budget runs at least one process).
    pub fn steps(steps: u64) -> Budget {
        Budget { left: Some(steps) }
    }

    /// Whether nothing more may run in this call.
    pub fn is_spent(&self) -> bool {
        self.left == Some(0)
    }

    /// Counts a run of a process that ran `steps` steps.
    pub(crate) fn spend(&mut self, steps: u64) {
        if let Some(left) = &mut self.left {
            *left = left.saturating_sub(steps.saturating_add(RUN_STEPS));
        }
    }
}

/// An instant [`super::Runtime::run_within`] is working through, kept while a
/// spent budget leaves it unfinished.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Instant {
    /// Its virtual time.
    pub(super) now: SimTime,
    /// The index in the round's ready list of the next process to run.
    pub(super) next: usize,
    /// Process runs so far at this instant.
    pub(super) activations: usize,
    /// the runtime's exit count when it began (a reap is due if it changed).
    pub(super) exits_before: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_budget_is_spent_once_its_steps_and_runs_have_been_paid() {
        let mut budget = Budget::steps(10_000 + 3 * RUN_STEPS);
        budget.spend(4_000);
        budget.spend(0);
        assert!(!budget.is_spent());
        budget.spend(6_000);
        assert!(budget.is_spent());
    }

    #[test]
    fn an_unlimited_budget_is_never_spent() {
        let mut budget = Budget::unlimited();
        budget.spend(u64::MAX);
        assert!(!budget.is_spent());
    }
}
