//! Signals: their names and numbers, what a delivered signal does to the
//! process (traps, SIGKILL, PID 1's immunity); `kill` is in `builtins/`.

use super::shell_vm::{Frame, Pending};
use super::Process;
use crate::runtime::program::SignalTarget;
use crate::runtime::shell::{compile, parse};
use std::rc::Rc;

/// Signal numbers by name, as `kill -l` lists them (the ones Pods use).
pub(super) const SIGNALS: [(&str, i32); 8] = [
    ("HUP", 1),
    ("INT", 2),
    ("QUIT", 3),
    ("KILL", 9),
    ("USR1", 10),
    ("USR2", 12),
    ("TERM", 15),
    ("CHLD", 17),
];

/// A signal given as `TERM`, `SIGTERM`, `-TERM`, `15` or `-15`.
pub(super) fn signal_number(text: &str) -> Option<i32> {
    let text = text.trim_start_matches('-');
    let name = text.strip_prefix("SIG").unwrap_or(text);
    name.parse().ok().or_else(|| {
        SIGNALS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, number)| *number)
    })
}

impl Process {
    /// Acts on delivered signals, as Linux does: SIGKILL ends the process;
    /// a trapped signal runs its trap (after the foreground program, or at
    /// once while in `wait`); an untrapped one ends the process, except that
    /// PID 1 of a namespace ignores signals it has no handler for. A signal
    /// for the foreground program ends that program.
    pub(super) fn handle_signals(&mut self) {
        while let Some((target, signal)) = self.os.signals.pop_front() {
            if target == SignalTarget::Foreground && !self.vm.exec_form {
                if matches!(self.vm.pending, Some(Pending::Program { .. })) {
                    if let Some(Pending::Program { scoped, .. }) = self.vm.pending.take() {
                        if scoped {
                            self.pop_scope();
                        }
                    }
                    self.os.foreground = None;
                    self.vm.status = 128 + signal;
                }
                continue;
            }
            if signal == 9 {
                return self.finish(137);
            }
            // A program that is the process itself (exec form) may handle it.
            if self.vm.exec_form {
                if let Some(Pending::Program { program, .. }) = self.vm.pending.as_mut() {
                    if program.signal(signal) {
                        self.os.wait = None;
                        continue;
                    }
                }
            }
            match self.vm.traps.get(&signal).cloned() {
                Some(command) if command.is_empty() => {}
                Some(command) => {
                    match self.vm.pending.take() {
                        Some(Pending::WaitFor(_)) => self.vm.status = 128 + signal,
                        Some(other @ Pending::Program { .. }) => {
                            // Traps wait for the foreground command, as in sh and bash.
                            self.vm.pending = Some(other);
                            self.vm.deferred_signals.push_back((target, signal));
                            continue;
                        }
                        other => self.vm.pending = other,
                    }
                    if let Ok(program) = parse(&command) {
                        self.vm.frames.push(Frame {
                            code: Rc::new(compile(&program)),
                            pc: 0,
                            saved_positional: None,
                            pops_scope: false,
                        });
                    }
                }
                None if self.os.pid == 1 => {}
                None => return self.finish(128 + signal),
            }
        }
    }
}
