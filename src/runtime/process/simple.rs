//! Simple commands: expand the words, apply the command's redirections,
//! then run a function, a builtin, a nested shell or a program (or say it is
//! not found).

use super::builtins;
use super::cost;
use super::expansion::Expansion;
use super::limits::{self, TooDeep};
use super::shell_vm::{Frame, Pending};
use super::{Process, NGINX_ENTRYPOINT_HELPERS, NGINX_ENTRYPOINT_LOG};
use crate::runtime::io::Io;
use crate::runtime::program::ProcessId;
use crate::runtime::programs;
use crate::runtime::shell::ast::{Redirect, Word};
use crate::runtime::shell::expand::{self, ExpandError};
use crate::runtime::shell::{Flavor, SEGFAULT_EXIT};
use std::rc::Rc;

/// A simple command's parts, as compiled: `NAME=value… word… redirection…`.
pub(super) struct SimpleCommand<'a> {
    /// The prefix assignments.
    pub(super) assignments: &'a [(String, Word)],
    /// The words (the command name and its arguments, before expansion).
    pub(super) words: &'a [Word],
    /// The redirections.
    pub(super) redirects: &'a [Redirect],
}

/// A command's assignments (name, value) and fields, expanded.
type Expanded = (Vec<(String, String)>, Vec<String>);

impl Process {
    pub(super) fn expand_words(
        &mut self,
        words: &[Word],
        io: &mut Io,
    ) -> Result<Vec<String>, ExpandError> {
        expand::expand_words(words, &mut Expansion { process: self, io })
    }

    pub(super) fn expand_single(
        &mut self,
        word: &Word,
        io: &mut Io,
    ) -> Result<String, ExpandError> {
        expand::expand_single(word, &mut Expansion { process: self, io })
    }

    /// A `case` pattern: quoted parts match literally.
    pub(super) fn pattern_text(&mut self, word: &Word, io: &mut Io) -> String {
        use crate::runtime::shell::ast::WordPart;
        let mut pattern = String::new();
        for part in &word.parts {
            let single = Word {
                parts: vec![part.clone()],
            };
            let text = self.expand_single(&single, io).unwrap_or_default();
            match part {
                WordPart::Literal(_) => pattern.push_str(&text),
                _ => {
                    for ch in text.chars() {
                        if matches!(ch, '*' | '?' | '[' | '\\') {
                            pattern.push('\\');
                        }
                        pattern.push(ch);
                    }
                }
            }
        }
        pattern
    }

    /// Runs one simple command: its assignments, words and redirections
    /// expanded in the shell's order, then a function, a builtin, a nested
    /// shell or a program.
    pub(super) fn simple(
        &mut self,
        command: SimpleCommand,
        heredocs: &Rc<Vec<crate::runtime::shell::ast::HereDoc>>,
        io: &mut Io,
        spawned: &mut Vec<Process>,
        next_id: &mut ProcessId,
    ) {
        let SimpleCommand {
            assignments,
            words,
            redirects,
        } = command;
        let substitution_status = self.vm.status;
        let Some((values, fields)) = self.expand_command(assignments, words, io) else {
            return;
        };
        // Only a command with redirections gets its own descriptor scope.
        let scoped = !redirects.is_empty();
        if scoped {
            self.push_scope();
            if let Err(message) = self.apply_redirects(redirects, heredocs, io) {
                self.pop_scope();
                self.shell_error(&message);
                self.vm.status = 1;
                return;
            }
        }
        let mut fields = fields;
        if fields.first().is_some_and(|f| f == "exec") {
            fields.remove(0);
            if fields.is_empty() {
                // `exec >file`: the redirections stay for the rest of the shell.
                if scoped {
                    self.vm.scopes.pop();
                }
                self.vm.status = 0;
                return;
            }
            // The command replaces the shell: it takes the shell's PID, and the
            // shell ends with its status.
            self.vm.exec_form = true;
            self.vm.exit_after_command = true;
        }
        let Some((name, arguments)) = fields.split_first() else {
            for (name, value) in values {
                self.vm.variables.insert(name, value);
            }
            if scoped {
                self.pop_scope();
            }
            self.vm.status = if assignments.is_empty() {
                0
            } else {
                substitution_status
            };
            return;
        };
        if let Some(code) = self.vm.functions.get(name).cloned() {
            if !self.enter_function() {
                if scoped {
                    self.pop_scope();
                }
                return;
            }
            let saved = std::mem::replace(&mut self.vm.positional, arguments.to_vec());
            self.vm.frames.push(Frame {
                code,
                pc: 0,
                saved_positional: Some(saved),
                pops_scope: scoped,
            });
            return;
        }
        if let Some(status) = self.builtin(name, arguments, io) {
            self.vm.status = status;
            if scoped {
                self.pop_scope();
            }
            return;
        }
        let base = crate::runtime::images::program_name(name);
        if base == "docker-entrypoint.sh" && self.os.tools.has(name) {
            let words = self.entrypoint_exec(arguments);
            if scoped {
                self.pop_scope();
            }
            let command = SimpleCommand {
                assignments: &[],
                words: &words,
                redirects: &[],
            };
            return self.simple(command, heredocs, io, spawned, next_id);
        }
        if matches!(base, "sh" | "bash" | "ash") && self.os.tools.has(name) {
            self.nested_shell(base, arguments, io, spawned, next_id);
            if scoped {
                self.pop_scope();
            }
            return;
        }
        if let Some(pid) = self.start_program(name, arguments, &fields, values, scoped, io) {
            self.os.foreground = Some((pid, fields));
            self.run_started_builtin(io);
        }
    }

