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

/// The builtins of BusyBox ash, dash and bash that podplay runs as programs
/// (their code is shared with the programs of the same name): the shell
/// runs them itself, without a `PATH` search or a PID of their own. Real
/// shells, in a PID namespace of their own (Debian 12): `unshare -p -f
/// --mount-proc dash -c 'echo a; printf "b\n"; test 1; [ 1 ]; sleep 5 & ps
/// -o pid,comm'` shows `1 dash`, `2 sleep`, `3 ps` (the same in bash, and
/// in BusyBox ash but for a `sleep 0` before it, which took PID 2).
const RUN_AS_PROGRAMS: [&str; 4] = ["echo", "printf", "test", "["];

/// Whether `name` is a builtin run as a program ([`RUN_AS_PROGRAMS`]); a
/// path (`/bin/echo`) is the program itself.
pub(super) fn runs_as_program(name: &str) -> bool {
    RUN_AS_PROGRAMS.contains(&name)
}

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
