//! The node's process table. A process runs while taken out of its slot
//! (the others, which `ps`, `kill` and `wait` look at, stay in theirs), and
//! goes back to the same slot: no entry is removed and re-inserted per run.
//! The running process sees the others only through [`ProcessView`].

use super::io::processes::{ProcessId, ProcessInfo, ProcessView};
use super::process::Process;
use std::collections::BTreeMap;

/// The processes of the node by identity, each boxed so that taking one out
/// to run it moves a pointer, not the whole machine.
#[derive(Default)]
pub struct ProcessTable {
    /// Every process by identity; `None` while that process is running.
    slots: BTreeMap<ProcessId, Option<Box<Process>>>,
}

impl ProcessTable {
    /// Adds a process.
    pub fn insert(&mut self, process: Box<Process>) {
        self.slots.insert(process.os.id, Some(process));
    }

    /// A process, unless it is the one running.
    pub fn get(&self, id: &ProcessId) -> Option<&Process> {
        self.slots.get(id).and_then(Option::as_deref)
    }

    /// A process to change, unless it is the one running.
    pub fn get_mut(&mut self, id: &ProcessId) -> Option<&mut Process> {
        self.slots.get_mut(id).and_then(Option::as_deref_mut)
    }

    /// Takes a process out of its slot to run it.
    pub fn take(&mut self, id: &ProcessId) -> Option<Box<Process>> {
        self.slots.get_mut(id).and_then(Option::take)
    }

    /// Puts a process taken out with [`ProcessTable::take`] back.
    pub fn put_back(&mut self, process: Box<Process>) {
        match self.slots.get_mut(&process.os.id) {
            Some(slot) => *slot = Some(process),
            None => self.insert(process),
        }
    }

    /// Drops a process from the table.
    pub fn remove(&mut self, id: &ProcessId) -> Option<Box<Process>> {
        self.slots.remove(id).flatten()
    }

    /// The processes (but the running one), by identity.
    pub fn values(&self) -> impl Iterator<Item = &Process> {
        self.slots.values().filter_map(Option::as_deref)
    }

    /// The processes (but the running one) with their identities.
    pub fn iter(&self) -> impl Iterator<Item = (&ProcessId, &Process)> {
        self.slots
            .iter()
            .filter_map(|(id, slot)| slot.as_deref().map(|process| (id, process)))
    }
}

impl ProcessView for ProcessTable {
    fn live(&self) -> Vec<ProcessInfo> {
        self.values()
            .filter(|p| p.os.exit_code.is_none())
            .map(|p| p.info())
            .collect()
    }

    fn exit_code(&self, id: ProcessId) -> Option<i32> {
        self.get(&id).and_then(|p| p.os.exit_code)
    }
}
