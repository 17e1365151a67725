//! Syntax tree → flat code with jumps, so a process can stop at any
//! instruction (a `sleep`, a read that would block, a used-up time slice) and
//! resume there later. Command substitutions inside words become
//! [`Op::Substitute`] instructions placed just before the instruction that
//! expands those words; expansion then takes their outputs in order.

use super::ast::{
    AndOr, Command, CompoundCommand, Connector, List, Pipeline, Program, Redirect, RedirectTarget,
    Word, WordPart,
};
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
    pub ops: Vec<Op>,
    pub heredocs: Rc<Vec<super::ast::HereDoc>>,
}

/// Compiles a parsed program.
pub fn compile(program: &Program) -> Code {
    let mut compiler = Compiler {
        ops: Vec::new(),
        heredocs: Rc::new(program.heredocs.clone()),
        guarded: 0,
        loops: Vec::new(),
    };
    compiler.list(&program.body);
    compiler.finish()
}

struct Compiler {
    ops: Vec<Op>,
    heredocs: Rc<Vec<super::ast::HereDoc>>,
    /// How deep inside contexts `set -e` ignores (conditions, `&&`/`||` heads).
    guarded: usize,
    /// The loops being compiled, innermost last.
    loops: Vec<LoopLabels>,
}

/// Where `break` and `continue` go in one loop.
struct LoopLabels {
    /// The instruction `continue` jumps to.
    continue_at: usize,
    /// Jumps of `break` to patch to the loop's end.
    breaks: Vec<usize>,
    /// Whether it is a `for` loop (with items to drop when leaving it).
    is_for: bool,
}

impl Compiler {
    fn finish(self) -> Code {
        Code {
            ops: self.ops,
            heredocs: self.heredocs,
        }
    }

    fn nested(&self, build: impl FnOnce(&mut Compiler)) -> Rc<Code> {
        let mut compiler = Compiler {
            ops: Vec::new(),
            heredocs: self.heredocs.clone(),
            guarded: self.guarded,
            loops: Vec::new(),
        };
        build(&mut compiler);
        Rc::new(compiler.finish())
    }

    fn emit(&mut self, op: Op) -> usize {
        self.ops.push(op);
        self.ops.len() - 1
    }

    /// Sets the target of the jump at `at` to the next instruction.
    fn patch(&mut self, at: usize) {
        let here = self.ops.len();
        match &mut self.ops[at] {
            Op::Jump(target) | Op::JumpIfFailed(target) | Op::JumpIfSucceeded(target) => {
                *target = here
            }
            Op::ForNext { end, .. } => *end = here,
            Op::CaseTest { next, .. } => *next = here,
            _ => unreachable!("only jumps are patched"),
        }
    }