    /// Starts the program `name` as the foreground program (prefix
    /// assignments reach its environment only) and returns the PID `ps`
    /// shows it with, or says it is not found.
    fn start_program(
        &mut self,
        name: &str,
        arguments: &[String],
        fields: &[String],
        values: Vec<(String, String)>,
        scoped: bool,
        io: &mut Io,
    ) -> Option<u32> {
        let builtin = builtins::runs_as_program(name);
        let installed = if !builtin && !self.has_program(&io.fs, name) {
            None
        } else if name == "ps" || name.ends_with("/ps") {
            Some(self.ps(arguments, fields, io))
        } else if matches!(
            crate::runtime::images::program_name(name),
            "top" | "free" | "uptime"
        ) {
            Some(self.top(arguments, fields, io))
        } else {
            programs::create(name, arguments)
        };
        match installed {
            Some(program) => {
                if !values.is_empty() {
                    // Prefix assignments reach the program's environment only.
                    for (key, value) in &values {
                        self.vm.variables.insert(key.clone(), value.clone());
                        self.vm.exported.insert(key.clone());
                    }
                }
                let pid = if self.vm.exec_form || builtin {
                    self.os.pid
                } else {
                    self.os.overhead += cost::FORK_STEPS;
                    let pid = self.os.namespace.next_pid.get();
                    self.os.namespace.next_pid.set(pid + 1);
                    pid
                };
                if !builtin {
                    self.os.overhead += cost::EXEC_STEPS;
                }
                self.vm.pending = Some(Pending::Program {
                    program,
                    scoped,
                    builtin,
                });
                Some(pid)
            }
            None => {
                if scoped {
                    self.pop_scope();
                }
                // bash forks, and its child says it; ash and dash search
                // `PATH` themselves ([`cost`]).
                self.os.overhead += match self.vm.flavor {
                    Flavor::Bash => cost::FORK_STEPS,
                    Flavor::Busybox | Flavor::Dash => cost::PATH_SEARCH_STEPS,
                };
                self.not_found(name);
                None
            }
        }
    }

    /// What an official image's `docker-entrypoint.sh` does before it
    /// execs its arguments (nginx's prints its setup and uses up PIDs):
    /// returns the words of the `exec "$@"` it ends with.
    fn entrypoint_exec(&mut self, arguments: &[String]) -> Vec<Word> {
        // The official images' entrypoints set things up, then exec "$@".
        if self.os.tools.extras.contains(&"nginx") {
            self.write_out(1, NGINX_ENTRYPOINT_LOG.as_bytes().to_vec());
            // Its scripts run helpers (find, sort, sed, awk, …) that
            // take PIDs: nginx's worker is PID 29 in a container of its own.
            let pid = self.os.namespace.next_pid.get();
            self.os
                .namespace
                .next_pid
                .set(pid + NGINX_ENTRYPOINT_HELPERS);
        }
        let mut rest = vec!["exec".to_string()];
        rest.extend(arguments.iter().cloned());
        rest.iter()
            .map(|arg| Word {
                parts: vec![crate::runtime::shell::ast::WordPart::SingleQuoted(
                    arg.clone(),
                )],
            })
            .collect()
    }

