//! The shell's builtins, one file per builtin or small family: `control.rs`
//! (`exit`, `return`), `cd.rs` (`cd`, `pwd`), `variables.rs` (`export`,
//! `local`, `readonly`, `unset`, `shift`, `set`), `trap.rs`, `kill.rs`,
//! `wait.rs` and `read.rs`. This file only maps a name to its builtin.

mod cd;
mod control;
mod kill;
mod read;
mod trap;
mod variables;
mod wait;

use crate::runtime::io::Io;
use crate::runtime::process::Process;

impl Process {
    /// The shell's own commands; `None` when `name` is not one of them.
    pub(in crate::runtime::process) fn builtin(
        &mut self,
        name: &str,
        arguments: &[String],
        io: &mut Io,
    ) -> Option<i32> {
        let status = match name {
            ":" | "true" | "break" | "continue" => 0,
            "false" => 1,
            "exit" => self.exit(arguments),
            "return" => self.return_from_function(arguments),
            "cd" => self.cd(arguments, io),
            "pwd" => self.pwd(),
            "export" | "local" | "readonly" => self.export(name, arguments),
            "unset" => self.unset(arguments),
            "shift" => self.shift(arguments),
            "set" => self.set_options(arguments),
            "trap" => self.trap(arguments),
            "kill" => self.kill(arguments, io),
            "wait" => self.wait_for(arguments),
            "read" => return self.read_line(arguments, io),
            _ => return None,
        };
        Some(status)
    }
}
