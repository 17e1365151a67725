//! How a process comes to be: a container's first process from its launch
//! description (its argv loaded as code), a sibling for `kubectl exec`, and
//! the children the shell forks for pipelines, subshells and `sh -c`.

use super::{
    Frame, Launch, Namespace, Pending, Process, ScriptCache, SharedPidNamespace, MAX_PROCESSES,
    MAX_SCRIPTS,
};
use crate::clock::SimTime;
use crate::runtime::descriptors::Descriptors;
use crate::runtime::io::Io;
use crate::runtime::pipes::{Endpoint, Stream};
use crate::runtime::program::ProcessId;
use crate::runtime::shell::ast::Word;
use crate::runtime::shell::{compile, parse, Code, Flavor, Op};
use std::cell::Cell;
use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;

impl Process {
    /// A container's first process, PID 1; a script already compiled comes
    /// from `scripts`.
    pub fn launch(id: ProcessId, launch: Launch, scripts: &mut ScriptCache) -> Process {
        let stdout = Endpoint::Log {
            container: launch.log,
            stream: Stream::Stdout,
        };
        let stderr = Endpoint::Log {
            container: launch.log,
            stream: Stream::Stderr,
        };
        let mut variables: BTreeMap<String, String> = launch.env.iter().cloned().collect();
        variables.entry("PATH".into()).or_insert_with(|| {
            "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".into()
        });
        variables.insert("HOSTNAME".into(), launch.hostname.clone());
        variables
            .entry("HOME".into())
            .or_insert_with(|| "/root".into());
        let exported = variables.keys().cloned().collect();
        let namespace = match launch.pid_namespace {
            Some(SharedPidNamespace(shared)) => shared,
            None => Rc::new(Namespace {
                id: launch.log,
                next_pid: Cell::new(1),
                live: Cell::new(0),
            }),
        };
        let pid = namespace.next_pid.get();
        namespace.next_pid.set(pid + 1);
        namespace.live.set(namespace.live.get() + 1);
        let mut process = Process {
            id,
            exit_code: None,
            wait: None,
            pid,
            shell_pid: pid,
            namespace,
            flavor: launch.flavor,
            tools: launch.tools,
            log: launch.log,
            hostname: launch.hostname,
            view: launch.view,
            cwd: launch.cwd,
            frames: Vec::new(),
            variables,
            exported,
            functions: BTreeMap::new(),
            positional: Vec::new(),
            arg0: "sh".into(),
            status: 0,
            descriptors: Descriptors::from_entries([(0, Endpoint::Null), (1, stdout), (2, stderr)]),
            scopes: Vec::new(),
            spare_scopes: Vec::new(),
            slots: VecDeque::new(),
            loops: Vec::new(),
            cases: Vec::new(),
            loop_statuses: Vec::new(),
            pending: None,
            outbox: Vec::new(),
            background: Vec::new(),
            exit_requested: None,
            signals: VecDeque::new(),
            deferred_signals: VecDeque::new(),
            traps: BTreeMap::new(),
            command_line: launch.argv.join(" "),
            tty: None,
            argv: launch.argv.clone(),
            parent_pid: 0,
            started: launch.started,
            foreground: None,
            finished_program: None,
            exec_form: false,
            errexit: false,
            exit_after_command: false,
            image_shell: launch.flavor,
            network: launch.network,
            last_opened: None,
        };
        process.load(&launch.argv, scripts);
        process
    }

