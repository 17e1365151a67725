//! The shell VM's instruction loop: run until blocked, exited or out of time,
//! resume after a wait, and execute one compiled instruction (jumps, loops,
//! `case`, pipelines, background jobs, subshells, function definitions).

use super::cost::Slice;
use super::shell_vm::Pending;
use super::simple::SimpleCommand;
use super::Process;
use crate::runtime::io::processes::ProcessView;
use crate::runtime::io::Io;
use crate::runtime::program::{ProcessId, Wait};
use crate::runtime::shell::ast::Word;
use crate::runtime::shell::expand;
use crate::runtime::shell::Op;
use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;

impl Process {
    /// Runs until the process blocks or exits, or its time slice is used
    /// up; returns the steps it used (one step is a microsecond of CPU).
    /// The slice is carried across blocks ([`super::cost`]): woken within
    /// it, the process goes on with what is left of it.
    /// A slice used up without reaching outside the process is compared
    /// with the last ones, to find the process spinning
    /// ([`Process::take_cycle`]).
    pub fn run(&mut self, io: &mut Io, spawned: &mut Vec<Process>, next_id: &mut ProcessId) -> u32 {
        let quiet = self.os.signals.is_empty() && self.vm.deferred_signals.is_empty();
        let before = (io.effects(), io.signals.len(), spawned.len(), *next_id);
        let slice = self.os.slice.at(io.now);
        let left = self.run_slice(slice, io, spawned, next_id);
        self.os.slice = slice.with_left(left);
        if left == 0 && self.os.exit_code.is_none() {
            let after = (io.effects(), io.signals.len(), spawned.len(), *next_id);
            self.end_slice(quiet && before == after);
        } else {
            self.watch.reset();
        }
        slice.left() - left
    }

    /// One activation in `slice`: returns the steps left (0 when it was
    /// used up; the process then waits for the slice's end).
    fn run_slice(
        &mut self,
        slice: Slice,
        io: &mut Io,
        spawned: &mut Vec<Process>,
        next_id: &mut ProcessId,
    ) -> u32 {
        let mut budget = slice.left();
        self.os.wait = None;
        self.handle_signals();
        if self.os.exit_code.is_some() {
            return budget;
        }
        loop {
            match self.flush(io) {
                Ok(true) => {}
                Ok(false) => {
                    self.finish(141);
                    return budget;
                }
                Err(pipe) => {
                    self.os.wait = Some(Wait::WritePipe(pipe));
                    return budget;
                }
            }
            if let Some(code) = self.vm.exit_requested.take() {
                self.finish(code);
                return budget;
            }
            if !self.os.signals.is_empty() {
                self.handle_signals();
                if self.os.exit_code.is_some() {
                    return budget;
                }
            }
            if budget == 0 {
                self.os.wait = Some(Wait::Until(slice.ends()));
                return 0;
            }
            budget -= 1;
            if let Some(pending) = self.vm.pending.take() {
                let wait = self.resume(pending, io);
                budget = budget.saturating_sub(std::mem::take(&mut self.os.overhead));
                if let Some(wait) = wait {
                    self.os.wait = Some(wait);
                    return budget.max(1);
                }
                continue;
            }
            let Some(frame) = self.vm.frames.last_mut() else {
                self.finish(self.vm.status);
                return budget;
            };
            if frame.pc >= frame.code.ops.len() {
                let frame = self.vm.frames.pop().expect("a frame");
                if let Some(saved) = frame.saved_positional {
                    self.vm.positional = saved;
                    self.vm.function_depth -= 1;
                }
                if frame.pops_scope {
                    self.pop_scope();
                }
                continue;
            }
            // One reference count for the code, not a copy of the instruction.
            let code = Rc::clone(&frame.code);
            let op = &code.ops[frame.pc];
            frame.pc += 1;
            self.execute(op, &code.heredocs, io, spawned, next_id);
            // What the kernel did for it (a fork, an exec) costs time too.
            budget = budget.saturating_sub(std::mem::take(&mut self.os.overhead));
        }
    }

    /// Continues after a wait; returns what to wait for next, if anything.
    pub(super) fn resume(&mut self, pending: Pending, io: &mut Io) -> Option<Wait> {
        let others: &dyn ProcessView = io.processes;
        let exited = |child: &ProcessId| others.exit_code(*child);
        match pending {
            Pending::Program {
                program,
                scoped,
                builtin,
            } => self.step_program(program, scoped, builtin, io),
            Pending::Substitution { child, capture } => match exited(&child) {
                Some(code) => {
                    self.vm.slots.push_back(io.take_capture(capture));
                    self.vm.status = code;
                    None
                }
                None => {
                    self.vm.pending = Some(Pending::Substitution { child, capture });
                    Some(Wait::Children(vec![child]))
                }
            },
            Pending::Subshell(child) => match exited(&child) {
                Some(code) => {
                    self.vm.status = code;
                    if self.vm.exit_after_command {
                        self.vm.exit_requested = Some(code);
                    }
                    None
                }
                None => {
                    self.vm.pending = Some(Pending::Subshell(child));
                    Some(Wait::Children(vec![child]))
                }
            },
            Pending::Pipeline { children, negated } => {
                if children.iter().all(|c| exited(c).is_some()) {
                    let last = children.last().and_then(&exited).unwrap_or(0);
                    self.vm.status = if negated { i32::from(last == 0) } else { last };
                    None
                } else {
                    self.vm.pending = Some(Pending::Pipeline {
                        children: children.clone(),
                        negated,
                    });
                    Some(Wait::Children(children))
                }
            }
            Pending::WaitFor(children) => {
                if children.iter().all(|c| exited(c).is_some()) {
                    self.vm.status = children.last().and_then(&exited).unwrap_or(0);
                    None
                } else {
                    self.vm.pending = Some(Pending::WaitFor(children.clone()));
                    Some(Wait::Children(children))
                }
            }
        }
    }

