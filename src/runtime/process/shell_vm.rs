//! What the shell interpreter has: the compiled code it runs (frames with
//! their instruction pointers), variables, functions, positional parameters,
//! the last status, the loops and `case`s being run, the redirections saved,
//! the child or program it waits for, traps and options. What the kernel
//! has of the process is in `os.rs`.

use crate::runtime::descriptors::Descriptors;
use crate::runtime::program::{ProcessId, Program, SignalTarget};
use crate::runtime::shell::{Code, Flavor};
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::rc::Rc;

/// What the process resumes with after a wait.
pub(super) enum Pending {
    /// A program is running; when it exits, the command's descriptor scope
    /// (if it had redirections) ends.
    Program {
        /// The program.
        program: Box<dyn Program>,
        /// Whether the command had its own descriptor scope.
        scoped: bool,
        /// Whether it is one of the shell's builtins (`echo`, `printf`,
        /// `test`): run in the shell, with no PID, reaching nothing but
        /// what its steps write and read through the node.
        builtin: bool,
    },
    /// A command substitution's child.
    Substitution {
        /// The child.
        child: ProcessId,
        /// The pipe its output is captured from.
        capture: usize,
    },
    /// A subshell's child.
    Subshell(ProcessId),
    /// A pipeline's children; the status is the last one's.
    Pipeline {
        /// The children, first stage first.
        children: Vec<ProcessId>,
        /// Whether the pipeline began with `!`.
        negated: bool,
    },
    /// The `wait` builtin.
    WaitFor(Vec<ProcessId>),
}

/// A call frame: code and where in it.
pub(super) struct Frame {
    /// The code.
    pub(super) code: Rc<Code>,
    /// The next instruction.
    pub(super) pc: usize,
    /// For a function call: the caller's positional parameters, restored on return.
    pub(super) saved_positional: Option<Vec<String>>,
    /// Whether returning pops a descriptor scope (a function called with redirections).
    pub(super) pops_scope: bool,
}

impl Frame {
    /// A frame at the start of `code`, not a function call.
    pub(super) fn start(code: Rc<Code>) -> Frame {
        Frame {
            code,
            pc: 0,
            saved_positional: None,
            pops_scope: false,
        }
    }
}

/// The shell interpreter's state.
pub(super) struct ShellVm {
    /// Which shell it is (its words and behaviour).
    pub(super) flavor: Flavor,
    /// What the image's `/bin/sh` is (for `sh` run from a script).
    pub(super) image_shell: Flavor,
    /// The PID of the shell (`$$`, which subshells keep).
    pub(super) shell_pid: u32,
    /// The call frames, innermost last.
    pub(super) frames: Vec<Frame>,
    /// The shell's variables.
    pub(super) variables: BTreeMap<String, String>,
    /// The names exported to programs' environments.
    pub(super) exported: BTreeSet<String>,
    /// Functions by name.
    pub(super) functions: BTreeMap<String, Rc<Code>>,
    /// How many function calls are running, one inside the other.
    pub(super) function_depth: usize,
    /// The positional parameters (`$1`…).
    pub(super) positional: Vec<String>,
    /// `$0`.
    pub(super) arg0: String,
    /// The last command's status (`$?`).
    pub(super) status: i32,
    /// Saved descriptor tables, innermost last.
    pub(super) scopes: Vec<Descriptors>,
    /// Saved tables restored already, kept to save the next one without
    /// allocating.
    pub(super) spare_scopes: Vec<Descriptors>,
    /// Outputs of command substitutions, for the next expansion.
    pub(super) slots: VecDeque<String>,
    /// Items of the `for` loops being run, innermost last.
    pub(super) loops: Vec<VecDeque<String>>,
    /// Subjects of the `case` commands being run.
    pub(super) cases: Vec<String>,
    /// Status of the last body of each loop being run (0 before any).
    pub(super) loop_statuses: Vec<i32>,
    /// What the shell resumes with after a wait.
    pub(super) pending: Option<Pending>,
    /// Background children, for `wait` and `$!`.
    pub(super) background: Vec<(ProcessId, u32)>,
    /// Set by `exit`: leave once output is flushed.
    pub(super) exit_requested: Option<i32>,
    /// Trapped signals waiting for the foreground program to end.
    pub(super) deferred_signals: VecDeque<(SignalTarget, i32)>,
    /// `trap` commands by signal number (an empty command ignores the signal).
    pub(super) traps: BTreeMap<i32, String>,
    /// Whether the process is the program itself (exec form), not a shell.
    pub(super) exec_form: bool,
    /// `set -e`: exit when an unguarded command fails.
    pub(super) errexit: bool,
    /// Set by `exec CMD`: the process ends when the command does.
    pub(super) exit_after_command: bool,
}

impl ShellVm {
    /// A shell of `flavor` (in an image whose `/bin/sh` is `image_shell`)
    /// about to run `code`, with `$$` = `shell_pid`: no functions, traps,
    /// options or positional parameters yet, status 0.
    pub(super) fn new(
        flavor: Flavor,
        image_shell: Flavor,
        shell_pid: u32,
        code: Option<Rc<Code>>,
    ) -> ShellVm {
        ShellVm {
            flavor,
            image_shell,
            shell_pid,
            frames: code.map(Frame::start).into_iter().collect(),
            variables: BTreeMap::new(),
            exported: BTreeSet::new(),
            functions: BTreeMap::new(),
            function_depth: 0,
            positional: Vec::new(),
            arg0: "sh".into(),
            status: 0,
            scopes: Vec::new(),
            spare_scopes: Vec::new(),
            slots: VecDeque::new(),
            loops: Vec::new(),
            cases: Vec::new(),
            loop_statuses: Vec::new(),
            pending: None,
            background: Vec::new(),
            exit_requested: None,
            deferred_signals: VecDeque::new(),
            traps: BTreeMap::new(),
            exec_form: false,
            errexit: false,
            exit_after_command: false,
        }
    }

    /// The shell a forked child starts with: this one's variables, functions,
    /// parameters, status, traps and options, running `code` from its start;
    /// nothing of this one's loops, scopes, children or pending work.
    pub(super) fn fork(&self, code: Rc<Code>) -> ShellVm {
        ShellVm {
            variables: self.variables.clone(),
            exported: self.exported.clone(),
            functions: self.functions.clone(),
            function_depth: self.function_depth,
            positional: self.positional.clone(),
            arg0: self.arg0.clone(),
            status: self.status,
            traps: self.traps.clone(),
            errexit: self.errexit,
            ..ShellVm::new(self.flavor, self.image_shell, self.shell_pid, Some(code))
        }
    }
}