    /// Turns argv into code: `sh -c SCRIPT [ARG0 ARGS…]` runs the script, any
    /// other argv runs as one command.
    pub(super) fn load(&mut self, argv: &[String], scripts: &mut ScriptCache) {
        let shell = argv.first().map(|a| a.rsplit('/').next().unwrap_or(a));
        let code = match (shell, argv.get(1).map(String::as_str), argv.get(2)) {
            (Some(name @ ("sh" | "bash" | "ash")), Some("-c"), Some(script)) => {
                // `bash` is bash everywhere; `sh` is whatever the image's /bin/sh is.
                if name == "bash" {
                    self.flavor = Flavor::Bash;
                }
                self.arg0 = argv.get(3).cloned().unwrap_or_else(|| name.to_string());
                self.positional = argv.iter().skip(4).cloned().collect();
                if let Some(code) = scripts.get(script.as_str()) {
                    Rc::clone(code)
                } else {
                    match parse(script) {
                        Ok(program) => {
                            let code = Rc::new(compile(&program));
                            if scripts.len() >= MAX_SCRIPTS {
                                scripts.clear();
                            }
                            scripts.insert(script.clone(), Rc::clone(&code));
                            code
                        }
                        Err(error) => {
                            self.write_out(
                                2,
                                format!("{}\n", error.message(self.flavor)).into_bytes(),
                            );
                            self.exit_requested = Some(2);
                            Rc::new(Code::default())
                        }
                    }
                }
            }
            _ => {
                self.exec_form = true;
                let words = argv
                    .iter()
                    .map(|arg| Word {
                        parts: vec![crate::runtime::shell::ast::WordPart::SingleQuoted(
                            arg.clone(),
                        )],
                    })
                    .collect();
                Rc::new(Code {
                    ops: vec![Op::Simple {
                        assignments: Rc::new(Vec::new()),
                        words: Rc::new(words),
                        redirects: Rc::new(Vec::new()),
                    }],
                    heredocs: Rc::new(Vec::new()),
                })
            }
        };
        self.frames.push(Frame {
            code,
            pc: 0,
            saved_positional: None,
            pops_scope: false,
        });
    }

    /// A launch description for a new process in this process's container:
    /// same filesystem view, network, hostname, image tools and PID
    /// namespace, writing to the log `log` (an exec session's own output).
    pub fn sibling_launch(&self, argv: Vec<String>, log: usize, started: SimTime) -> Launch {
        Launch {
            argv,
            env: self
                .variables
                .iter()
                .filter(|(name, _)| self.exported.contains(*name))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            cwd: self.cwd.clone(),
            view: self.view.clone(),
            hostname: self.hostname.clone(),
            flavor: self.image_shell,
            log,
            tools: self.tools,
            started,
            network: self.network.clone(),
            pid_namespace: Some(SharedPidNamespace(self.namespace.clone())),
        }
    }

    /// Starts a child running `code`; `None` (after the shell's error) when the
    /// container has [`MAX_PROCESSES`] already.
    pub(super) fn spawn_child(
        &mut self,
        code: Rc<Code>,
        overrides: BTreeMap<u32, Endpoint>,
        next_id: &mut ProcessId,
        spawned: &mut Vec<Process>,
    ) -> Option<(ProcessId, u32)> {
        if self.namespace.live.get() >= MAX_PROCESSES {
            match self.flavor {
                Flavor::Busybox => self.shell_error("can't fork: Resource temporarily unavailable"),
                Flavor::Bash => self.shell_error("fork: Resource temporarily unavailable"),
                Flavor::Dash => self.shell_error("Cannot fork"),
            }
            self.status = 2;
            return None;
        }
        self.namespace.live.set(self.namespace.live.get() + 1);
        let child = self.fork(code, next_id, overrides);
        let ids = (child.id, child.pid);
        spawned.push(child);
        Some(ids)
    }

