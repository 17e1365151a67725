//! `wait [PID…]`: waits for background children (all of them, or the ones
//! named).

use crate::runtime::process::shell_vm::Pending;
use crate::runtime::process::Process;
use crate::runtime::program::ProcessId;

impl Process {
    /// `wait [PID…]`: the process resumes when the children have ended.
    pub(super) fn wait_for(&mut self, arguments: &[String]) -> i32 {
        let children: Vec<ProcessId> = if arguments.is_empty() {
            self.vm.background.iter().map(|(id, _)| *id).collect()
        } else {
            self.vm
                .background
                .iter()
                .filter(|(_, pid)| arguments.iter().any(|a| a == &pid.to_string()))
                .map(|(id, _)| *id)
                .collect()
        };
        self.vm.pending = Some(Pending::WaitFor(children));
        0
    }
}
