//! Syntax tree → flat code with jumps, so a process can stop at any
//! instruction (a `sleep`, a read that would block, a used-up time slice) and
//! resume there later. Command substitutions inside words become
//! [`Op::Substitute`] instructions placed just before the instruction that
//! expands those words; expansion then takes their outputs in order. The
//! instructions are in `code.rs`; this file compiles lists, pipelines and
//! simple commands, `compound.rs` the compound commands and `break`/`continue`.

mod code;
mod compound;

pub use code::{Code, Op};

use super::ast::{
    AndOr, Command, Connector, List, Pipeline, Program, Redirect, RedirectTarget, Word, WordPart,
};
use std::rc::Rc;

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

/// Compiles one piece of code (a program, or code nested in it).
struct Compiler {
    /// The instructions emitted so far.
    ops: Vec<Op>,
    /// The program's here-document bodies, shared with nested code.
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
}
