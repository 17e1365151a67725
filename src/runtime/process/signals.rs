//! Signals: their names and numbers, what a delivered signal does to the
//! process (traps, SIGKILL, PID 1's immunity), and the `kill` builtin.

use super::{Frame, Pending, Process};
use crate::runtime::io::Io;
use crate::runtime::program::SignalTarget;
use crate::runtime::shell::{compile, parse, Flavor};
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
        while let Some((target, signal)) = self.signals.pop_front() {
            if target == SignalTarget::Foreground && !self.exec_form {
                if matches!(self.pending, Some(Pending::Program { .. })) {
                    if let Some(Pending::Program { scoped, .. }) = self.pending.take() {
                        if scoped {
                            self.pop_scope();
                        }
                    }
                    self.foreground = None;
                    self.status = 128 + signal;
                }
                continue;
            }
            if signal == 9 {
                return self.finish(137);
            }
            // A program that is the process itself (exec form) may handle it.
            if self.exec_form {
                if let Some(Pending::Program { program, .. }) = self.pending.as_mut() {
                    if program.signal(signal) {
                        self.wait = None;
                        continue;
                    }
                }
            }
            match self.traps.get(&signal).cloned() {
                Some(command) if command.is_empty() => {}
                Some(command) => {
                    match self.pending.take() {
                        Some(Pending::WaitFor(_)) => self.status = 128 + signal,
                        Some(other @ Pending::Program { .. }) => {
                            // Traps wait for the foreground command, as in sh and bash.
                            self.pending = Some(other);
                            self.deferred_signals.push_back((target, signal));
                            continue;
                        }
                        other => self.pending = other,
                    }
                    if let Ok(program) = parse(&command) {
                        self.frames.push(Frame {
                            code: Rc::new(compile(&program)),
                            pc: 0,
                            saved_positional: None,
                            pops_scope: false,
                        });
                    }
                }
                None if self.pid == 1 => {}
                None => return self.finish(128 + signal),
            }
        }
    }

    /// `kill [-SIGNAL] PID…`: signals processes of this container's PID namespace.
    pub(super) fn kill(&mut self, arguments: &[String], io: &mut Io) -> i32 {
        let (signal, pids) = match arguments.split_first() {
            Some((first, rest)) if first.starts_with('-') && first.len() > 1 => {
                let name = first.trim_start_matches("-s");
                match signal_number(name) {
                    Some(number) => (number, rest),
                    None => {
                        self.shell_error(&format!(
                            "kill: {}: invalid signal specification",
                            &first[1..]
                        ));
                        return 1;
                    }
                }
            }
            _ => (15, arguments),
        };
        let mut status = 0;
        for pid_text in pids {
            let Ok(pid) = pid_text.parse::<u32>() else {
                self.shell_error(&format!(
                    "kill: {pid_text}: arguments must be process or job IDs"
                ));
                status = 1;
                continue;
            };
            // Background children started in this very run are not in the table yet.
            if let Some((id, _)) = self.background.iter().find(|(_, child)| *child == pid) {
                io.signals.push((*id, SignalTarget::Process, signal));
                continue;
            }
            let own = self.info();
            let table = io.process_table();
            let target = std::iter::once(&own)
                .chain(table.iter().filter(|p| p.id != self.id))
                .filter(|p| p.namespace == own.namespace)
                .find_map(|p| {
                    if p.pid == pid {
                        Some((p.id, SignalTarget::Process))
                    } else if p.foreground.as_ref().is_some_and(|(f, _)| *f == pid) {
                        Some((p.id, SignalTarget::Foreground))
                    } else {
                        None
                    }
                });
            match target {
                Some((id, part)) => io.signals.push((id, part, signal)),
                None => {
                    match self.flavor {
                        Flavor::Busybox => {
                            self.shell_error(&format!("can't kill pid {pid}: No such process"))
                        }
                        Flavor::Dash => self.shell_error("kill: No such process"),
                        Flavor::Bash => {
                            self.shell_error(&format!("kill: ({pid}) - No such process"))
                        }
                    }
                    status = 1;
                }
            }
        }
        status
    }
}