    /// A command that is neither a function, a builtin nor a program: the
    /// shell's words, status 127.
    fn not_found(&mut self, name: &str) {
        match self.vm.flavor {
            Flavor::Busybox | Flavor::Dash => self.shell_error(&format!("{name}: not found")),
            Flavor::Bash => self.shell_error(&format!("{name}: command not found")),
        }
        self.vm.status = 127;
        if self.vm.exit_after_command {
            self.vm.exit_requested = Some(127);
        }
    }

    /// Counts one more nested function call, or ends the shell as the real
    /// one ends when it nests too deep ([`limits`]); `false` then.
    fn enter_function(&mut self) -> bool {
        let (max, too_deep) = limits::max_function_depth(self.vm.flavor);
        if self.vm.function_depth < max {
            self.vm.function_depth += 1;
            return true;
        }
        match too_deep {
            TooDeep::Refused => {
                self.shell_error(limits::RECURSION_MESSAGE);
                self.vm.status = 2;
                self.vm.exit_requested = Some(2);
            }
            // Output already written stays written; the process dies.
            TooDeep::Segfault => self.vm.exit_requested = Some(SEGFAULT_EXIT),
        }
        false
    }

    /// The values of a command's assignments and its fields, or `None` when
    /// expanding them failed or made a value too big to hold (the shell has
    /// then said so and is ending).
    fn expand_command(
        &mut self,
        assignments: &[(String, Word)],
        words: &[Word],
        io: &mut Io,
    ) -> Option<Expanded> {
        let mut values = Vec::new();
        for (name, word) in assignments {
            match self.expand_single(word, io) {
                Ok(value) => values.push((name.clone(), value)),
                Err(error) => {
                    self.expansion_failed(error);
                    return None;
                }
            }
        }
        let fields = match self.expand_words(words, io) {
            Ok(fields) => fields,
            Err(error) => {
                self.expansion_failed(error);
                return None;
            }
        };
        let sizes = values.iter().map(|(_, value)| value.len());
        if let Some(size) = sizes
            .chain(fields.iter().map(String::len))
            .find(|size| *size > limits::MAX_VALUE_BYTES)
        {
            self.out_of_memory(size);
            return None;
        }
        // A container with a memory limit: what the words take may be the
        // allocation its OOM killer ends it at.
        if self.os.memory_room.is_some() {
            let made = values.iter().map(|(_, value)| value.len()).sum::<usize>()
                + fields.iter().map(String::len).sum::<usize>();
            if self.out_of_memory_with(made) {
                return None;
            }
        }
        Some((values, fields))
    }

    /// Ends the shell as the real one ends when it cannot allocate a value
    /// of `size` bytes ([`limits::MAX_VALUE_BYTES`]).
    fn out_of_memory(&mut self, size: usize) {
        let code = match self.vm.flavor {
            // dash's stack allocator fails silently: SIGSEGV.
            Flavor::Dash => SEGFAULT_EXIT,
            Flavor::Bash => {
                // bash asks for the new length and a little more.
                self.shell_error(&format!("xrealloc: cannot allocate {} bytes", size + 128));
                2
            }
            Flavor::Busybox => {
                self.shell_error("out of memory");
                1
            }
        };
        self.vm.status = code;
        self.vm.exit_requested = Some(code);
    }

    pub(super) fn expansion_failed(&mut self, error: ExpandError) {
        self.shell_error(&error.0);
        self.vm.status = 1;
        // A failed `${x:?}` or arithmetic error ends a non-interactive shell.
        self.vm.exit_requested = Some(match self.vm.flavor {
            Flavor::Busybox | Flavor::Dash => 2,
            Flavor::Bash => 1,
        });
    }
}
