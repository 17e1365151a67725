//! Finding a process spinning: at the end of each slice it used up without
//! reaching outside itself, its state is taken as a [`Snapshot`] and handed
//! to its [`super::watch::SpinWatch`]; any other slice resets the watch.

use super::shell_vm::{Pending, ShellVm};
use super::watch::{CodeRef, Cycle, FrameState, Snapshot};
use super::Process;
use crate::clock::SimTime;
use std::rc::Rc;

impl Process {
    /// Ends a slice used up by computing: `clean` when it reached nothing
    /// outside the process. A cycle found is kept for [`Process::take_cycle`].
    pub(super) fn end_slice(&mut self, clean: bool) {
        match self.snapshot().filter(|_| clean) {
            Some(snapshot) => self.watch.observe(snapshot),
            None => self.watch.reset(),
        }
    }

    /// When the time slice it has just used up began (`None` while it has
    /// steps left in it, or when it has exited): it is busy, and waits for
    /// its next slice.
    pub fn used_up_slice(&self) -> Option<SimTime> {
        self.os
            .slice
            .used_up_at()
            .filter(|_| self.os.exit_code.is_none())
    }

    /// The cycle the process was found spinning in, once.
    pub fn take_cycle(&mut self) -> Option<Cycle> {
        self.watch.found.take()
    }

    /// The state that decides what the process does next, when nothing is
    /// in flight (no output undelivered, no signal, no child or wait
    /// pending, only a steady program in the foreground).
    fn snapshot(&self) -> Option<Snapshot> {
        let vm: &ShellVm = &self.vm;
        let program = match &vm.pending {
            None => None,
            Some(Pending::Program {
                program, scoped, ..
            }) if program.steady() => {
                let address = &**program as *const dyn crate::runtime::program::Program;
                Some((address.cast::<()>() as usize, *scoped))
            }
            Some(_) => return None,
        };
        if !self.os.outbox.is_empty() || !self.os.signals.is_empty() || vm.exit_requested.is_some()
        {
            return None;
        }
        Some(Snapshot {
            frames: vm.frames.iter().map(FrameState::of).collect(),
            variables: (vm.variables.clone(), vm.exported.clone()),
            functions: vm
                .functions
                .iter()
                .map(|(name, code)| (name.clone(), CodeRef(Rc::clone(code))))
                .collect(),
            parameters: (vm.arg0.clone(), vm.positional.clone()),
            status: vm.status,
            scopes: (vm.scopes.clone(), self.os.descriptors.clone()),
            control: (
                vm.slots.clone(),
                vm.loops.clone(),
                vm.cases.clone(),
                vm.loop_statuses.clone(),
            ),
            program,
            background: vm.background.clone(),
            traps: vm.traps.clone(),
            deferred_signals: vm.deferred_signals.clone(),
            options: (vm.exec_form, vm.errexit, vm.exit_after_command),
            cwd: self.os.cwd.clone(),
            foreground: self.os.foreground.clone(),
            finished_program: self.os.finished_program.clone(),
        })
    }
}