    pub(super) fn push_scope(&mut self) {
        let mut saved = self.vm.spare_scopes.pop().unwrap_or_default();
        saved.copy_from(&self.os.descriptors);
        self.vm.scopes.push(saved);
    }

    pub(super) fn pop_scope(&mut self) {
        if let Some(saved) = self.vm.scopes.pop() {
            let replaced = std::mem::replace(&mut self.os.descriptors, saved);
            self.vm.spare_scopes.push(replaced);
        }
    }

    pub(super) fn jump(&mut self, target: usize) {
        if let Some(frame) = self.vm.frames.last_mut() {
            frame.pc = target;
        }
    }

    pub(super) fn execute(
        &mut self,
        op: &Op,
        heredocs: &Rc<Vec<crate::runtime::shell::ast::HereDoc>>,
        io: &mut Io,
        spawned: &mut Vec<Process>,
        next_id: &mut ProcessId,
    ) {
        match op {
            Op::Simple {
                assignments,
                words,
                redirects,
            } => {
                let command = SimpleCommand {
                    assignments,
                    words,
                    redirects,
                };
                self.simple(command, heredocs, io, spawned, next_id);
            }
            Op::Substitute(code) => self.substitute(code, io, spawned, next_id),
            Op::PushRedirects(redirects) => {
                self.push_scope();
                if let Err(message) = self.apply_redirects(redirects, heredocs, io) {
                    self.shell_error(&message);
                    self.vm.status = 1;
                }
            }
            Op::PopRedirects => self.pop_scope(),
            Op::Jump(target) => self.jump(*target),
            Op::JumpIfFailed(target) => {
                if self.vm.status != 0 {
                    self.jump(*target);
                }
            }
            Op::JumpIfSucceeded(target) => {
                if self.vm.status == 0 {
                    self.jump(*target);
                }
            }
            Op::Negate => self.vm.status = i32::from(self.vm.status == 0),
            Op::SetStatus(status) => self.vm.status = *status,
            Op::LoopStart => self.vm.loop_statuses.push(0),
            Op::LoopBodyDone => {
                if let Some(last) = self.vm.loop_statuses.last_mut() {
                    *last = self.vm.status;
                }
            }
            Op::LoopEnd => self.vm.status = self.vm.loop_statuses.pop().unwrap_or(0),
            Op::UnwindLoops { loops, for_loops } => {
                let keep = self.vm.loop_statuses.len().saturating_sub(*loops);
                self.vm.loop_statuses.truncate(keep);
                let keep = self.vm.loops.len().saturating_sub(*for_loops);
                self.vm.loops.truncate(keep);
            }
            Op::CheckErrexit => {
                if self.vm.errexit && self.vm.status != 0 {
                    self.vm.exit_requested = Some(self.vm.status);
                }
            }
            Op::ForStart(words) => self.for_start(words, io),
            Op::ForNext { name, end } => {
                match self.vm.loops.last_mut().and_then(VecDeque::pop_front) {
                    Some(item) => match self.vm.variables.get_mut(&**name) {
                        Some(value) => *value = item,
                        None => {
                            self.vm.variables.insert(name.to_string(), item);
                        }
                    },
                    None => self.jump(*end),
                }
            }
            Op::ForEnd => {
                self.vm.loops.pop();
            }
            Op::CaseStart(word) => {
                let subject = self.expand_single(word, io).unwrap_or_default();
                self.vm.cases.push(subject);
                self.vm.status = 0;
            }
            Op::CaseTest { patterns, next } => self.case_test(patterns, *next, io),
            Op::CaseEnd => {
                self.vm.cases.pop();
            }
            Op::Pipeline { stages, negated } => {
                self.pipeline(stages, *negated, io, spawned, next_id)
            }
            Op::Background(code) => self.background(code, spawned, next_id),
            Op::Subshell(code) => {
                if let Some((child, _)) =
                    self.spawn_child(code.clone(), BTreeMap::new(), next_id, spawned)
                {
                    self.vm.pending = Some(Pending::Subshell(child));
                }
            }
            Op::Define { name, body } => {
                self.vm.functions.insert(name.clone(), body.clone());
                self.vm.status = 0;
            }
        }
    }

    /// A `for` loop starts: its items are expanded (or are the positional parameters).
    fn for_start(&mut self, words: &Option<Rc<Vec<Word>>>, io: &mut Io) {
        let items = match words {
            Some(words) => match self.expand_words(words, io) {
                Ok(items) => items,
                Err(error) => {
                    self.shell_error(&error.0);
                    Vec::new()
                }
            },
            None => self.vm.positional.clone(),
        };
        self.vm.loops.push(items.into());
    }

    /// A `case` branch: jumps past it unless a pattern matches the subject.
    fn case_test(&mut self, patterns: &[Word], next: usize, io: &mut Io) {
        let subject = self.vm.cases.last().cloned().unwrap_or_default();
        let matched = patterns.iter().any(|pattern| {
            let pattern = self.pattern_text(pattern, io);
            expand::glob_match(&pattern, &subject)
        });
        if !matched {
            self.jump(next);
        }
    }
}
