//! Exec sessions their caller is done with, and the sizes of the runtime's
//! tables. The kubelet reads an exec probe's output and exit code and keeps
//! nothing of it (the CRI's `ExecSync` returns both and the session ends),
//! so the runtime forgets the process and reuses its log's slot: a probe
//! that runs every second for days leaves the tables as they were.

use super::log::{ContainerLog, Format};
use super::program::ProcessId;
use super::Runtime;

/// How many entries the runtime's tables hold (entries, not bytes): a long
/// run must keep them flat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Footprint {
    /// Processes in the table: live, or exited and not yet reaped.
    pub processes: usize,
    /// Reaped processes whose exit code and log are kept.
    pub reaped: usize,
    /// Log slots: containers', execs' and released ones waiting for reuse.
    pub logs: usize,
}

impl Runtime {
    /// Forgets the exec'd `process` once its caller has read how it ended
    /// and what it wrote to `log`: its exit code goes, and the log's slot is
    /// emptied for a later exec unless a process still writes to it (a
    /// command it left running in the background).
    pub fn release(&mut self, process: ProcessId, log: usize) {
        if self
            .processes
            .get(&process)
            .is_some_and(|p| p.os.exit_code.is_some())
        {
            self.processes.remove(&process);
        }
        self.reaped.remove(&process);
        self.reaped_logs.remove(&process);
        let written = self.processes.values().any(|p| p.log() == log);
        if written || self.free_logs.contains(&log) {
            return;
        }
        if let Some(slot) = self.logs.get_mut(log) {
            *slot = ContainerLog::new(Format::Terminal);
            self.free_logs.push(log);
        }
    }

    /// How many entries the runtime's tables hold now.
    pub fn footprint(&self) -> Footprint {
        Footprint {
            processes: self.processes.values().count(),
            reaped: self.reaped.len().max(self.reaped_logs.len()),
            logs: self.logs.len(),
        }
    }
}
