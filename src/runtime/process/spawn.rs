//! How a process comes to be: a container's first process from its launch
//! description (its argv loaded as code), a sibling for `kubectl exec`, and
//! the children the shell forks for pipelines, subshells and `sh -c`.

use super::cost;
use super::os::{Namespace, OsProcess, SharedPidNamespace, Start};
use super::shell_vm::{Frame, Pending, ShellVm};
use super::watch::SpinWatch;
use super::{Launch, Process, ScriptCache, MAX_PROCESSES, MAX_SCRIPTS};
use crate::clock::SimTime;
use crate::runtime::descriptors::Descriptors;
use crate::runtime::io::Io;
use crate::runtime::pipes::{Endpoint, Stream};
use crate::runtime::program::ProcessId;
use crate::runtime::shell::ast::Word;
use crate::runtime::shell::{compile, parse, Code, Flavor, Op};
use std::collections::BTreeMap;
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
            None => Rc::new(Namespace::new(launch.log)),
        };
        let pid = namespace.next_pid.get();
        namespace.next_pid.set(pid + 1);
        namespace.live.set(namespace.live.get() + 1);
        let start = Start {
            namespace,
            parent_pid: 0,
            tools: launch.tools,
            log: launch.log,
            hostname: launch.hostname,
            view: launch.view,
            cwd: launch.cwd,
            network: launch.network,
            descriptors: Descriptors::from_entries([(0, Endpoint::Null), (1, stdout), (2, stderr)]),
            command_line: launch.argv.join(" "),
            tty: None,
            argv: launch.argv.clone(),
            started: launch.started,
        };
        let mut vm = ShellVm::new(launch.flavor, launch.flavor, pid, None);
        vm.variables = variables;
        vm.exported = exported;
        let mut process = Process {
            os: OsProcess::new(id, pid, start),
            vm,
            watch: SpinWatch::default(),
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
                    self.vm.flavor = Flavor::Bash;
                }
                self.vm.arg0 = argv.get(3).cloned().unwrap_or_else(|| name.to_string());
                self.vm.positional = argv.iter().skip(4).cloned().collect();
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
                            self.syntax_error(&error);
                            self.vm.exit_requested = Some(error.exit_code());
                            Rc::new(Code::default())
                        }
                    }
                }
            }
            _ => {
                self.vm.exec_form = true;
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
        self.vm.frames.push(Frame::start(code));
    }

    /// A launch description for a new process in this process's container:
    /// same filesystem view, network, hostname, image tools and PID
    /// namespace, writing to the log `log` (an exec session's own output).
    pub fn sibling_launch(&self, argv: Vec<String>, log: usize, started: SimTime) -> Launch {
        Launch {
            argv,
            env: self
                .vm
                .variables
                .iter()
                .filter(|(name, _)| self.vm.exported.contains(*name))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            cwd: self.os.cwd.clone(),
            view: self.os.view.clone(),
            hostname: self.os.hostname.clone(),
            flavor: self.vm.image_shell,
            log,
            tools: self.os.tools,
            started,
            network: self.os.network.clone(),
            pid_namespace: Some(SharedPidNamespace(self.os.namespace.clone())),
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
        if self.os.namespace.live.get() >= MAX_PROCESSES {
            match self.vm.flavor {
                Flavor::Busybox => self.shell_error("can't fork: Resource temporarily unavailable"),
                Flavor::Bash => self.shell_error("fork: Resource temporarily unavailable"),
                Flavor::Dash => self.shell_error("Cannot fork"),
            }
            self.vm.status = 2;
            return None;
        }
        self.os.namespace.live.set(self.os.namespace.live.get() + 1);
        self.os.overhead += cost::FORK_STEPS;
        let child = self.fork(code, next_id, overrides);
        let ids = (child.os.id, child.os.pid);
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
        let pid = self.os.namespace.next_pid.get();
        self.os.namespace.next_pid.set(pid + 1);
        let mut descriptors = self.os.descriptors.clone();
        for (fd, endpoint) in overrides {
            descriptors.insert(fd, endpoint);
        }
        let start = Start {
            namespace: self.os.namespace.clone(),
            parent_pid: self.os.pid,
            tools: self.os.tools,
            log: self.os.log,
            hostname: self.os.hostname.clone(),
            view: self.os.view.clone(),
            cwd: self.os.cwd.clone(),
            network: self.os.network.clone(),
            descriptors,
            command_line: self.os.command_line.clone(),
            tty: self.os.tty,
            argv: self.os.argv.clone(),
            started: self.os.started,
        };
        let mut vm = self.vm.fork(code);
        // A child running one simple command execs it, as shells do for
        // `cmd &` and pipeline stages: the program takes the child's PID.
        vm.exec_form = code_is_one_command;
        Process {
            os: OsProcess::new(id, pid, start),
            vm,
            watch: SpinWatch::default(),
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
            self.vm.image_shell
        };
        let (script, arg0, positional) = match arguments {
            [flag, script, rest @ ..] if flag == "-c" => (
                script.clone(),
                rest.first().cloned().unwrap_or_else(|| shell.to_string()),
                rest.iter().skip(1).cloned().collect(),
            ),
            [file, rest @ ..] => match io.fs.read(&self.os.view, &self.os.cwd, file) {
                Ok(data) => (
                    String::from_utf8_lossy(data).into_owned(),
                    file.clone(),
                    rest.to_vec(),
                ),
                Err(error) => {
                    self.shell_error(&format!("{file}: {}", error.message()));
                    self.vm.status = 127;
                    return;
                }
            },
            [] => (String::new(), shell.to_string(), Vec::new()),
        };
        let program = match parse(&script) {
            Ok(program) => program,
            Err(error) => {
                let message = error.message(flavor);
                if !message.is_empty() {
                    self.write_out(2, format!("{message}\n").into_bytes());
                }
                self.vm.status = error.exit_code();
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
        // The child execs the shell.
        self.os.overhead += cost::EXEC_STEPS;
        if let Some(process) = spawned.iter_mut().find(|p| p.os.id == child) {
            process.vm.flavor = flavor;
            process.vm.arg0 = arg0;
            process.vm.positional = positional;
            process.vm.functions.clear();
            process.vm.traps.clear();
            process.vm.errexit = false;
            process.vm.exec_form = false;
            let exported = process.vm.exported.clone();
            process
                .vm
                .variables
                .retain(|name, _| exported.contains(name));
        }
        self.vm.pending = Some(Pending::Subshell(child));
    }
}
