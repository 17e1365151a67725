//! Steady state: a process whose time slices have become a pure cycle (the
//! snapshots and the watch over them; `spin.rs` takes the snapshots).
//!
//! At the end of every slice used up by computing, the process's whole
//! state (what the shell holds and what the kernel has of it) is taken as
//! a [`Snapshot`]; a slice that reached outside the process (any effect
//! [`crate::runtime::io::Io::effects`] counts, a spawn, a signal sent, a
//! program that is not steady) forgets the snapshots kept. When the state
//! at the end of a slice equals the state at the end of an earlier one, and
//! the slices between did nothing but write to one log, every later slice
//! repeats that cycle byte for byte (the machine is deterministic and reads
//! nothing that could change): the process is *spinning*, and the runtime
//! stops running it and writes the cycle's output when it is wanted.

use super::shell_vm::Frame;
use crate::runtime::descriptors::Descriptors;
use crate::runtime::pipes::{Endpoint, Stream};
use crate::runtime::program::SignalTarget;
use crate::runtime::shell::Code;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::rc::Rc;

/// The longest cycle looked for, in slices: a loop of P instructions
/// returns to the same place at a slice's end after at most P slices when
/// P does not divide [`super::TIME_SLICE`].
pub const MAX_CYCLE_SLICES: usize = 64;

/// What one slice wrote to logs, in order: (log index, stream, bytes), a
/// run of writes to the same stream of the same log joined into one (the
/// log splits lines the same way either way).
pub type SliceOutput = Vec<(usize, Stream, Vec<u8>)>;

/// Compiled code compared by identity (the same code, not equal text);
/// holding it keeps its address from being reused.
#[derive(Clone)]
pub(super) struct CodeRef(pub(super) Rc<Code>);

impl PartialEq for CodeRef {
    fn eq(&self, other: &CodeRef) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A frame as a snapshot holds it.
#[derive(Clone, PartialEq)]
pub(super) struct FrameState {
    /// The code.
    code: CodeRef,
    /// The next instruction.
    pc: usize,
    /// The caller's positional parameters, for a function call.
    saved_positional: Option<Vec<String>>,
    /// Whether returning pops a descriptor scope.
    pops_scope: bool,
}

impl FrameState {
    pub(super) fn of(frame: &Frame) -> FrameState {
        FrameState {
            code: CodeRef(Rc::clone(&frame.code)),
            pc: frame.pc,
            saved_positional: frame.saved_positional.clone(),
            pops_scope: frame.pops_scope,
        }
    }
}

/// Everything that decides what a process does next when it reads nothing
/// from outside: the shell's state and the kernel's descriptors, working
/// directory and foreground program.
#[derive(Clone, PartialEq)]
pub(super) struct Snapshot {
    /// The frames, innermost last.
    pub(super) frames: Vec<FrameState>,
    /// Variables and the exported names.
    pub(super) variables: (BTreeMap<String, String>, BTreeSet<String>),
    /// Function names and their code.
    pub(super) functions: Vec<(String, CodeRef)>,
    /// `$0` and the positional parameters.
    pub(super) parameters: (String, Vec<String>),
    /// `$?`.
    pub(super) status: i32,
    /// Saved descriptor tables and the current one.
    pub(super) scopes: (Vec<Descriptors>, Descriptors),
    /// Substitution outputs, `for` items, `case` subjects, loop statuses.
    pub(super) control: (
        VecDeque<String>,
        Vec<VecDeque<String>>,
        Vec<String>,
        Vec<i32>,
    ),
    /// The steady program running in the foreground (by identity: within
    /// a run of slices without effects no other program can start) and
    /// whether its command has a descriptor scope.
    pub(super) program: Option<(usize, bool)>,
    /// Background children (runtime identity and PID).
    pub(super) background: Vec<(u64, u32)>,
    /// Traps by signal.
    pub(super) traps: BTreeMap<i32, String>,
    /// Signals waiting for the foreground program to end.
    pub(super) deferred_signals: VecDeque<(SignalTarget, i32)>,
    /// `exec` form, `set -e`, exit after the command.
    pub(super) options: (bool, bool, bool),
    /// The working directory.
    pub(super) cwd: String,
    /// The foreground program as `ps` shows it (PID and command line).
    pub(super) foreground: Option<(u32, Vec<String>)>,
    /// The program that ended last.
    pub(super) finished_program: Option<String>,
}

/// A cycle found: what each of its slices writes, in order.
pub struct Cycle {
    /// The slices' outputs, the one that comes next first.
    pub slices: Vec<SliceOutput>,
}

/// The snapshots of the slices since the last effect, and the output of
/// the slice being run.
#[derive(Default)]
pub(super) struct SpinWatch {
    /// (state at the end of a slice, what that slice wrote), oldest first.
    history: VecDeque<(Snapshot, SliceOutput)>,
    /// What the current slice has written so far.
    current: SliceOutput,
    /// A cycle found at the end of the last slice, for the runtime.
    pub(super) found: Option<Cycle>,
}

impl SpinWatch {
    /// Notes a write of `data` to a log by the current slice.
    pub(super) fn record(&mut self, endpoint: Endpoint, data: &[u8]) {
        let Endpoint::Log { container, stream } = endpoint else {
            return;
        };
        match self.current.last_mut() {
            Some((log, last, bytes)) if *log == container && *last == stream => {
                bytes.extend_from_slice(data)
            }
            _ => self.current.push((container, stream, data.to_vec())),
        }
    }

    /// Forgets everything: the slice reached outside, or did not end by
    /// using up its time.
    pub(super) fn reset(&mut self) {
        self.history.clear();
        self.current.clear();
    }

    /// The slice ended with the process in state `snapshot`: a cycle when
    /// that state was seen at the end of an earlier slice.
    pub(super) fn observe(&mut self, snapshot: Snapshot) {
        let output = std::mem::take(&mut self.current);
        let seen = self.history.iter().rposition(|(s, _)| *s == snapshot);
        if let Some(start) = seen {
            let mut slices: Vec<SliceOutput> = self
                .history
                .drain(start + 1..)
                .map(|(_, output)| output)
                .collect();
            slices.push(output);
            self.history.clear();
            if writes_whole_lines_to_one_log(&slices) {
                self.found = Some(Cycle { slices });
            }
            return;
        }
        if self.history.len() == MAX_CYCLE_SLICES {
            self.history.pop_front();
        }
        self.history.push_back((snapshot, output));
    }
}

/// Whether a cycle writes to one log only, each stream it writes to
/// getting at least one newline per cycle (so the unfinished line a log
/// holds stays bounded, and whole cycles can be left out in front).
fn writes_whole_lines_to_one_log(slices: &[SliceOutput]) -> bool {
    let mut logs = slices.iter().flatten().map(|(log, _, _)| *log);
    let first = logs.next();
    if logs.any(|log| Some(log) != first) {
        return false;
    }
    [Stream::Stdout, Stream::Stderr].iter().all(|stream| {
        let mut written = slices
            .iter()
            .flatten()
            .filter(|(_, s, _)| s == stream)
            .peekable();
        written.peek().is_none() || written.any(|(_, _, bytes)| bytes.contains(&b'\n'))
    })
}