    /// Emits the command substitutions of `words`, in order.
    fn substitutions<'a>(&mut self, words: impl IntoIterator<Item = &'a Word>) {
        for word in words {
            self.substitutions_of_parts(&word.parts);
        }
    }

    fn substitutions_of_parts(&mut self, parts: &[WordPart]) {
        for part in parts {
            match part {
                WordPart::CommandSubstitution(program) => {
                    let code = Rc::new(compile(program));
                    self.emit(Op::Substitute(code));
                }
                WordPart::DoubleQuoted(inner) => self.substitutions_of_parts(inner),
                WordPart::Parameter(parameter) => {
                    use super::ast::ParameterOperation::*;
                    match &parameter.operation {
                        Default { word, .. }
                        | Assign { word, .. }
                        | Alternative { word, .. }
                        | Error { word, .. } => self.substitutions_of_parts(&word.parts),
                        RemovePrefix { pattern, .. } | RemoveSuffix { pattern, .. } => {
                            self.substitutions_of_parts(&pattern.parts)
                        }
                        Value | Length => {}
                    }
                }
                _ => {}
            }
        }
    }

    fn redirect_words(redirects: &[Redirect]) -> impl Iterator<Item = &Word> {
        redirects.iter().filter_map(|r| match &r.target {
            RedirectTarget::Word(word) => Some(word),
            RedirectTarget::HereDoc(_) => None,
        })
    }

    fn list(&mut self, list: &List) {
        for item in &list.items {
            if item.background {
                let code = self.nested(|c| c.and_or(&item.and_or));
                self.emit(Op::Background(code));
            } else {
                self.and_or(&item.and_or);
            }
        }
    }

    /// Compiles with `set -e` suspended (a condition, a head of `&&`/`||`).
    fn guarded(&mut self, build: impl FnOnce(&mut Compiler)) {
        self.guarded += 1;
        build(self);
        self.guarded -= 1;
    }

    fn and_or(&mut self, and_or: &AndOr) {
        if and_or.rest.is_empty() {
            return self.pipeline(&and_or.first);
        }
        self.guarded(|c| c.pipeline(&and_or.first));
        let last = and_or.rest.len() - 1;
        for (index, (connector, pipeline)) in and_or.rest.iter().enumerate() {
            let skip = match connector {
                Connector::And => self.emit(Op::JumpIfFailed(0)),
                Connector::Or => self.emit(Op::JumpIfSucceeded(0)),
            };
            if index == last {
                self.pipeline(pipeline);
            } else {
                self.guarded(|c| c.pipeline(pipeline));
            }
            // A skipped pipeline keeps the status and the chain goes on from here.
            self.patch(skip);
        }
    }

    fn pipeline(&mut self, pipeline: &Pipeline) {
        if pipeline.commands.len() == 1 {
            self.command(&pipeline.commands[0]);
            if pipeline.negated {
                self.emit(Op::Negate);
            }
        } else {
            let stages = pipeline
                .commands
                .iter()
                .map(|command| self.nested(|c| c.command(command)))
                .collect();
            self.emit(Op::Pipeline {
                stages,
                negated: pipeline.negated,
            });
        }
        if self.guarded == 0 && !pipeline.negated {
            self.emit(Op::CheckErrexit);
        }
    }

    /// `break [N]` / `continue [N]` inside loops being compiled; false when
    /// `words` is neither (or there is no loop to leave).
    fn loop_control(&mut self, words: &[Word]) -> bool {
        let Some(keyword) = words.first().and_then(Word::as_literal) else {
            return false;
        };
        if !matches!(keyword, "break" | "continue") || self.loops.is_empty() {
            return false;
        }
        let levels = words
            .get(1)
            .and_then(Word::as_literal)
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(1)
            .clamp(1, self.loops.len());
        let target = self.loops.len() - levels;
        let inner = &self.loops[target + 1..];
        let for_loops = inner.iter().filter(|l| l.is_for).count();
        self.emit(Op::SetStatus(0));
        if levels > 1 {
            self.emit(Op::UnwindLoops {
                loops: levels - 1,
                for_loops,
            });
        }
        if keyword == "break" {
            self.emit(Op::LoopBodyDone);
            let jump = self.emit(Op::Jump(0));
            self.loops[target].breaks.push(jump);
        } else {
            let continue_at = self.loops[target].continue_at;
            self.emit(Op::Jump(continue_at));
        }
        true
    }

    fn end_loop(&mut self) {
        if let Some(labels) = self.loops.pop() {
            for jump in labels.breaks {
                self.patch(jump);
            }
        }
    }

    fn command(&mut self, command: &Command) {
        match command {
            Command::Simple {
                assignments,
                words,
                redirects,
            } => {
                if assignments.is_empty() && redirects.is_empty() && self.loop_control(words) {
                    return;
                }
                self.substitutions(assignments.iter().map(|(_, w)| w));
                self.substitutions(words);
                self.substitutions(Self::redirect_words(redirects));
                self.emit(Op::Simple {
                    assignments: Rc::new(assignments.clone()),
                    words: Rc::new(words.clone()),
                    redirects: Rc::new(redirects.clone()),
                });
            }
            Command::Compound { body, redirects } => {
                if redirects.is_empty() {
                    self.compound(body);
                } else {
                    self.substitutions(Self::redirect_words(redirects));
                    self.emit(Op::PushRedirects(Rc::new(redirects.clone())));
                    self.compound(body);
                    self.emit(Op::PopRedirects);
                }
            }
            Command::FunctionDefinition { name, body } => {
                let code = self.nested(|c| c.command(body));
                self.emit(Op::Define {
                    name: name.clone(),
                    body: code,
                });
            }
        }
    }

    fn compound(&mut self, compound: &CompoundCommand) {
        match compound {
            CompoundCommand::Group(list) => self.list(list),
            CompoundCommand::Subshell(list) => {
                let code = self.nested(|c| c.list(list));
                self.emit(Op::Subshell(code));
            }
            CompoundCommand::If {
                branches,
                otherwise,
            } => {
                let mut to_end = Vec::new();
                for (condition, body) in branches {
                    self.guarded(|c| c.list(condition));
                    let skip = self.emit(Op::JumpIfFailed(0));
                    self.list(body);
                    to_end.push(self.emit(Op::Jump(0)));
                    self.patch(skip);
                }
                match otherwise {
                    Some(otherwise) => self.list(otherwise),
                    None => {
                        self.emit(Op::SetStatus(0));
                    }
                }
                for jump in to_end {
                    self.patch(jump);
                }
            }
            CompoundCommand::While { condition, body }
            | CompoundCommand::Until { condition, body } => {
                self.emit(Op::LoopStart);
                let top = self.ops.len();
                self.guarded(|c| c.list(condition));
                let exit = if matches!(compound, CompoundCommand::While { .. }) {
                    self.emit(Op::JumpIfFailed(0))
                } else {
                    self.emit(Op::JumpIfSucceeded(0))
                };
                self.loops.push(LoopLabels {
                    continue_at: top,
                    breaks: Vec::new(),
                    is_for: false,
                });
                self.list(body);
                self.emit(Op::LoopBodyDone);
                self.emit(Op::Jump(top));
                self.patch(exit);
                self.end_loop();
                self.emit(Op::LoopEnd);
            }
            CompoundCommand::For { name, words, body } => {
                if let Some(words) = words {
                    self.substitutions(words);
                }
                self.emit(Op::ForStart(words.as_ref().map(|w| Rc::new(w.clone()))));
                self.emit(Op::LoopStart);
                let next = self.emit(Op::ForNext {
                    name: name.as_str().into(),
                    end: 0,
                });
                self.loops.push(LoopLabels {
                    continue_at: next,
                    breaks: Vec::new(),
                    is_for: true,
                });
                self.list(body);
                self.emit(Op::LoopBodyDone);
                self.emit(Op::Jump(next));
                self.patch(next);
                self.end_loop();
                self.emit(Op::LoopEnd);
                self.emit(Op::ForEnd);
            }
            CompoundCommand::Case { word, arms } => {
                self.substitutions([word]);
                self.emit(Op::CaseStart(word.clone()));
                let mut to_end = Vec::new();
                for arm in arms {
                    self.substitutions(&arm.patterns);
                    let test = self.emit(Op::CaseTest {
                        patterns: Rc::new(arm.patterns.clone()),
                        next: 0,
                    });
                    self.list(&arm.body);
                    to_end.push(self.emit(Op::Jump(0)));
                    self.patch(test);
                }
                for jump in to_end {
                    self.patch(jump);
                }
                self.emit(Op::CaseEnd);
            }
        }
    }
}