    /// A child running `code` with this process's state, some descriptors replaced.
    pub(super) fn fork(
        &self,
        code: Rc<Code>,
        next_id: &mut ProcessId,
        overrides: BTreeMap<u32, Endpoint>,
    ) -> Process {
        let code_is_one_command = matches!(
            code.ops.as_slice(),
            [Op::Simple { .. }] | [Op::Simple { .. }, Op::CheckErrexit]
        );
        let id = *next_id;
        *next_id += 1;
        let pid = self.namespace.next_pid.get();
        self.namespace.next_pid.set(pid + 1);
        let mut descriptors = self.descriptors.clone();
        for (fd, endpoint) in overrides {
            descriptors.insert(fd, endpoint);
        }
        Process {
            id,
            exit_code: None,
            wait: None,
            pid,
            shell_pid: self.shell_pid,
            namespace: self.namespace.clone(),
            flavor: self.flavor,
            tools: self.tools,
            log: self.log,
            hostname: self.hostname.clone(),
            view: self.view.clone(),
            cwd: self.cwd.clone(),
            frames: vec![Frame {
                code,
                pc: 0,
                saved_positional: None,
                pops_scope: false,
            }],
            variables: self.variables.clone(),
            exported: self.exported.clone(),
            functions: self.functions.clone(),
            positional: self.positional.clone(),
            arg0: self.arg0.clone(),
            status: self.status,
            descriptors,
            scopes: Vec::new(),
            spare_scopes: Vec::new(),
            slots: VecDeque::new(),
            loops: Vec::new(),
            cases: Vec::new(),
            loop_statuses: Vec::new(),
            pending: None,
            outbox: Vec::new(),
            background: Vec::new(),
            exit_requested: None,
            signals: VecDeque::new(),
            deferred_signals: VecDeque::new(),
            traps: self.traps.clone(),
            command_line: self.command_line.clone(),
            tty: self.tty,
            argv: self.argv.clone(),
            parent_pid: self.pid,
            started: self.started,
            foreground: None,
            finished_program: None,
            // A child running one simple command execs it, as shells do for
            // `cmd &` and pipeline stages: the program takes the child's PID.
            exec_form: code_is_one_command,
            errexit: self.errexit,
            exit_after_command: false,
            image_shell: self.image_shell,
            network: self.network.clone(),
            last_opened: None,
        }
    }

    /// `sh -c SCRIPT [NAME ARGS…]` or `sh FILE [ARGS…]` run from a script: a
    /// child shell with the exported environment only, waited for.
    pub(super) fn nested_shell(
        &mut self,
        shell: &str,
        arguments: &[String],
        io: &mut Io,
        spawned: &mut Vec<Process>,
        next_id: &mut ProcessId,
    ) {
        let flavor = if shell == "bash" {
            Flavor::Bash
        } else {
            self.image_shell
        };
        let (script, arg0, positional) = match arguments {
            [flag, script, rest @ ..] if flag == "-c" => (
                script.clone(),
                rest.first().cloned().unwrap_or_else(|| shell.to_string()),
                rest.iter().skip(1).cloned().collect(),
            ),
            [file, rest @ ..] => match io.fs.read(&self.view, &self.cwd, file) {
                Ok(data) => (
                    String::from_utf8_lossy(data).into_owned(),
                    file.clone(),
                    rest.to_vec(),
                ),
                Err(error) => {
                    self.shell_error(&format!("{file}: {}", error.message()));
                    self.status = 127;
                    return;
                }
            },
            [] => (String::new(), shell.to_string(), Vec::new()),
        };
        let program = match parse(&script) {
            Ok(program) => program,
            Err(error) => {
                self.write_out(2, format!("{}\n", error.message(flavor)).into_bytes());
                self.status = 2;
                return;
            }
        };
        let Some((child, _)) = self.spawn_child(
            Rc::new(compile(&program)),
            BTreeMap::new(),
            next_id,
            spawned,
        ) else {
            return;
        };
        if let Some(process) = spawned.iter_mut().find(|p| p.id == child) {
            process.flavor = flavor;
            process.arg0 = arg0;
            process.positional = positional;
            process.functions.clear();
            process.traps.clear();
            process.errexit = false;
            process.exec_form = false;
            let exported = process.exported.clone();
            process.variables.retain(|name, _| exported.contains(name));
        }
        self.pending = Some(Pending::Subshell(child));
    }
}
