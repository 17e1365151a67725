//! The scheduler: [`Runtime::run`] runs every process that is ready at a
//! virtual time (readiness: a time reached, a pipe with data or a closed
//! writer, a file that has grown, a child ended, a signal), up to
//! [`ACTIVATIONS_PER_INSTANT`]; [`Runtime::next_wake`] says when one next
//! can; exited processes no parent can ask about are reaped. Within a
//! [`Budget`] ([`Runtime::run_within`]) an instant can be left part-way,
//! between two process runs, and finished at the next call.

use super::budget::{Budget, Instant};
use super::fs;
use super::io::{Effects, Io, RuntimeEvent, Tracked};
use super::pipes::{Endpoint, PipeSet, PIPE_CAPACITY};
use super::process::Process;
use super::program::{ProcessId, Wait};
use super::{Runtime, ACTIVATIONS_PER_INSTANT, MAX_EVENTS, MAX_REAPED, TIME_SLICE_MILLIS};
use crate::clock::SimTime;
use std::collections::BTreeSet;

impl Runtime {
    /// Drops exited processes no live parent can still ask about (their exit
    /// code stays in `reaped`), so a long run's process table stays small.
    fn reap(&mut self) {
        let live: BTreeSet<(usize, u32)> = self
            .processes
            .values()
            .filter(|p| p.os.exit_code.is_none())
            .map(|p| {
                let (namespace, pid, _) = p.family();
                (namespace, pid)
            })
            .collect();
        let gone: Vec<ProcessId> = self
            .processes
            .iter()
            .filter(|(_, p)| p.os.exit_code.is_some())
            .filter(|(_, p)| {
                let (namespace, _, parent) = p.family();
                parent == 0 || !live.contains(&(namespace, parent))
            })
            .map(|(id, _)| *id)
            .collect();
        for id in gone {
            if let Some(process) = self.processes.remove(&id) {
                self.reaped.insert(id, process.os.exit_code.unwrap_or(0));
                self.reaped_logs.insert(id, process.log());
            }
        }
        while self.reaped.len() > MAX_REAPED {
            self.reaped.pop_first();
        }
        while self.reaped_logs.len() > MAX_REAPED {
            self.reaped_logs.pop_first();
        }
    }

    /// Runs every process that can make progress at `now`, until none can or
    /// [`ACTIVATIONS_PER_INSTANT`] runs have happened; processes still ready
    /// then continue one virtual millisecond later (a fork bomb burns virtual
    /// time, not the page).
    pub fn run(&mut self, now: SimTime) {
        self.run_within(now, &mut Budget::unlimited());
    }

    /// Like [`Runtime::run`], but stops before a process would run once
    /// `budget` is spent; whether the instant is done. An unfinished instant
    /// goes on from exactly where it stopped at the next call (which must be
    /// for the same `now`), so the run is the same however it is cut.
    pub fn run_within(&mut self, now: SimTime, budget: &mut Budget) -> bool {
        let mut instant = match self.instant.take() {
            Some(instant) => instant,
            None => {
                self.fs.set_clock(now);
                self.clock = now;
                let instant = Instant {
                    now,
                    next: 0,
                    activations: 0,
                    exits_before: self.exits,
                };
                if !self.start_round(now) {
                    self.end_instant(&instant);
                    return true;
                }
                instant
            }
        };
        debug_assert_eq!(instant.now, now, "an unfinished instant goes on first");
        loop {
            if !self.run_round(&mut instant, budget) {
                self.instant = Some(instant);
                return false;
            }
            if instant.activations >= ACTIVATIONS_PER_INSTANT || !self.start_round(now) {
                self.end_instant(&instant);
                return true;
            }
            instant.next = 0;
        }
    }

    /// Whether an instant was left unfinished by a spent budget
    /// ([`Runtime::run_within`] must finish it before anything else runs).
    pub fn mid_instant(&self) -> bool {
        self.instant.is_some()
    }

    /// Lists the processes ready at `now`, in order, for a round of runs;
    /// whether there is any.
    fn start_round(&mut self, now: SimTime) -> bool {
        let (mut writers, mut readers) = std::mem::take(&mut self.pipe_ends);
        self.fill_pipe_ends(&mut writers, &mut readers);
        let mut ready = std::mem::take(&mut self.ready);
        ready.clear();
        ready.extend(
            self.processes
                .iter()
                .filter(|(_, p)| {
                    p.os.exit_code.is_none() && self.is_ready(p, now, &writers, &readers)
                })
                .map(|(id, _)| *id),
        );
        self.ready = ready;
        self.pipe_ends = (writers, readers);
        !self.ready.is_empty()
    }

    /// Runs the round's ready processes from where `instant` got to, each
    /// once, until the budget is spent; whether the round is done. Past
    /// [`ACTIVATIONS_PER_INSTANT`] runs, the rest wait a millisecond.
    fn run_round(&mut self, instant: &mut Instant, budget: &mut Budget) -> bool {
        let (writers, readers) = std::mem::take(&mut self.pipe_ends);
        let ready = std::mem::take(&mut self.ready);
        let mut done = true;
        while let Some(&id) = ready.get(instant.next) {
            if instant.activations >= ACTIVATIONS_PER_INSTANT {
                if let Some(process) = self.processes.get_mut(&id) {
                    process.os.wait = Some(Wait::Until(instant.now + 1));
                }
                instant.next += 1;
                continue;
            }
            if budget.is_spent() {
                done = false;
                break;
            }
            instant.next += 1;
            instant.activations += 1;
            let steps = self.activate(id, instant.now, &writers, &readers);
            budget.spend(u64::from(steps));
        }
        self.ready = ready;
        self.pipe_ends = (writers, readers);
        done
    }

