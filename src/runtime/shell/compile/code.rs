//! The code a shell program compiles to: instructions ([`Op`]) with jumps
//! by index, and the here-document bodies they refer to ([`Code`]).

use crate::runtime::shell::ast::{HereDoc, Redirect, Word};
use std::rc::Rc;

/// One instruction.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// Runs a simple command.
    Simple {
        assignments: Rc<Vec<(String, Word)>>,
        words: Rc<Vec<Word>>,
        redirects: Rc<Vec<Redirect>>,
    },
    /// Runs a program in a child and keeps its output for the next expansion.
    Substitute(Rc<Code>),
    /// Applies redirections until the matching [`Op::PopRedirects`].
    PushRedirects(Rc<Vec<Redirect>>),
    /// Undoes the innermost [`Op::PushRedirects`].
    PopRedirects,
    /// Continues at the given instruction.
    Jump(usize),
    /// Continues there if the last status is not 0.
    JumpIfFailed(usize),
    /// Continues there if the last status is 0.
    JumpIfSucceeded(usize),
    /// Inverts the last status (`!`).
    Negate,
    /// Sets the last status (an `if` without a true branch is 0).
    SetStatus(i32),
    /// Starts a loop: its status is the last body's, or 0.
    LoopStart,
    /// Records the status of a loop body just run.
    LoopBodyDone,
    /// Ends a loop: the status becomes the last body's, or 0.
    LoopEnd,
    /// Leaves loops for `break N` / `continue N`: drops the status records of
    /// `loops` loops and the items of `for_loops` of them.
    UnwindLoops { loops: usize, for_loops: usize },
    /// Under `set -e`, exits if the last status is not 0.
    CheckErrexit,
    /// Expands the words of a `for` and starts iterating (`None`: `"$@"`).
    ForStart(Option<Rc<Vec<Word>>>),
    /// Assigns the next item to `name`, or ends the loop by jumping to `end`.
    ForNext { name: Rc<str>, end: usize },
    /// Expands the subject of a `case`.
    CaseStart(Word),
    /// Matches the subject against `patterns`; jumps to `next` when none matches.
    CaseTest {
        patterns: Rc<Vec<Word>>,
        next: usize,
    },
    /// Forgets the innermost `case` subject.
    CaseEnd,
    /// Ends the innermost `for` loop's item list.
    ForEnd,
    /// Runs the stages connected by pipes and waits for all of them.
    Pipeline {
        stages: Vec<Rc<Code>>,
        negated: bool,
    },
    /// Starts the code in the background (`&`).
    Background(Rc<Code>),
    /// Runs the code in a child (`( … )`) and waits for it.
    Subshell(Rc<Code>),
    /// Defines a function.
    Define { name: String, body: Rc<Code> },
}

/// Compiled code with the here-documents it refers to.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Code {
    /// The instructions, jumps naming their index.
    pub ops: Vec<Op>,
    /// The here-document bodies, indexed by `RedirectTarget::HereDoc`.
    pub heredocs: Rc<Vec<HereDoc>>,
}
