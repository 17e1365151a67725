//! `trap COMMAND SIGNAL…`: the commands run when signals arrive.

use crate::runtime::process::signals::signal_number;
use crate::runtime::process::Process;

impl Process {
    /// `trap COMMAND SIGNAL…`: sets (or with `-`, resets) the traps.
    pub(super) fn trap(&mut self, arguments: &[String]) -> i32 {
        let (command, signals) = match arguments.split_first() {
            Some((command, signals)) if !signals.is_empty() => (command.clone(), signals),
            _ => return 0,
        };
        for signal in signals {
            match signal_number(signal).or_else(|| (signal == "EXIT").then_some(0)) {
                Some(number) if command == "-" => {
                    self.vm.traps.remove(&number);
                }
                Some(number) => {
                    self.vm.traps.insert(number, command.clone());
                }
                None => self.shell_error(&format!("trap: {signal}: bad trap")),
            }
        }
        0
    }
}
