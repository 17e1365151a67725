//! The runtime's logs, by index: a container instance's (a CRI log file)
//! or an exec session's or node command's (what a terminal shows).

use super::{ContainerLog, Format};
use crate::runtime::Runtime;

impl Runtime {
    /// Adds a container instance's log and returns its index.
    pub fn new_log(&mut self) -> usize {
        self.logs.push(ContainerLog::new(Format::Cri));
        self.logs.len() - 1
    }

    /// Adds the log of an exec session or a node command and returns its index.
    pub fn new_terminal_log(&mut self) -> usize {
        self.logs.push(ContainerLog::new(Format::Terminal));
        self.logs.len() - 1
    }

    /// A log, by index.
    pub fn log(&self, index: usize) -> Option<&ContainerLog> {
        self.logs.get(index)
    }

    /// A log, to rotate or close it.
    pub fn log_mut(&mut self, index: usize) -> Option<&mut ContainerLog> {
        self.logs.get_mut(index)
    }

    /// Forgets a log's files, as the kubelet's container garbage collector
    /// removes a removed container's log files (`containerLogManager.Clean`).
    pub fn remove_log(&mut self, index: usize) {
        if let Some(log) = self.logs.get_mut(index) {
            *log = ContainerLog::new(log.format);
        }
    }
}
