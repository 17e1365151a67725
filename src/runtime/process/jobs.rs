//! The children the shell VM starts for a command substitution, a
//! pipeline (one per stage, joined by pipes) and a background job.

use super::shell_vm::Pending;
use super::Process;
use crate::runtime::io::Io;
use crate::runtime::pipes::{Endpoint, PipeId};
use crate::runtime::program::ProcessId;
use crate::runtime::shell::Code;
use std::collections::BTreeMap;
use std::rc::Rc;

impl Process {
    /// A command substitution: a child writing to a new capture, waited for.
    pub(super) fn substitute(
        &mut self,
        code: &Rc<Code>,
        io: &mut Io,
        spawned: &mut Vec<Process>,
        next_id: &mut ProcessId,
    ) {
        let capture = io.new_capture();
        let overrides = BTreeMap::from([(1, Endpoint::Capture(capture))]);
        match self.spawn_child(code.clone(), overrides, next_id, spawned) {
            Some((child, _)) => self.vm.pending = Some(Pending::Substitution { child, capture }),
            None => self.vm.slots.push_back(String::new()),
        }
    }

    /// A pipeline: a child per stage, joined by new pipes, all waited for.
    pub(super) fn pipeline(
        &mut self,
        stages: &[Rc<Code>],
        negated: bool,
        io: &mut Io,
        spawned: &mut Vec<Process>,
        next_id: &mut ProcessId,
    ) {
        let mut children = Vec::new();
        let mut input: Option<PipeId> = None;
        let count = stages.len();
        for (index, stage) in stages.iter().enumerate() {
            let mut overrides = BTreeMap::new();
            if let Some(pipe) = input {
                overrides.insert(0, Endpoint::PipeRead(pipe));
            }
            if index + 1 < count {
                let pipe = io.new_pipe();
                overrides.insert(1, Endpoint::PipeWrite(pipe));
                input = Some(pipe);
            }
            match self.spawn_child(stage.clone(), overrides, next_id, spawned) {
                Some((child, _)) => children.push(child),
                None => break,
            }
        }
        self.vm.pending = Some(Pending::Pipeline { children, negated });
    }

    /// `CODE &`: a child not waited for, remembered for `wait` and `$!`.
    pub(super) fn background(
        &mut self,
        code: &Rc<Code>,
        spawned: &mut Vec<Process>,
        next_id: &mut ProcessId,
    ) {
        if let Some((child, pid)) =
            self.spawn_child(code.clone(), BTreeMap::new(), next_id, spawned)
        {
            self.vm.background.push((child, pid));
            self.vm.variables.insert("!".into(), pid.to_string());
            self.vm.status = 0;
        }
    }
}