    /// After an instant's last round: reaps if a process exited during it.
    fn end_instant(&mut self, instant: &Instant) {
        if self.exits != instant.exits_before {
            self.reap();
        }
    }

    /// Runs process `id` for one time slice at `now`, then applies what it
    /// did (children, signals, its exit); the steps it ran.
    fn activate(
        &mut self,
        id: ProcessId,
        now: SimTime,
        writers: &PipeSet,
        readers: &PipeSet,
    ) -> u32 {
        self.activations += 1;
        let Some(mut process) = self.processes.take(&id) else {
            return 0;
        };
        process.os.memory_room = self.memory_room(process.container_root());
        let mut spawned = Vec::new();
        let mut signals = Vec::new();
        let mut io = Io {
            fs: Tracked::new(&mut self.fs),
            pipes: &mut self.pipes,
            captures: &mut self.captures,
            logs: &mut self.logs,
            events: &mut self.events,
            writers,
            readers,
            now,
            process: id,
            processes: &self.processes,
            signals: &mut signals,
            dns: &self.dns,
            listeners: &mut self.listeners,
            services: &self.services,
            effects: Effects::default(),
        };
        let steps = process.run(&mut io, &mut spawned, &mut self.next_process);
        let root = process.container_root();
        self.charge(root, u64::from(steps));
        self.end_slice(&mut process, root, steps, now);
        if let Some(cycle) = process.take_cycle() {
            // A slice used up waits for its next turn, as its share says.
            let next = match process.os.wait {
                Some(Wait::Until(end)) => end,
                _ => now + TIME_SLICE_MILLIS,
            };
            self.park(id, cycle, root, next);
            self.mark_spinning(&mut process);
        }
        if let Some(code) = process.os.exit_code {
            self.exits += 1;
            self.events.push(RuntimeEvent::Exited { process: id, code });
            // A dead process's listening sockets close with it.
            self.listeners.retain(|_, (owner, _)| *owner != id);
        }
        let out_of_memory = process.os.out_of_memory;
        self.processes.put_back(process);
        for child in spawned {
            self.processes.insert(Box::new(child));
        }
        self.enforce_memory_limit(root, out_of_memory);
        for (target, part, signal) in signals {
            self.signal(target, part, signal);
        }
        if self.events.len() > MAX_EVENTS {
            let excess = self.events.len() - MAX_EVENTS;
            self.events.drain(..excess);
        }
        steps
    }

    /// When a blocked process next becomes ready by time alone; a process
    /// with a signal not yet acted on is ready at once (`SimTime::ZERO`,
    /// earlier than any "now").
    pub fn next_wake(&self) -> Option<SimTime> {
        self.processes
            .values()
            .filter(|p| p.os.exit_code.is_none())
            .filter_map(|p| match p.os.wait {
                _ if !p.os.signals.is_empty() => Some(SimTime::ZERO),
                // A spinning process runs again only when woken.
                _ if self.parked.contains_key(&p.os.id) => None,
                Some(Wait::Until(time)) => Some(time),
                _ => None,
            })
            .min()
    }

    /// Which pipes have a live writer and a live reader.
    fn fill_pipe_ends(&self, writers: &mut PipeSet, readers: &mut PipeSet) {
        writers.reset(self.pipes.len());
        readers.reset(self.pipes.len());
        if self.pipes.is_empty() {
            // No pipe was ever made, so no descriptor leads to one.
            return;
        }
        for process in self.processes.values().filter(|p| p.os.exit_code.is_none()) {
            for endpoint in process.open_endpoints() {
                match endpoint {
                    Endpoint::PipeWrite(pipe) => {
                        writers.insert(*pipe);
                    }
                    Endpoint::PipeRead(pipe) => {
                        readers.insert(*pipe);
                    }
                    _ => {}
                }
            }
        }
    }

    fn is_ready(
        &self,
        process: &Process,
        now: SimTime,
        writers: &PipeSet,
        readers: &PipeSet,
    ) -> bool {
        if !process.os.signals.is_empty() {
            return true;
        }
        if self.parked.contains_key(&process.os.id) {
            return false;
        }
        match &process.os.wait {
            None => true,
            Some(Wait::Until(time)) => now >= *time,
            Some(Wait::Children(children)) => children.iter().all(|child| {
                self.processes
                    .get(child)
                    .is_none_or(|p| p.os.exit_code.is_some())
            }),
            Some(Wait::ReadPipe(pipe)) => {
                let pipe_state = &self.pipes[pipe.0];
                !pipe_state.buffer.is_empty()
                    || match pipe_state.socket_closed {
                        Some(closed) => closed,
                        None => !writers.contains(pipe),
                    }
            }
            Some(Wait::Accept(address)) => self
                .listeners
                .get(address)
                .is_none_or(|(_, queue)| !queue.is_empty()),
            Some(Wait::AcceptAny(addresses)) => addresses.iter().any(|address| {
                self.listeners
                    .get(address)
                    .is_none_or(|(_, queue)| !queue.is_empty())
            }),
            Some(Wait::WritePipe(pipe)) => {
                self.pipes[pipe.0].buffer.len() < PIPE_CAPACITY || !readers.contains(pipe)
            }
            Some(Wait::FileGrowth { file, seen }) => match self.fs.inode(*file) {
                fs::Inode::File(data) => data.len() != *seen,
                fs::Inode::Directory(_) | fs::Inode::Symlink(_) => true,
            },
        }
    }
}
