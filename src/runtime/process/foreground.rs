//! The foreground program: a step of it, what it wrote delivered, its
//! exit ending the command (and its descriptor scope).

use super::shell_vm::Pending;
use super::Process;
use crate::runtime::images::Toolset;
use crate::runtime::io::Io;
use crate::runtime::pipes::Endpoint;
use crate::runtime::program::{Program, Step, Sys, Wait};

impl Process {
    /// Runs a builtin just started its first step (as the step a program's
    /// first step costs), so a slice never ends with a builtin started and
    /// not run: a loop of builtins ends each slice between commands, where
    /// [`Process::take_cycle`] can find it spinning. A builtin does not
    /// block (it writes to the outbox, whose flush may), so no wait is lost.
    pub(super) fn run_started_builtin(&mut self, io: &mut Io) {
        let started = self
            .vm
            .pending
            .take_if(|pending| matches!(pending, Pending::Program { builtin: true, .. }));
        if let Some(pending) = started {
            self.os.overhead += 1;
            let _blocked = self.resume(pending, io);
        }
    }

    /// Runs the foreground program one step and delivers what it wrote;
    /// returns what it waits for, if anything.
    pub(super) fn step_program(
        &mut self,
        mut program: Box<dyn Program>,
        scoped: bool,
        builtin: bool,
        io: &mut Io,
    ) -> Option<Wait> {
        if !program.steady() && !builtin {
            // What a program does is not looked into: it counts as an effect.
            io.effects.count();
        }
        let before: usize = self.os.outbox.iter().map(|(_, data)| data.len()).sum();
        let mut out = Vec::new();
        let mut err = Vec::new();
        let step = program.step(&mut Sys {
            io,
            view: &self.os.view,
            cwd: &self.os.cwd,
            stdin: self.os.descriptors.get(0).unwrap_or(Endpoint::Null),
            out: &mut out,
            err: &mut err,
            variables: &self.vm.variables,
            exported: &self.vm.exported,
            hostname: &self.os.hostname,
            network: self.os.network.as_deref(),
            busybox: self.os.tools.base == Toolset::Busybox,
            shell: self.vm.flavor,
            tools: &self.os.tools,
            pid_namespace: self.os.namespace.id,
            own_pid: self.os.pid,
            own_argv: &self.os.argv,
            next_pid: &self.os.namespace.next_pid,
        });
        // Standard error is unbuffered; standard output (a pipe or a
        // file in a container) is flushed later, so errors come first.
        self.write_out(2, err);
        self.write_out(1, out);
        // Producing output costs time too: one instruction per 64 bytes.
        let after: usize = self.os.outbox.iter().map(|(_, data)| data.len()).sum();
        self.os.overhead += (after.saturating_sub(before) / 64) as u32;
        match step {
            Step::Exit(code) => {
                self.vm.status = code;
                self.os.finished_program = self
                    .os
                    .foreground
                    .take()
                    .and_then(|(_, fields)| fields.into_iter().next());
                if self.vm.exit_after_command {
                    self.vm.exit_requested = Some(code);
                }
                self.os.signals.append(&mut self.vm.deferred_signals);
                if scoped {
                    self.pop_scope();
                }
                None
            }
            Step::Continue => {
                self.vm.pending = Some(Pending::Program {
                    program,
                    scoped,
                    builtin,
                });
                None
            }
            Step::Block(wait) => {
                self.vm.pending = Some(Pending::Program {
                    program,
                    scoped,
                    builtin,
                });
                // Output produced before blocking is delivered first.
                if self.os.outbox.is_empty() {
                    Some(wait)
                } else {
                    None
                }
            }
        }
    }
}
