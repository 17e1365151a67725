//! Compiling the compound commands (`if`, `while`, `until`, `for`, `case`,
//! `{ … }`, `( … )`) into jumps, and `break`/`continue` inside loops.

use super::{Compiler, LoopLabels, Op};
use crate::runtime::shell::ast::{CompoundCommand, Word};
use std::rc::Rc;

impl Compiler {
    /// `break [N]` / `continue [N]` inside loops being compiled; false when
    /// `words` is neither (or there is no loop to leave).
    pub(super) fn loop_control(&mut self, words: &[Word]) -> bool {
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

    /// Compiles `if`, the loops, `case`, `{ … }` and `( … )`.
    pub(super) fn compound(&mut self, compound: &CompoundCommand) {
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
                // The condition is inside the loop: `while break; do` ends it.
                self.loops.push(LoopLabels {
                    continue_at: top,
                    breaks: Vec::new(),
                    is_for: false,
                });
                self.guarded(|c| c.list(condition));
                let exit = if matches!(compound, CompoundCommand::While { .. }) {
                    self.emit(Op::JumpIfFailed(0))
                } else {
                    self.emit(Op::JumpIfSucceeded(0))
                };
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
