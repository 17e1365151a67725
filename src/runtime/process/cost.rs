//! What a process's CPU time goes to besides its own instructions, and how
//! a slice of it is carried across the times the process blocks.
//!
//! The kernel's work for a process is not free: a fork, an exec, a child's
//! exit and the wait for it, a `PATH` search that finds nothing cost real
//! CPU, and a loop whose every iteration does one of them and then blocks
//! for no time (`while true; do sleep 0; done`, a command not found, a
//! child that exits at once) advances the clock as fast as that work
//! allows. Measured on this project's machine (2 cores, shared; Debian 12,
//! `/usr/bin/time` of `sh -c 'i=0; while [ $i -lt 1000 ]; do CMD; i=$((i+1)); done'`,
//! user + system CPU per iteration; the loop alone costs a few µs):
//!
//! | CMD | BusyBox 1.35 ash | dash 0.5.12 | bash 5.2 |
//! | --- | ---: | ---: | ---: |
//! | `sleep 0` (fork, exec, exit, wait) | 1.36 ms | 1.04 ms | |
//! | `/bin/true` | 1.08 ms | 0.79 ms | |
//! | `(:)` (fork, exit, wait) | 0.31 ms | 0.27 ms | |
//! | `nosuchcmd` (2,000 times) | 0.025 ms | 0.03 ms | 0.61 ms |
//!
//! (10,000 `sleep 0` in BusyBox took 32–42 s of wall time, 1.4–1.6 ms of
//! CPU each, on the loaded machine.) ash and dash search `PATH` in the
//! shell and fork nothing for a command not found; bash forks first and
//! its child says "command not found" (`strace -f -c bash -c nosuchcmd`:
//! one `clone`). A step is a microsecond ([`TIME_SLICE`] steps are
//! [`TIME_SLICE_MILLIS`] ms), so the costs below are in steps.
//!
//! A process has its slice's CPU within each 10 ms of virtual time: what it
//! used before it blocked stays used when it wakes within the same 10 ms,
//! so however often it blocks and wakes it runs at most [`TIME_SLICE`]
//! steps per slice, as a loop that never blocks does.

use super::super::io::processes::TIME_SLICE_MICROS;
use crate::clock::SimTime;

/// Instructions a process may run before it yields the CPU for
/// [`TIME_SLICE_MILLIS`] of virtual time (about a million shell steps per
/// virtual second, as a real shell manages).
pub const TIME_SLICE: u32 = TIME_SLICE_MICROS as u32;

/// The virtual time a used-up time slice costs.
pub const TIME_SLICE_MILLIS: u64 = 10;

/// A fork, the child's exit and the parent's wait for it: `(:)` took
/// 0.27–0.31 ms of CPU per iteration.
pub(super) const FORK_STEPS: u32 = 300;

/// An exec of a program (loading it, its start-up and exit) on top of the
/// fork: `/bin/true` took 0.79–1.08 ms per iteration, `sleep 0`
/// 1.04–1.36 ms, less the fork's 0.3 ms.
pub(super) const EXEC_STEPS: u32 = 700;

/// Searching `PATH` for a command that is not there (ash and dash, in the
/// shell: 0.025–0.03 ms per iteration).
pub(super) const PATH_SEARCH_STEPS: u32 = 25;

/// The slice a process is in: when it began and how many steps are left.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Slice {
    /// When the slice began (its first activation).
    began: SimTime,
    /// The steps left in it.
    left: u32,
}

impl Slice {
    /// The slice an activation at `now` runs in: the current one when it
    /// has steps left and began less than a slice's time ago, else a new
    /// one beginning at `now`.
    pub(super) fn at(self, now: SimTime) -> Slice {
        if self.left > 0 && now < self.ends() {
            self
        } else {
            Slice {
                began: now,
                left: TIME_SLICE,
            }
        }
    }

    /// When the slice's time is over: a process that used it up runs again then.
    pub(super) fn ends(self) -> SimTime {
        self.began + TIME_SLICE_MILLIS
    }

    /// The steps left.
    pub(super) fn left(self) -> u32 {
        self.left
    }

    /// When it began, if it is used up (its process waits for its next one).
    pub(super) fn used_up_at(self) -> Option<SimTime> {
        (self.left == 0).then_some(self.began)
    }

    /// The same slice with `left` steps left.
    pub(super) fn with_left(self, left: u32) -> Slice {
        Slice { left, ..self }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_process_woken_within_its_slice_goes_on_with_what_is_left_of_it() {
        let slice = Slice::default()
            .at(SimTime::from_millis(100))
            .with_left(400);
        let again = slice.at(SimTime::from_millis(109));
        assert_eq!(
            (again.left(), again.ends()),
            (400, SimTime::from_millis(110))
        );
    }

    #[test]
    fn a_process_woken_after_its_slice_or_with_none_left_gets_a_new_one() {
        let slice = Slice::default()
            .at(SimTime::from_millis(100))
            .with_left(400);
        let later = slice.at(SimTime::from_millis(110));
        assert_eq!(
            (later.left(), later.ends()),
            (10_000, SimTime::from_millis(120))
        );
        let used_up = slice.with_left(0).at(SimTime::from_millis(101));
        assert_eq!(used_up.ends(), SimTime::from_millis(111));
    }
}
