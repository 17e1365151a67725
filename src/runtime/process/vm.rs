//! The shell VM's instruction loop: run until blocked, exited or out of time,
//! resume after a wait, and execute one compiled instruction (jumps, loops,
//! `case`, pipelines, background jobs, subshells, function definitions).

use super::{Pending, Process, TIME_SLICE, TIME_SLICE_MILLIS};
use crate::runtime::images::Toolset;
use crate::runtime::io::processes::ProcessView;
use crate::runtime::io::Io;
use crate::runtime::pipes::Endpoint;
use crate::runtime::program::{ProcessId, Program, Step, Sys, Wait};
use crate::runtime::shell::ast::Word;
use crate::runtime::shell::expand;
use crate::runtime::shell::Op;
use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;

impl Process {
    /// Runs until the process blocks or exits, or its time slice is used up.
    pub fn run(&mut self, io: &mut Io, spawned: &mut Vec<Process>, next_id: &mut ProcessId) {
        self.wait = None;
        self.handle_signals();
        if self.exit_code.is_some() {
            return;
        }
        let mut budget = TIME_SLICE;
        loop {
            match self.flush(io) {
                Ok(true) => {}
                Ok(false) => return self.finish(141),
                Err(pipe) => {
                    self.wait = Some(Wait::WritePipe(pipe));
                    return;
                }
            }
            if let Some(code) = self.exit_requested.take() {
                return self.finish(code);
            }
            if !self.signals.is_empty() {
                self.handle_signals();
                if self.exit_code.is_some() {
                    return;
                }
            }
            if budget == 0 {
                self.wait = Some(Wait::Until(io.now + TIME_SLICE_MILLIS));
                return;
            }
            budget -= 1;
            if let Some(pending) = self.pending.take() {
                let before: usize = self.outbox.iter().map(|(_, data)| data.len()).sum();
                let wait = self.resume(pending, io);
                // Producing output costs time too: one instruction per 64 bytes.
                let after: usize = self.outbox.iter().map(|(_, data)| data.len()).sum();
                let cost = (after.saturating_sub(before) / 64) as u32;
                budget = budget.saturating_sub(cost);
                if let Some(wait) = wait {
                    self.wait = Some(wait);
                    return;
                }
                continue;
            }
            let Some(frame) = self.frames.last_mut() else {
                return self.finish(self.status);
            };
            if frame.pc >= frame.code.ops.len() {
                let frame = self.frames.pop().expect("a frame");
                if let Some(saved) = frame.saved_positional {
                    self.positional = saved;
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
        }
    }

    /// Continues after a wait; returns what to wait for next, if anything.
    pub(super) fn resume(&mut self, pending: Pending, io: &mut Io) -> Option<Wait> {
        let others: &dyn ProcessView = io.processes;
        let exited = |child: &ProcessId| others.exit_code(*child);
        match pending {
            Pending::Program { program, scoped } => self.step_program(program, scoped, io),
            Pending::Substitution { child, capture } => match exited(&child) {
                Some(code) => {
                    self.slots.push_back(io.take_capture(capture));
                    self.status = code;
                    None
                }
                None => {
                    self.pending = Some(Pending::Substitution { child, capture });
                    Some(Wait::Children(vec![child]))
                }
            },
            Pending::Subshell(child) => match exited(&child) {
                Some(code) => {
                    self.status = code;
                    if self.exit_after_command {
                        self.exit_requested = Some(code);
                    }
                    None
                }
                None => {
                    self.pending = Some(Pending::Subshell(child));
                    Some(Wait::Children(vec![child]))
                }
            },
            Pending::Pipeline { children, negated } => {
                if children.iter().all(|c| exited(c).is_some()) {
                    let last = children.last().and_then(&exited).unwrap_or(0);
                    self.status = if negated { i32::from(last == 0) } else { last };
                    None
                } else {
                    self.pending = Some(Pending::Pipeline {
                        children: children.clone(),
                        negated,
                    });
                    Some(Wait::Children(children))
                }
            }
            Pending::WaitFor(children) => {
                if children.iter().all(|c| exited(c).is_some()) {
                    self.status = children.last().and_then(&exited).unwrap_or(0);
                    None
                } else {
                    self.pending = Some(Pending::WaitFor(children.clone()));
                    Some(Wait::Children(children))
                }
            }
        }
    }

    pub(super) fn push_scope(&mut self) {
        let mut saved = self.spare_scopes.pop().unwrap_or_default();
        saved.copy_from(&self.descriptors);
        self.scopes.push(saved);
    }

    pub(super) fn pop_scope(&mut self) {
        if let Some(saved) = self.scopes.pop() {
            let replaced = std::mem::replace(&mut self.descriptors, saved);
            self.spare_scopes.push(replaced);
        }
    }

    pub(super) fn jump(&mut self, target: usize) {
        if let Some(frame) = self.frames.last_mut() {
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
            } => self.simple(
                assignments,
                words,
                redirects,
                heredocs,
                io,
                spawned,
                next_id,
            ),
            Op::Substitute(code) => self.substitute(code, io, spawned, next_id),
            Op::PushRedirects(redirects) => {
                self.push_scope();
                if let Err(message) = self.apply_redirects(redirects, heredocs, io) {
                    self.shell_error(&message);
                    self.status = 1;
                }
            }
            Op::PopRedirects => self.pop_scope(),
            Op::Jump(target) => self.jump(*target),
            Op::JumpIfFailed(target) => {
                if self.status != 0 {
                    self.jump(*target);
                }
            }
            Op::JumpIfSucceeded(target) => {
                if self.status == 0 {
                    self.jump(*target);
                }
            }
            Op::Negate => self.status = i32::from(self.status == 0),
            Op::SetStatus(status) => self.status = *status,
            Op::LoopStart => self.loop_statuses.push(0),
            Op::LoopBodyDone => {
                if let Some(last) = self.loop_statuses.last_mut() {
                    *last = self.status;
                }
            }
            Op::LoopEnd => self.status = self.loop_statuses.pop().unwrap_or(0),
            Op::UnwindLoops { loops, for_loops } => {
                let keep = self.loop_statuses.len().saturating_sub(*loops);
                self.loop_statuses.truncate(keep);
                let keep = self.loops.len().saturating_sub(*for_loops);
                self.loops.truncate(keep);
            }
            Op::CheckErrexit => {
                if self.errexit && self.status != 0 {
                    self.exit_requested = Some(self.status);
                }
            }
            Op::ForStart(words) => self.for_start(words, io),
            Op::ForNext { name, end } => {
                match self.loops.last_mut().and_then(VecDeque::pop_front) {
                    Some(item) => match self.variables.get_mut(&**name) {
                        Some(value) => *value = item,
                        None => {
                            self.variables.insert(name.to_string(), item);
                        }
                    },
                    None => self.jump(*end),
                }
            }
            Op::ForEnd => {
                self.loops.pop();
            }
            Op::CaseStart(word) => {
                let subject = self.expand_single(word, io).unwrap_or_default();
                self.cases.push(subject);
                self.status = 0;
            }
            Op::CaseTest { patterns, next } => self.case_test(patterns, *next, io),
            Op::CaseEnd => {
                self.cases.pop();
            }
            Op::Pipeline { stages, negated } => {
                self.pipeline(stages, *negated, io, spawned, next_id)
            }
            Op::Background(code) => self.background(code, spawned, next_id),
            Op::Subshell(code) => {
                if let Some((child, _)) =
                    self.spawn_child(code.clone(), BTreeMap::new(), next_id, spawned)
                {
                    self.pending = Some(Pending::Subshell(child));
                }
            }
            Op::Define { name, body } => {
                self.functions.insert(name.clone(), body.clone());
                self.status = 0;
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
            None => self.positional.clone(),
        };
        self.loops.push(items.into());
    }

    /// A `case` branch: jumps past it unless a pattern matches the subject.
    fn case_test(&mut self, patterns: &[Word], next: usize, io: &mut Io) {
        let subject = self.cases.last().cloned().unwrap_or_default();
        let matched = patterns.iter().any(|pattern| {
            let pattern = self.pattern_text(pattern, io);
            expand::glob_match(&pattern, &subject)
        });
        if !matched {
            self.jump(next);
        }
    }

    /// Runs the foreground program one step and delivers what it wrote;
    /// returns what it waits for, if anything.
    fn step_program(
        &mut self,
        mut program: Box<dyn Program>,
        scoped: bool,
        io: &mut Io,
    ) -> Option<Wait> {
        let mut out = Vec::new();
        let mut err = Vec::new();
        let step = program.step(&mut Sys {
            io,
            view: &self.view,
            cwd: &self.cwd,
            stdin: self.descriptors.get(0).unwrap_or(Endpoint::Null),
            out: &mut out,
            err: &mut err,
            variables: &self.variables,
            exported: &self.exported,
            hostname: &self.hostname,
            network: self.network.as_deref(),
            busybox: self.tools.base == Toolset::Busybox,
            tools: &self.tools,
            pid_namespace: self.namespace.id,
            own_pid: self.pid,
            own_argv: &self.argv,
            next_pid: &self.namespace.next_pid,
        });
        // Standard error is unbuffered; standard output (a pipe or a
        // file in a container) is flushed later, so errors come first.
        self.write_out(2, err);
        self.write_out(1, out);
        match step {
            Step::Exit(code) => {
                self.status = code;
                self.finished_program = self
                    .foreground
                    .take()
                    .and_then(|(_, fields)| fields.into_iter().next());
                if self.exit_after_command {
                    self.exit_requested = Some(code);
                }
                self.signals.append(&mut self.deferred_signals);
                if scoped {
                    self.pop_scope();
                }
                None
            }
            Step::Continue => {
                self.pending = Some(Pending::Program { program, scoped });
                None
            }
            Step::Block(wait) => {
                self.pending = Some(Pending::Program { program, scoped });
                // Output produced before blocking is delivered first.
                if self.outbox.is_empty() {
                    Some(wait)
                } else {
                    None
                }
            }
        }
    }
}
