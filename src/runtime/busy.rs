//! Busy processes: CPU accounting per container, and spinning processes
//! parked instead of run.
//!
//! A process uses a step of CPU per instruction, a microsecond of virtual
//! CPU time ([`crate::runtime::TIME_SLICE`] steps are
//! [`crate::runtime::TIME_SLICE_MILLIS`] ms); a busy process runs a slice
//! as often as its share of the node's cores allows (`sharing.rs`). What a
//! container's processes used is summed per container root, as a cgroup's
//! `cpuacct.usage`.
//!
//! A process found spinning ([`crate::runtime::process::Cycle`]) is not run
//! any more: its next slices' output is known, slice `s` writing the
//! cycle's slice `s mod len` at `at + s · interval` (its time slices' times,
//! `interval` being 10 ms at a whole core, more when it shares one).
//! The output is written only when wanted ([`Runtime::settle`], at the end
//! of each advance of the cluster, and when a signal wakes the process),
//! and only the part the log can still hold: once the logs the cycle
//! writes to have taken nothing for a whole period of the cycle and of the
//! stamps' lengths (their current files at [`super::log::FILE_CEILING`],
//! where later records are lost until the kubelet rotates them), the slices
//! after are counted as written and lost, not written, but for the last
//! whole cycle, which leaves the unfinished lines as they would be. A signal settles the process up to the current instant and
//! hands it back to the scheduler, in the very state its last slice left.

use super::fs::InodeId;
use super::parked::Parked;
use super::process::{Cycle, SliceOutput};
use super::program::{ProcessId, Wait};
use super::ContainerLog;
use super::{Runtime, TIME_SLICE};
use crate::clock::SimTime;

impl Runtime {
    /// Stops running `process`, found spinning in `cycle` at the end of a
    /// slice; its next slice would run at `next`.
    pub(super) fn park(&mut self, process: ProcessId, cycle: Cycle, root: InodeId, next: SimTime) {
        if self.never_park {
            return;
        }
        let interval = self.sharing.interval(root);
        self.parked.insert(
            process,
            Parked {
                slices: cycle.slices,
                next: 0,
                at: next,
                interval,
                root,
            },
        );
    }

    /// How many times a process was run so far: the work the runtime did,
    /// which a spinning process stops adding to.
    pub fn activations(&self) -> u64 {
        self.activations
    }

    /// Runs spinning processes every slice, as if no cycle were ever found.
    #[cfg(test)]
    pub fn never_park(&mut self) {
        self.never_park = true;
    }

    /// Adds `steps` of CPU to the container whose root is `root`.
    pub(super) fn charge(&mut self, root: InodeId, steps: u64) {
        *self.cpu.entry(root).or_default() += steps;
    }

    /// The CPU the processes of the container whose root is `root` have
    /// used, in microseconds of virtual time, up to the last settled
    /// instant (the end of the cluster's last advance).
    pub fn container_cpu_micros(&self, root: InodeId) -> u64 {
        self.cpu.get(&root).copied().unwrap_or(0)
    }

    /// Whether `process` is spinning and parked (it counts as busy).
    pub fn is_spinning(&self, process: ProcessId) -> bool {
        self.parked.contains_key(&process)
    }

    /// Writes what every spinning process would have written by `now`
    /// (its slices up to and including one starting at `now`): the runtime
    /// has been brought to `now`, and a signal after this finds it there.
    pub fn settle(&mut self, now: SimTime) {
        self.clock = self.clock.max(now);
        let parked: Vec<ProcessId> = self.parked.keys().copied().collect();
        for process in parked {
            self.settle_one(process, now);
        }
    }

    /// Settles `process` up to `self.clock` and runs it again (a signal
    /// came for it).
    pub(super) fn unpark(&mut self, process: ProcessId) {
        if self.parked.contains_key(&process) {
            self.settle_one(process, self.clock);
            self.parked.remove(&process);
            if let Some(process) = self.processes.get_mut(&process) {
                process.os.cpu.spinning = None;
            }
        }
    }

    /// Writes the slices of a parked process that start by `now`.
    pub(super) fn settle_one(&mut self, process: ProcessId, now: SimTime) {
        let Some(parked) = self.parked.get_mut(&process) else {
            return;
        };
        if now < parked.at {
            return;
        }
        let interval = parked.interval;
        let due = (now.as_millis() - parked.at.as_millis()) / interval + 1;
        let length = parked.slices.len() as u64;
        // Stamps repeat their lengths every second (every `lcm / interval`
        // slices), the cycle every `length` slices: a file that took
        // nothing over both takes nothing more until it is rotated.
        let period = lcm(length, lcm(interval, 1000) / interval);
        let stored = |logs: &[ContainerLog]| -> usize {
            parked
                .slices
                .iter()
                .flatten()
                .filter_map(|(log, _, _)| logs.get(*log))
                .map(ContainerLog::stored_bytes)
                .sum()
        };
        let mut unchanged_since = (0, stored(&self.logs));
        let mut slice = 0;
        while slice < due {
            let now_stored = stored(&self.logs);
            if now_stored != unchanged_since.1 {
                unchanged_since = (slice, now_stored);
            } else if slice - unchanged_since.0 >= period && slice + length < due {
                // Everything these slices write is lost; the last whole
                // cycle is still written for the lines it leaves unfinished.
                let skipped = due - length - slice;
                lose(
                    &mut self.logs,
                    &parked.slices,
                    parked.next as u64 + slice,
                    skipped,
                );
                slice += skipped;
            }
            let index = ((parked.next as u64 + slice) % length) as usize;
            let time = parked.at + slice * interval;
            for (log, stream, bytes) in &parked.slices[index] {
                if let Some(log) = self.logs.get_mut(*log) {
                    log.write(time, *stream, bytes);
                }
            }
            slice += 1;
        }
        parked.next = ((parked.next as u64 + due) % length) as usize;
        parked.at = parked.at + due * interval;
        let (root, at) = (parked.root, parked.at);
        let used = due * u64::from(TIME_SLICE);
        self.charge(root, used);
        if let Some(process) = self.processes.get_mut(&process) {
            process.os.wait = Some(Wait::Until(at));
            process.os.cpu.micros += used;
            process.os.cpu.spinning = Some((at, interval));
        }
    }
}

/// The least common multiple of `a` and `b` (both above zero).
fn lcm(a: u64, b: u64) -> u64 {
    let (mut x, mut y) = (a, b);
    while y != 0 {
        (x, y) = (y, x % y);
    }
    a / x * b
}

/// Counts as written, and lost, what `count` slices of a cycle write from
/// its slice `from` on (every log they write to being full).
fn lose(logs: &mut [ContainerLog], slices: &[SliceOutput], from: u64, count: u64) {
    let length = slices.len() as u64;
    let (whole, rest) = (count / length, count % length);
    for (index, writes) in slices.iter().enumerate() {
        // How many of the `count` slices are this one.
        let offset = (index as u64 + length - from % length) % length;
        let times = whole + u64::from(offset < rest);
        for (log, _, bytes) in writes {
            if let Some(log) = logs.get_mut(*log) {
                log.lose(bytes.len() as u64 * times);
            }
        }
    }
}
