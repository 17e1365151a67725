//! A process: the machine that runs compiled shell code, one instruction at a
//! time, and stops wherever it must wait. Its whole state (frames with their
//! instruction pointers, variables, descriptors, the program it is running, the
//! child it waits for) is data, so it can resume later at the same place.

use super::descriptors::Descriptors;
use super::fs::View;
use super::images::{Tools, Toolset};
use super::io::processes::ProcessView;
use super::io::Io;
use super::pipes::{Endpoint, PipeId, ReadResult, Stream, WriteError};
use super::program::{ImageTools, ProcessId, ProcessInfo, Program, SignalTarget, Step, Sys, Wait};
use super::programs;
use super::shell::ast::{Redirect, RedirectKind, RedirectTarget, Word, WordPart};
use super::shell::expand::{self, Context, ExpandError};
use super::shell::{compile, parse, Code, Flavor, Op};
use crate::clock::SimTime;
use std::borrow::Cow;
use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::rc::Rc;

/// Instructions a process may run before it yields the CPU for
/// [`TIME_SLICE_MILLIS`] of virtual time (about a million shell steps per
/// virtual second, as a real shell manages).
pub const TIME_SLICE: u32 = 10_000;

/// The virtual time a used-up time slice costs.
pub const TIME_SLICE_MILLIS: u64 = 10;

/// Compiled scripts the runtime keeps; past this many it starts afresh.
pub const MAX_SCRIPTS: usize = 64;

/// Compiled `sh -c` scripts by their text, so a restarted container does not
/// parse and compile its command again (at most [`MAX_SCRIPTS`]).
pub type ScriptCache = BTreeMap<String, std::rc::Rc<super::shell::Code>>;

impl ImageTools for Tools {
    fn has(&self, program: &str) -> bool {
        Tools::has(*self, program)
    }
}

/// What the kubelet hands the runtime to start a container.
#[derive(Debug, Clone)]
pub struct Launch {
    /// The command and arguments (`command` + `args`, or the image's defaults).
    pub argv: Vec<String>,
    /// Environment variables, in order.
    pub env: Vec<(String, String)>,
    /// The working directory.
    pub cwd: String,
    /// The container's filesystem view.
    pub view: View,
    /// The hostname (the pod's name).
    pub hostname: String,
    /// Which shell `sh` is in the image.
    pub flavor: Flavor,
    /// The container's log index in the runtime.
    pub log: usize,
    /// Which programs the image has.
    pub tools: Tools,
    /// When the container starts.
    pub started: SimTime,
    /// The pod's network namespace.
    pub network: Option<Rc<super::net::PodNetwork>>,
    /// The pod's shared PID namespace, when it has one; else the container gets its own.
    pub pid_namespace: Option<SharedPidNamespace>,
}

/// What the process resumes with after a wait.
enum Pending {
    /// A program is running; when it exits, the command's descriptor scope
    /// (if it had redirections) ends.
    Program {
        program: Box<dyn Program>,
        scoped: bool,
    },
    /// A command substitution's child.
    Substitution { child: ProcessId, capture: usize },
    /// A subshell's child.
    Subshell(ProcessId),
    /// A pipeline's children; the status is the last one's.
    Pipeline {
        children: Vec<ProcessId>,
        negated: bool,
    },
    /// The `wait` builtin.
    WaitFor(Vec<ProcessId>),
}

/// What nginx's `/docker-entrypoint.sh` prints before it execs nginx.
const NGINX_ENTRYPOINT_LOG: &str = "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration\n/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/\n/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh\n10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf\n10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf\n/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh\n/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh\n/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh\n/docker-entrypoint.sh: Configuration complete; ready for start up\n";

/// How many processes nginx's `/docker-entrypoint.sh` runs before it execs
/// nginx (so the worker nginx starts next is PID 29, as in the image's logs).
const NGINX_ENTRYPOINT_HELPERS: u32 = 27;

/// The most processes one container may have at once (like a pids cgroup).
pub const MAX_PROCESSES: u32 = 512;

/// A PID namespace: the next PID to hand out and how many processes live.
#[derive(Debug)]
struct Namespace {
    /// Its identity, for `ps`, `kill` and `/proc`.
    id: usize,
    next_pid: Cell<u32>,
    live: Cell<u32>,
}

/// A PID namespace several containers share (`shareProcessNamespace: true`):
/// the pause container starts first in it and is PID 1.
#[derive(Debug, Clone)]
pub struct SharedPidNamespace(Rc<Namespace>);

impl SharedPidNamespace {
    /// A new, empty namespace with identity `id` (distinct from every container log index).
    pub fn new(id: usize) -> SharedPidNamespace {
        SharedPidNamespace(Rc::new(Namespace {
            id,
            next_pid: Cell::new(1),
            live: Cell::new(0),
        }))
    }
}

/// A call frame: code and where in it.
struct Frame {
    code: Rc<Code>,
    pc: usize,
    /// For a function call: the caller's positional parameters, restored on return.
    saved_positional: Option<Vec<String>>,
    /// Whether returning pops a descriptor scope (a function called with redirections).
    pops_scope: bool,
}

/// A process.
pub struct Process {
    /// Its identity in the runtime.
    pub id: ProcessId,
    /// Its exit code, once exited.
    pub exit_code: Option<i32>,
    /// What it waits for, when blocked.
    pub wait: Option<Wait>,
    /// Its PID inside the container's PID namespace.
    pub pid: u32,
    /// The PID of the shell (`$$`, which subshells keep).
    shell_pid: u32,
    /// The container's PID namespace, shared by its processes.
    namespace: Rc<Namespace>,
    flavor: Flavor,
    tools: Tools,
    log: usize,
    hostname: String,
    view: View,
    cwd: String,
    frames: Vec<Frame>,
    variables: BTreeMap<String, String>,
    exported: BTreeSet<String>,
    functions: BTreeMap<String, Rc<Code>>,
    positional: Vec<String>,
    arg0: String,
    status: i32,
    descriptors: Descriptors,
    /// Saved descriptor tables, innermost last.
    scopes: Vec<Descriptors>,
    /// Saved tables restored already, kept to save the next one without
    /// allocating.
    spare_scopes: Vec<Descriptors>,
    /// Outputs of command substitutions, for the next expansion.
    slots: VecDeque<String>,
    /// Items of the `for` loops being run, innermost last.
    loops: Vec<VecDeque<String>>,
    /// Subjects of the `case` commands being run.
    cases: Vec<String>,
    /// Status of the last body of each loop being run (0 before any).
    loop_statuses: Vec<i32>,
    pending: Option<Pending>,
    /// Output not yet delivered, with the endpoint its descriptor had when written.
    outbox: Vec<(Endpoint, Vec<u8>)>,
    /// Background children, for `wait` and `$!`.
    background: Vec<(ProcessId, u32)>,
    /// Set by `exit`: leave once output is flushed.
    exit_requested: Option<i32>,
    /// Signals delivered and not yet acted on.
    pub signals: VecDeque<(SignalTarget, i32)>,
    /// Trapped signals waiting for the foreground program to end.
    deferred_signals: VecDeque<(SignalTarget, i32)>,
    /// `trap` commands by signal number (an empty command ignores the signal).
    traps: BTreeMap<i32, String>,
    /// The command line `ps` shows.
    command_line: String,
    /// The terminal the process has (`pts/0` for `kubectl exec -t`), if any.
    tty: Option<&'static str>,
    /// The arguments the process was started with.
    argv: Vec<String>,
    /// The parent's PID (0 for the container's first process).
    parent_pid: u32,
    /// When the process started.
    started: SimTime,
    /// The foreground program as `ps` shows it: its PID and command line
    /// (for an exec-form container the program is the process itself).
    foreground: Option<(u32, Vec<String>)>,
    /// The program that ended last, whose output may still wait in the
    /// outbox (a failed write names it).
    finished_program: Option<String>,
    /// Whether the process is the program itself (exec form), not a shell.
    exec_form: bool,
    /// `set -e`: exit when an unguarded command fails.
    errexit: bool,
    /// Set by `exec CMD`: the process ends when the command does.
    exit_after_command: bool,
    /// What the image's `/bin/sh` is (for `sh` run from a script).
    image_shell: Flavor,
    /// The pod's network namespace.
    network: Option<Rc<super::net::PodNetwork>>,
    /// The file a redirection last opened by path, so a loop's `>> file`
    /// does not walk the path again while no directory entry changed.
    last_opened: Option<OpenedPath>,
}

/// A path a redirection resolved to a file, valid while the filesystem's
/// generation (and the process's working directory) stays the same.
struct OpenedPath {
    /// [`super::fs::FileSystem::generation`] when it was resolved.
    generation: u64,
    /// The path as the redirection named it.
    path: String,
    /// The file it leads to.
    inode: super::fs::InodeId,
}

/// Signal numbers by name, as `kill -l` lists them (the ones Pods use).
const SIGNALS: [(&str, i32); 8] = [
    ("HUP", 1),
    ("INT", 2),
    ("QUIT", 3),
    ("KILL", 9),
    ("USR1", 10),
    ("USR2", 12),
    ("TERM", 15),
    ("CHLD", 17),
];

/// A signal given as `TERM`, `SIGTERM`, `-TERM`, `15` or `-15`.
fn signal_number(text: &str) -> Option<i32> {
    let text = text.trim_start_matches('-');
    let name = text.strip_prefix("SIG").unwrap_or(text);
    name.parse().ok().or_else(|| {
        SIGNALS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, number)| *number)
    })
}

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
    fn load(&mut self, argv: &[String], scripts: &mut ScriptCache) {
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
                        parts: vec![super::shell::ast::WordPart::SingleQuoted(arg.clone())],
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

    /// The memory the process holds, in bytes: its program's resident size
    /// (as `ps` shows it) plus what the program holds (redis's dataset).
    pub fn memory_bytes(&self) -> u64 {
        let (_, resident_kb) = super::programs::memory_kb(&self.info().command);
        let held = match &self.pending {
            Some(Pending::Program { program, .. }) => program.memory_bytes(),
            _ => 0,
        };
        resident_kb * 1024 + held
    }

    /// The root directory of the container the process runs in.
    pub fn container_root(&self) -> super::fs::InodeId {
        self.view.root
    }

    /// Makes `ps` and `/proc/PID/cmdline` show the process as `argv`, on
    /// the terminal `tty`.
    pub fn show_as(&mut self, argv: Vec<String>, tty: Option<&'static str>) {
        self.command_line = argv.join(" ");
        self.argv = argv;
        self.tty = tty;
    }

    /// Whether the container has `program` (a name looked up in PATH, or
    /// a path): the image's, or one a package manager installed.
    pub fn has_program(&self, fs: &super::fs::FileSystem, program: &str) -> bool {
        self.tools.has(program) || super::packages::installed(fs, &self.view, program)
    }

    /// The log its output goes to: its container's, or its exec's.
    pub fn log(&self) -> usize {
        self.log
    }

    /// Its PID namespace, its PID there and its parent's PID, as
    /// [`Process::info`] gives them, without copying the command line.
    pub fn family(&self) -> (usize, u32, u32) {
        (self.namespace.id, self.pid, self.parent_pid)
    }

    /// What `ps` and `kill` see of this process.
    pub fn info(&self) -> ProcessInfo {
        let program = match &self.pending {
            Some(Pending::Program { program, .. }) => Some(program),
            _ => None,
        };
        let titled = |command: String| match program.and_then(|p| p.title(&command)) {
            Some(title) => title,
            None => command,
        };
        ProcessInfo {
            id: self.id,
            namespace: self.namespace.id,
            pid: self.pid,
            parent: self.parent_pid,
            command: match (&self.foreground, self.exec_form) {
                (Some((_, argv)), true) => titled(argv.join(" ")),
                _ => self.command_line.clone(),
            },
            argv: match (&self.foreground, self.exec_form) {
                (Some((_, argv)), true) => argv.clone(),
                _ => self.argv.clone(),
            },
            started: self.started,
            tty: self.tty,
            foreground: self
                .foreground
                .as_ref()
                .filter(|_| !self.exec_form)
                .map(|(pid, argv)| (*pid, titled(argv.join(" ")))),
            forked: program.map(|p| p.forked()).unwrap_or_default(),
            held_bytes: program.map_or(0, |p| p.memory_bytes()),
        }
    }

    /// Acts on delivered signals, as Linux does: SIGKILL ends the process;
    /// a trapped signal runs its trap (after the foreground program, or at
    /// once while in `wait`); an untrapped one ends the process, except that
    /// PID 1 of a namespace ignores signals it has no handler for. A signal
    /// for the foreground program ends that program.
    fn handle_signals(&mut self) {
        while let Some((target, signal)) = self.signals.pop_front() {
            if target == SignalTarget::Foreground && !self.exec_form {
                if matches!(self.pending, Some(Pending::Program { .. })) {
                    if let Some(Pending::Program { scoped, .. }) = self.pending.take() {
                        if scoped {
                            self.pop_scope();
                        }
                    }
                    self.foreground = None;
                    self.status = 128 + signal;
                }
                continue;
            }
            if signal == 9 {
                return self.finish(137);
            }
            // A program that is the process itself (exec form) may handle it.
            if self.exec_form {
                if let Some(Pending::Program { program, .. }) = self.pending.as_mut() {
                    if program.signal(signal) {
                        self.wait = None;
                        continue;
                    }
                }
            }
            match self.traps.get(&signal).cloned() {
                Some(command) if command.is_empty() => {}
                Some(command) => {
                    match self.pending.take() {
                        Some(Pending::WaitFor(_)) => self.status = 128 + signal,
                        Some(other @ Pending::Program { .. }) => {
                            // Traps wait for the foreground command, as in sh and bash.
                            self.pending = Some(other);
                            self.deferred_signals.push_back((target, signal));
                            continue;
                        }
                        other => self.pending = other,
                    }
                    if let Ok(program) = parse(&command) {
                        self.frames.push(Frame {
                            code: Rc::new(compile(&program)),
                            pc: 0,
                            saved_positional: None,
                            pops_scope: false,
                        });
                    }
                }
                None if self.pid == 1 => {}
                None => return self.finish(128 + signal),
            }
        }
    }

    /// Every endpoint the process holds open (current and saved descriptors).
    pub fn open_endpoints(&self) -> impl Iterator<Item = &Endpoint> {
        self.descriptors
            .values()
            .chain(self.scopes.iter().flat_map(|scope| scope.values()))
            .chain(self.outbox.iter().map(|(endpoint, _)| endpoint))
    }

    fn write_out(&mut self, fd: u32, data: Vec<u8>) {
        if data.is_empty() {
            return;
        }
        let endpoint = self.descriptors.get(fd).unwrap_or(Endpoint::Null);
        match self.outbox.last_mut() {
            Some((last, buffer)) if *last == endpoint => buffer.extend(data),
            _ => self.outbox.push((endpoint, data)),
        }
    }

    /// Shell error text as each shell prefixes it: `sh: `, `bash: `, dash's `sh: 1: `.
    fn shell_error(&mut self, message: &str) {
        let prefix = match self.flavor {
            Flavor::Busybox => "sh: ",
            Flavor::Bash => "bash: ",
            Flavor::Dash => "sh: 1: ",
        };
        self.write_out(2, format!("{prefix}{message}\n").into_bytes());
    }

    /// Delivers buffered output; `Err` with the pipe to wait on, or `Ok(false)`
    /// when a pipe has no reader any more (the process dies of SIGPIPE).
    fn flush(&mut self, io: &mut Io) -> Result<bool, PipeId> {
        while let Some((endpoint, data)) = self.outbox.first_mut() {
            let endpoint = *endpoint;
            match io.write(&endpoint, data) {
                Err(WriteError::BrokenPipe) => return Ok(false),
                Err(WriteError::NoSpace) => {
                    // The data is lost, as a failed write(2) loses it.
                    self.outbox.remove(0);
                    self.status = 1;
                    if self.descriptors.get(2) != Some(endpoint) {
                        self.report_no_space();
                    }
                }
                Ok(taken) if taken == data.len() => {
                    self.outbox.remove(0);
                }
                Ok(taken) => {
                    data.drain(..taken);
                    if let Endpoint::PipeWrite(pipe) = endpoint {
                        return Err(pipe);
                    }
                }
            }
        }
        Ok(true)
    }

    /// The error a write to a full filesystem gives, in the words of what
    /// wrote: the shells' `echo` and `printf` builtins, coreutils's `yes`
    /// and other programs (busybox's words are the shell's).
    fn report_no_space(&mut self) {
        let writer = self
            .foreground
            .as_ref()
            .and_then(|(_, fields)| fields.first())
            .or(self.finished_program.as_ref())
            .map(|name| super::images::program_name(name).to_string());
        match (self.flavor, writer.as_deref()) {
            (Flavor::Busybox, _) | (_, None) => {
                self.shell_error("write error: No space left on device")
            }
            (Flavor::Bash, Some(name @ ("echo" | "printf"))) => {
                self.shell_error(&format!("{name}: write error: No space left on device"))
            }
            (Flavor::Dash, Some(name @ ("echo" | "printf"))) => {
                self.shell_error(&format!("{name}: {name}: I/O error"))
            }
            (_, Some("yes")) => self.write_out(
                2,
                b"yes: standard output: No space left on device\n".to_vec(),
            ),
            (_, Some(name)) => self.write_out(
                2,
                format!("{name}: write error: No space left on device\n").into_bytes(),
            ),
        }
    }

    fn finish(&mut self, code: i32) {
        if self.exit_code.is_none() {
            self.namespace
                .live
                .set(self.namespace.live.get().saturating_sub(1));
        }
        self.exit_code = Some(code);
        self.wait = None;
        self.pending = None;
        self.descriptors.clear();
        self.scopes.clear();
    }

    /// Runs until the process blocks or exits, or its time slice is used up.
    pub fn run(&mut self, io: &mut Io, spawned: &mut Vec<Process>, next_id: &mut ProcessId) {
        self.wait = None;
        self.handle_signals();
        if self.exit_code.is_some() {
            return;
        }
        let mut budget = TIME_SLICE;
        loop {
            match self.flush(io) {
                Ok(true) => {}
                Ok(false) => return self.finish(141),
                Err(pipe) => {
                    self.wait = Some(Wait::WritePipe(pipe));
                    return;
                }
            }
            if let Some(code) = self.exit_requested.take() {
                return self.finish(code);
            }
            if !self.signals.is_empty() {
                self.handle_signals();
                if self.exit_code.is_some() {
                    return;
                }
            }
            if budget == 0 {
                self.wait = Some(Wait::Until(io.now + TIME_SLICE_MILLIS));
                return;
            }
            budget -= 1;
            if let Some(pending) = self.pending.take() {
                let before: usize = self.outbox.iter().map(|(_, data)| data.len()).sum();
                let wait = self.resume(pending, io);
                // Producing output costs time too: one instruction per 64 bytes.
                let after: usize = self.outbox.iter().map(|(_, data)| data.len()).sum();
                let cost = (after.saturating_sub(before) / 64) as u32;
                budget = budget.saturating_sub(cost);
                if let Some(wait) = wait {
                    self.wait = Some(wait);
                    return;
                }
                continue;
            }
            let Some(frame) = self.frames.last_mut() else {
                return self.finish(self.status);
            };
            if frame.pc >= frame.code.ops.len() {
                let frame = self.frames.pop().expect("a frame");
                if let Some(saved) = frame.saved_positional {
                    self.positional = saved;
                }
                if frame.pops_scope {
                    self.pop_scope();
                }
                continue;
            }
            // One reference count for the code, not a copy of the instruction.
            let code = Rc::clone(&frame.code);
            let op = &code.ops[frame.pc];
            frame.pc += 1;
            self.execute(op, &code.heredocs, io, spawned, next_id);
        }
    }

    /// Continues after a wait; returns what to wait for next, if anything.
    fn resume(&mut self, pending: Pending, io: &mut Io) -> Option<Wait> {
        let others: &dyn ProcessView = io.processes;
        let exited = |child: &ProcessId| others.exit_code(*child);
        match pending {
            Pending::Program {
                mut program,
                scoped,
            } => {
                let mut out = Vec::new();
                let mut err = Vec::new();
                let step = program.step(&mut Sys {
                    io,
                    view: &self.view,
                    cwd: &self.cwd,
                    stdin: self.descriptors.get(0).unwrap_or(Endpoint::Null),
                    out: &mut out,
                    err: &mut err,
                    variables: &self.variables,
                    exported: &self.exported,
                    hostname: &self.hostname,
                    network: self.network.as_deref(),
                    busybox: self.tools.base == Toolset::Busybox,
                    tools: &self.tools,
                    pid_namespace: self.namespace.id,
                    own_pid: self.pid,
                    own_argv: &self.argv,
                    next_pid: &self.namespace.next_pid,
                });
                // Standard error is unbuffered; standard output (a pipe or a
                // file in a container) is flushed later, so errors come first.
                self.write_out(2, err);
                self.write_out(1, out);
                match step {
                    Step::Exit(code) => {
                        self.status = code;
                        self.finished_program = self
                            .foreground
                            .take()
                            .and_then(|(_, fields)| fields.into_iter().next());
                        if self.exit_after_command {
                            self.exit_requested = Some(code);
                        }
                        self.signals.append(&mut self.deferred_signals);
                        if scoped {
                            self.pop_scope();
                        }
                        None
                    }
                    Step::Continue => {
                        self.pending = Some(Pending::Program { program, scoped });
                        None
                    }
                    Step::Block(wait) => {
                        self.pending = Some(Pending::Program { program, scoped });
                        // Output produced before blocking is delivered first.
                        if self.outbox.is_empty() {
                            Some(wait)
                        } else {
                            None
                        }
                    }
                }
            }
            Pending::Substitution { child, capture } => match exited(&child) {
                Some(code) => {
                    self.slots.push_back(io.take_capture(capture));
                    self.status = code;
                    None
                }
                None => {
                    self.pending = Some(Pending::Substitution { child, capture });
                    Some(Wait::Children(vec![child]))
                }
            },
            Pending::Subshell(child) => match exited(&child) {
                Some(code) => {
                    self.status = code;
                    if self.exit_after_command {
                        self.exit_requested = Some(code);
                    }
                    None
                }
                None => {
                    self.pending = Some(Pending::Subshell(child));
                    Some(Wait::Children(vec![child]))
                }
            },
            Pending::Pipeline { children, negated } => {
                if children.iter().all(|c| exited(c).is_some()) {
                    let last = children.last().and_then(&exited).unwrap_or(0);
                    self.status = if negated { i32::from(last == 0) } else { last };
                    None
                } else {
                    self.pending = Some(Pending::Pipeline {
                        children: children.clone(),
                        negated,
                    });
                    Some(Wait::Children(children))
                }
            }
            Pending::WaitFor(children) => {
                if children.iter().all(|c| exited(c).is_some()) {
                    self.status = children.last().and_then(&exited).unwrap_or(0);
                    None
                } else {
                    self.pending = Some(Pending::WaitFor(children.clone()));
                    Some(Wait::Children(children))
                }
            }
        }
    }

    fn push_scope(&mut self) {
        let mut saved = self.spare_scopes.pop().unwrap_or_default();
        saved.copy_from(&self.descriptors);
        self.scopes.push(saved);
    }

    fn pop_scope(&mut self) {
        if let Some(saved) = self.scopes.pop() {
            let replaced = std::mem::replace(&mut self.descriptors, saved);
            self.spare_scopes.push(replaced);
        }
    }

    fn jump(&mut self, target: usize) {
        if let Some(frame) = self.frames.last_mut() {
            frame.pc = target;
        }
    }

    fn execute(
        &mut self,
        op: &Op,
        heredocs: &Rc<Vec<super::shell::ast::HereDoc>>,
        io: &mut Io,
        spawned: &mut Vec<Process>,
        next_id: &mut ProcessId,
    ) {
        match op {
            Op::Simple {
                assignments,
                words,
                redirects,
            } => self.simple(
                assignments,
                words,
                redirects,
                heredocs,
                io,
                spawned,
                next_id,
            ),
            Op::Substitute(code) => {
                let capture = io.new_capture();
                let overrides = BTreeMap::from([(1, Endpoint::Capture(capture))]);
                match self.spawn_child(code.clone(), overrides, next_id, spawned) {
                    Some((child, _)) => {
                        self.pending = Some(Pending::Substitution { child, capture })
                    }
                    None => self.slots.push_back(String::new()),
                }
            }
            Op::PushRedirects(redirects) => {
                self.push_scope();
                if let Err(message) = self.apply_redirects(redirects, heredocs, io) {
                    self.shell_error(&message);
                    self.status = 1;
                }
            }
            Op::PopRedirects => self.pop_scope(),
            Op::Jump(target) => self.jump(*target),
            Op::JumpIfFailed(target) => {
                if self.status != 0 {
                    self.jump(*target);
                }
            }
            Op::JumpIfSucceeded(target) => {
                if self.status == 0 {
                    self.jump(*target);
                }
            }
            Op::Negate => self.status = i32::from(self.status == 0),
            Op::SetStatus(status) => self.status = *status,
            Op::LoopStart => self.loop_statuses.push(0),
            Op::LoopBodyDone => {
                if let Some(last) = self.loop_statuses.last_mut() {
                    *last = self.status;
                }
            }
            Op::LoopEnd => self.status = self.loop_statuses.pop().unwrap_or(0),
            Op::UnwindLoops { loops, for_loops } => {
                let keep = self.loop_statuses.len().saturating_sub(*loops);
                self.loop_statuses.truncate(keep);
                let keep = self.loops.len().saturating_sub(*for_loops);
                self.loops.truncate(keep);
            }
            Op::CheckErrexit => {
                if self.errexit && self.status != 0 {
                    self.exit_requested = Some(self.status);
                }
            }
            Op::ForStart(words) => {
                let items = match words {
                    Some(words) => match self.expand_words(words, io) {
                        Ok(items) => items,
                        Err(error) => {
                            self.shell_error(&error.0);
                            Vec::new()
                        }
                    },
                    None => self.positional.clone(),
                };
                self.loops.push(items.into());
            }
            Op::ForNext { name, end } => {
                match self.loops.last_mut().and_then(VecDeque::pop_front) {
                    Some(item) => match self.variables.get_mut(&**name) {
                        Some(value) => *value = item,
                        None => {
                            self.variables.insert(name.to_string(), item);
                        }
                    },
                    None => self.jump(*end),
                }
            }
            Op::ForEnd => {
                self.loops.pop();
            }
            Op::CaseStart(word) => {
                let subject = self.expand_single(word, io).unwrap_or_default();
                self.cases.push(subject);
                self.status = 0;
            }
            Op::CaseTest { patterns, next } => {
                let subject = self.cases.last().cloned().unwrap_or_default();
                let matched = patterns.iter().any(|pattern| {
                    let pattern = self.pattern_text(pattern, io);
                    expand::glob_match(&pattern, &subject)
                });
                if !matched {
                    self.jump(*next);
                }
            }
            Op::CaseEnd => {
                self.cases.pop();
            }
            Op::Pipeline { stages, negated } => {
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
                self.pending = Some(Pending::Pipeline {
                    children,
                    negated: *negated,
                });
            }
            Op::Background(code) => {
                if let Some((child, pid)) =
                    self.spawn_child(code.clone(), BTreeMap::new(), next_id, spawned)
                {
                    self.background.push((child, pid));
                    self.variables.insert("!".into(), pid.to_string());
                    self.status = 0;
                }
            }
            Op::Subshell(code) => {
                if let Some((child, _)) =
                    self.spawn_child(code.clone(), BTreeMap::new(), next_id, spawned)
                {
                    self.pending = Some(Pending::Subshell(child));
                }
            }
            Op::Define { name, body } => {
                self.functions.insert(name.clone(), body.clone());
                self.status = 0;
            }
        }
    }

    /// Starts a child running `code`; `None` (after the shell's error) when the
    /// container has [`MAX_PROCESSES`] already.
    fn spawn_child(
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
    fn fork(
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

    fn expand_words(&mut self, words: &[Word], io: &mut Io) -> Result<Vec<String>, ExpandError> {
        expand::expand_words(words, &mut Expansion { process: self, io })
    }

    fn expand_single(&mut self, word: &Word, io: &mut Io) -> Result<String, ExpandError> {
        expand::expand_single(word, &mut Expansion { process: self, io })
    }

    /// A `case` pattern: quoted parts match literally.
    fn pattern_text(&mut self, word: &Word, io: &mut Io) -> String {
        use super::shell::ast::WordPart;
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

    #[allow(clippy::too_many_arguments)]
    fn simple(
        &mut self,
        assignments: &[(String, Word)],
        words: &[Word],
        redirects: &[Redirect],
        heredocs: &Rc<Vec<super::shell::ast::HereDoc>>,
        io: &mut Io,
        spawned: &mut Vec<Process>,
        next_id: &mut ProcessId,
    ) {
        let substitution_status = self.status;
        let mut values = Vec::new();
        for (name, word) in assignments {
            match self.expand_single(word, io) {
                Ok(value) => values.push((name.clone(), value)),
                Err(error) => return self.expansion_failed(error),
            }
        }
        let fields = match self.expand_words(words, io) {
            Ok(fields) => fields,
            Err(error) => return self.expansion_failed(error),
        };
        // Only a command with redirections gets its own descriptor scope.
        let scoped = !redirects.is_empty();
        if scoped {
            self.push_scope();
            if let Err(message) = self.apply_redirects(redirects, heredocs, io) {
                self.pop_scope();
                self.shell_error(&message);
                self.status = 1;
                return;
            }
        }
        let mut fields = fields;
        if fields.first().is_some_and(|f| f == "exec") {
            fields.remove(0);
            if fields.is_empty() {
                // `exec >file`: the redirections stay for the rest of the shell.
                if scoped {
                    self.scopes.pop();
                }
                self.status = 0;
                return;
            }
            // The command replaces the shell: it takes the shell's PID, and the
            // shell ends with its status.
            self.exec_form = true;
            self.exit_after_command = true;
        }
        let Some((name, arguments)) = fields.split_first() else {
            for (name, value) in values {
                self.variables.insert(name, value);
            }
            if scoped {
                self.pop_scope();
            }
            self.status = if assignments.is_empty() {
                0
            } else {
                substitution_status
            };
            return;
        };
        if let Some(code) = self.functions.get(name).cloned() {
            let saved = std::mem::replace(&mut self.positional, arguments.to_vec());
            self.frames.push(Frame {
                code,
                pc: 0,
                saved_positional: Some(saved),
                pops_scope: scoped,
            });
            return;
        }
        if let Some(status) = self.builtin(name, arguments, io) {
            self.status = status;
            if scoped {
                self.pop_scope();
            }
            return;
        }
        let base = super::images::program_name(name);
        if base == "docker-entrypoint.sh" && self.tools.has(name) {
            // The official images' entrypoints set things up, then exec "$@".
            if self.tools.extras.contains(&"nginx") {
                self.write_out(1, NGINX_ENTRYPOINT_LOG.as_bytes().to_vec());
                // Its scripts run helpers (find, sort, sed, awk, …) that
                // take PIDs: nginx's worker is PID 29 in a container of its own.
                let pid = self.namespace.next_pid.get();
                self.namespace.next_pid.set(pid + NGINX_ENTRYPOINT_HELPERS);
            }
            let mut rest = vec!["exec".to_string()];
            rest.extend(arguments.iter().cloned());
            let words: Vec<Word> = rest
                .iter()
                .map(|arg| Word {
                    parts: vec![super::shell::ast::WordPart::SingleQuoted(arg.clone())],
                })
                .collect();
            if scoped {
                self.pop_scope();
            }
            return self.simple(&[], &words, &[], heredocs, io, spawned, next_id);
        }
        if matches!(base, "sh" | "bash" | "ash") && self.tools.has(name) {
            self.nested_shell(base, arguments, io, spawned, next_id);
            if scoped {
                self.pop_scope();
            }
            return;
        }
        let installed = if !self.has_program(io.fs, name) {
            None
        } else if name == "ps" || name.ends_with("/ps") {
            Some(self.ps(arguments, &fields, io))
        } else if matches!(super::images::program_name(name), "top" | "free" | "uptime") {
            Some(self.top(arguments, &fields, io))
        } else {
            programs::create(name, arguments)
        };
        match installed {
            Some(program) => {
                if !values.is_empty() {
                    // Prefix assignments reach the program's environment only.
                    for (key, value) in &values {
                        self.variables.insert(key.clone(), value.clone());
                        self.exported.insert(key.clone());
                    }
                }
                let pid = if self.exec_form {
                    self.pid
                } else {
                    let pid = self.namespace.next_pid.get();
                    self.namespace.next_pid.set(pid + 1);
                    pid
                };
                self.foreground = Some((pid, fields));
                self.pending = Some(Pending::Program { program, scoped });
            }
            None => {
                if scoped {
                    self.pop_scope();
                }
                match self.flavor {
                    Flavor::Busybox | Flavor::Dash => {
                        self.shell_error(&format!("{name}: not found"))
                    }
                    Flavor::Bash => self.shell_error(&format!("{name}: command not found")),
                }
                self.status = 127;
                if self.exit_after_command {
                    self.exit_requested = Some(127);
                }
            }
        }
    }

    fn expansion_failed(&mut self, error: ExpandError) {
        self.shell_error(&error.0);
        self.status = 1;
        // A failed `${x:?}` or arithmetic error ends a non-interactive shell.
        self.exit_requested = Some(match self.flavor {
            Flavor::Busybox | Flavor::Dash => 2,
            Flavor::Bash => 1,
        });
    }

    /// The shell's own commands; `None` when `name` is not one of them.
    fn builtin(&mut self, name: &str, arguments: &[String], io: &mut Io) -> Option<i32> {
        let status = match name {
            ":" | "true" => 0,
            "false" => 1,
            "exit" => {
                let code = arguments
                    .first()
                    .and_then(|a| a.parse().ok())
                    .unwrap_or(self.status);
                self.exit_requested = Some(code & 0xff);
                code & 0xff
            }
            "return" => {
                let code = arguments
                    .first()
                    .and_then(|a| a.parse().ok())
                    .unwrap_or(self.status);
                // Leave the innermost function frame.
                if let Some(index) = self
                    .frames
                    .iter()
                    .rposition(|f| f.saved_positional.is_some())
                {
                    if let Some(frame) = self.frames.get_mut(index) {
                        frame.pc = frame.code.ops.len();
                    }
                    self.frames.truncate(index + 1);
                }
                code
            }
            "cd" => {
                let target = arguments.first().cloned().unwrap_or_else(|| "/root".into());
                let failure = match io.fs.lookup(&self.view, &self.cwd, &target) {
                    Ok(inode) if matches!(io.fs.inode(inode), super::fs::Inode::Directory(_)) => {
                        self.cwd =
                            format!("/{}", super::fs::normalize(&self.cwd, &target).join("/"));
                        self.last_opened = None;
                        None
                    }
                    Ok(_) => Some(super::fs::FsError::NotADirectory),
                    Err(error) => Some(error),
                };
                match failure {
                    None => 0,
                    Some(error) => {
                        // ash names the error, dash does not, bash puts the path first.
                        let message = match self.flavor {
                            Flavor::Busybox => {
                                format!("cd: can't cd to {target}: {}", error.message())
                            }
                            Flavor::Dash => format!("cd: can't cd to {target}"),
                            Flavor::Bash => format!("cd: {target}: {}", error.message()),
                        };
                        self.shell_error(&message);
                        if self.flavor == Flavor::Dash {
                            2
                        } else {
                            1
                        }
                    }
                }
            }
            "pwd" => {
                let line = format!("{}\n", self.cwd);
                self.write_out(1, line.into_bytes());
                0
            }
            "export" | "local" | "readonly" => {
                for argument in arguments {
                    let (key, value) = match argument.split_once('=') {
                        Some((key, value)) => (key.to_string(), Some(value.to_string())),
                        None => (argument.clone(), None),
                    };
                    if let Some(value) = value {
                        self.variables.insert(key.clone(), value);
                    }
                    if name == "export" {
                        self.exported.insert(key);
                    }
                }
                0
            }
            "unset" => {
                for argument in arguments {
                    self.variables.remove(argument);
                    self.functions.remove(argument);
                }
                0
            }
            "shift" => {
                let count = arguments.first().and_then(|a| a.parse().ok()).unwrap_or(1);
                if count > self.positional.len() {
                    1
                } else {
                    self.positional.drain(..count);
                    0
                }
            }
            "set" => {
                let mut options = arguments.iter();
                while let Some(option) = options.next() {
                    match option.as_str() {
                        "--" => {
                            self.positional = options.cloned().collect();
                            break;
                        }
                        "-o" | "+o" if options.next().map(String::as_str) == Some("errexit") => {
                            self.errexit = option == "-o";
                        }
                        flags if flags.starts_with('-') && flags.contains('e') => {
                            self.errexit = true
                        }
                        flags if flags.starts_with('+') && flags.contains('e') => {
                            self.errexit = false
                        }
                        _ => {}
                    }
                }
                0
            }
            "break" | "continue" => 0,
            "trap" => {
                let (command, signals) = match arguments.split_first() {
                    Some((command, signals)) if !signals.is_empty() => (command.clone(), signals),
                    _ => return Some(0),
                };
                for signal in signals {
                    match signal_number(signal).or_else(|| (signal == "EXIT").then_some(0)) {
                        Some(number) if command == "-" => {
                            self.traps.remove(&number);
                        }
                        Some(number) => {
                            self.traps.insert(number, command.clone());
                        }
                        None => self.shell_error(&format!("trap: {signal}: bad trap")),
                    }
                }
                0
            }
            "kill" => return Some(self.kill(arguments, io)),
            "wait" => {
                let children: Vec<ProcessId> = if arguments.is_empty() {
                    self.background.iter().map(|(id, _)| *id).collect()
                } else {
                    self.background
                        .iter()
                        .filter(|(_, pid)| arguments.iter().any(|a| a == &pid.to_string()))
                        .map(|(id, _)| *id)
                        .collect()
                };
                self.pending = Some(Pending::WaitFor(children));
                0
            }
            "read" => return self.read_line(arguments, io),
            _ => return None,
        };
        Some(status)
    }

    /// `sh -c SCRIPT [NAME ARGS…]` or `sh FILE [ARGS…]` run from a script: a
    /// child shell with the exported environment only, waited for.
    fn nested_shell(
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

    /// `ps`: a snapshot of this PID namespace, the `ps` being started included.
    fn ps(&mut self, arguments: &[String], fields: &[String], io: &Io) -> Box<dyn Program> {
        let rows = self.process_rows(fields, io);
        programs::ps(arguments, rows, self.tools.base == Toolset::Busybox)
    }

    /// `top`, `free` or `uptime`: they read the node's memory and this PID
    /// namespace's processes (again at each of `top`'s screens).
    fn top(&mut self, arguments: &[String], fields: &[String], io: &Io) -> Box<dyn Program> {
        let variant = super::top::Variant::of(self.tools.base);
        let own = self.own_rows(fields, io);
        super::top::create(fields, arguments, variant, own, self.id)
    }

    /// A snapshot of this PID namespace for `ps` and `top`, the program
    /// `fields` being started included (running).
    fn process_rows(&self, fields: &[String], io: &Io) -> Vec<programs::PsRow> {
        let mut rows = self.own_rows(fields, io);
        let namespace = self.namespace.id;
        for info in io
            .process_table()
            .iter()
            .filter(|p| p.id != self.id && p.namespace == namespace)
        {
            programs::rows_of(info, &mut rows);
        }
        rows
    }

    /// The rows of this process alone (it is out of the process table while
    /// it runs), with the program `fields` being started as its child or,
    /// in exec form, as the process itself.
    fn own_rows(&self, fields: &[String], io: &Io) -> Vec<programs::PsRow> {
        let mut rows = Vec::new();
        programs::rows_of(&self.info(), &mut rows);
        if self.exec_form {
            // The process is `ps` itself (exec'd by a pipeline stage or as
            // the container's command): its row shows `ps`, running.
            if let Some(row) = rows.iter_mut().find(|row| row.pid == self.pid) {
                row.command = fields.join(" ");
                row.running = true;
            }
        } else {
            rows.push(programs::PsRow {
                pid: self.namespace.next_pid.get(),
                parent: self.pid,
                command: fields.join(" "),
                started: io.now,
                running: true,
                tty: self.tty,
                uid: 0,
                held_kb: 0,
            });
        }
        rows
    }

    /// `kill [-SIGNAL] PID…`: signals processes of this container's PID namespace.
    fn kill(&mut self, arguments: &[String], io: &mut Io) -> i32 {
        let (signal, pids) = match arguments.split_first() {
            Some((first, rest)) if first.starts_with('-') && first.len() > 1 => {
                let name = first.trim_start_matches("-s");
                match signal_number(name) {
                    Some(number) => (number, rest),
                    None => {
                        self.shell_error(&format!(
                            "kill: {}: invalid signal specification",
                            &first[1..]
                        ));
                        return 1;
                    }
                }
            }
            _ => (15, arguments),
        };
        let mut status = 0;
        for pid_text in pids {
            let Ok(pid) = pid_text.parse::<u32>() else {
                self.shell_error(&format!(
                    "kill: {pid_text}: arguments must be process or job IDs"
                ));
                status = 1;
                continue;
            };
            // Background children started in this very run are not in the table yet.
            if let Some((id, _)) = self.background.iter().find(|(_, child)| *child == pid) {
                io.signals.push((*id, SignalTarget::Process, signal));
                continue;
            }
            let own = self.info();
            let table = io.process_table();
            let target = std::iter::once(&own)
                .chain(table.iter().filter(|p| p.id != self.id))
                .filter(|p| p.namespace == own.namespace)
                .find_map(|p| {
                    if p.pid == pid {
                        Some((p.id, SignalTarget::Process))
                    } else if p.foreground.as_ref().is_some_and(|(f, _)| *f == pid) {
                        Some((p.id, SignalTarget::Foreground))
                    } else {
                        None
                    }
                });
            match target {
                Some((id, part)) => io.signals.push((id, part, signal)),
                None => {
                    match self.flavor {
                        Flavor::Busybox => {
                            self.shell_error(&format!("can't kill pid {pid}: No such process"))
                        }
                        Flavor::Dash => self.shell_error("kill: No such process"),
                        Flavor::Bash => {
                            self.shell_error(&format!("kill: ({pid}) - No such process"))
                        }
                    }
                    status = 1;
                }
            }
        }
        status
    }

    /// `read NAME…`: one line from standard input, split over the names.
    fn read_line(&mut self, names: &[String], io: &mut Io) -> Option<i32> {
        let stdin = self.descriptors.get(0).unwrap_or(Endpoint::Null);
        let mut line = Vec::new();
        loop {
            match io.read(&stdin, 1) {
                ReadResult::Data(byte) if byte == b"\n" => break,
                ReadResult::Data(byte) => line.extend(byte),
                ReadResult::End | ReadResult::WouldBlock(_) => {
                    if line.is_empty() {
                        return Some(1);
                    }
                    break;
                }
            }
        }
        let text = String::from_utf8_lossy(&line).into_owned();
        let mut fields = text.split_whitespace();
        let names: Vec<&String> = if names.is_empty() {
            Vec::new()
        } else {
            names.iter().collect()
        };
        for (index, name) in names.iter().enumerate() {
            let value = if index + 1 == names.len() {
                fields.clone().collect::<Vec<_>>().join(" ")
            } else {
                fields.next().unwrap_or("").to_string()
            };
            self.variables.insert((*name).clone(), value);
        }
        Some(0)
    }

    /// Applies redirections to the current descriptor table.
    fn apply_redirects(
        &mut self,
        redirects: &[Redirect],
        heredocs: &Rc<Vec<super::shell::ast::HereDoc>>,
        io: &mut Io,
    ) -> Result<(), String> {
        for redirect in redirects {
            let target = match &redirect.target {
                RedirectTarget::Word(word) => match word.parts.as_slice() {
                    // A plain path (`>> /data/out`) is used as written, not copied.
                    [WordPart::Literal(text) | WordPart::SingleQuoted(text)] => {
                        Cow::Borrowed(text.as_str())
                    }
                    _ => Cow::Owned(self.expand_single(word, io).map_err(|e| e.0)?),
                },
                RedirectTarget::HereDoc(index) => {
                    let heredoc = heredocs.get(*index).cloned().unwrap_or_else(|| {
                        super::shell::ast::HereDoc {
                            body: String::new(),
                            expand: false,
                        }
                    });
                    let body = if heredoc.expand {
                        expand::expand_heredoc(&heredoc.body, &mut Expansion { process: self, io })
                            .map_err(|e| e.0)?
                    } else {
                        heredoc.body
                    };
                    let pipe = io.pipe_with(body.as_bytes());
                    self.descriptors
                        .insert(redirect.fd, Endpoint::PipeRead(pipe));
                    continue;
                }
            };
            let endpoint = match redirect.kind {
                RedirectKind::Duplicate => match target.parse::<u32>() {
                    Ok(fd) => self.descriptors.get(fd).unwrap_or(Endpoint::Null),
                    Err(_) if target == "-" => Endpoint::Null,
                    Err(_) => return Err(format!("{target}: bad file descriptor")),
                },
                RedirectKind::Input => {
                    if target == "/dev/null" {
                        Endpoint::PipeRead(io.pipe_with(b""))
                    } else {
                        let data = io
                            .fs
                            .read(&self.view, &self.cwd, &target)
                            .map_err(|error| match self.flavor {
                                Flavor::Busybox => {
                                    format!("can't open {target}: {}", error.message())
                                }
                                Flavor::Dash => format!("cannot open {target}: No such file"),
                                Flavor::Bash => format!("{target}: {}", error.message()),
                            })?
                            .to_vec();
                        Endpoint::PipeRead(io.pipe_with(&data))
                    }
                }
                RedirectKind::Output | RedirectKind::Append | RedirectKind::OutputAndError => {
                    self.open_for_writing(&target, redirect.kind == RedirectKind::Append, io)?
                }
                RedirectKind::HereDoc => continue,
            };
            if redirect.kind == RedirectKind::OutputAndError {
                self.descriptors.insert(2, endpoint);
            }
            self.descriptors.insert(redirect.fd, endpoint);
        }
        Ok(())
    }

    fn open_for_writing(
        &mut self,
        target: &str,
        append: bool,
        io: &mut Io,
    ) -> Result<Endpoint, String> {
        match target {
            "/dev/null" => return Ok(Endpoint::Null),
            "/dev/stdout" | "/proc/self/fd/1" => {
                return Ok(self.descriptors.get(1).unwrap_or(Endpoint::Null))
            }
            "/dev/stderr" | "/proc/self/fd/2" => {
                return Ok(self.descriptors.get(2).unwrap_or(Endpoint::Null))
            }
            "/proc/1/fd/1" => {
                return Ok(Endpoint::Log {
                    container: self.log,
                    stream: Stream::Stdout,
                })
            }
            "/proc/1/fd/2" => {
                return Ok(Endpoint::Log {
                    container: self.log,
                    stream: Stream::Stderr,
                })
            }
            _ => {}
        }
        let generation = io.fs.generation();
        if let Some(opened) = &self.last_opened {
            if opened.generation == generation
                && opened.path == target
                && io.fs.write_inode(opened.inode, b"", append).is_ok()
            {
                return Ok(Endpoint::File(opened.inode));
            }
        }
        match io.fs.write(&self.view, &self.cwd, target, b"", append) {
            Ok(inode) => {
                self.last_opened = Some(OpenedPath {
                    generation: io.fs.generation(),
                    path: target.to_string(),
                    inode,
                });
                Ok(Endpoint::File(inode))
            }
            Err(error) => Err(match self.flavor {
                Flavor::Busybox => format!(
                    "can't create {target}: {}",
                    match error {
                        super::fs::FsError::NotFound => "nonexistent directory",
                        other => other.message(),
                    }
                ),
                Flavor::Dash => format!(
                    "cannot create {target}: {}",
                    match error {
                        super::fs::FsError::NotFound => "Directory nonexistent",
                        other => other.message(),
                    }
                ),
                Flavor::Bash => format!("{target}: {}", error.message()),
            }),
        }
    }
}

/// The expansion context of a running process.
struct Expansion<'a, 'b, 'c> {
    process: &'a mut Process,
    io: &'b mut Io<'c>,
}

impl Context for Expansion<'_, '_, '_> {
    fn variable(&self, name: &str) -> Option<String> {
        let process = &self.process;
        match name {
            "?" => Some(process.status.to_string()),
            "$" => Some(process.shell_pid.to_string()),
            "#" => Some(process.positional.len().to_string()),
            "0" => Some(process.arg0.clone()),
            "-" => Some(String::new()),
            digits if digits.chars().all(|c| c.is_ascii_digit()) => {
                let index: usize = digits.parse().ok()?;
                process.positional.get(index.checked_sub(1)?).cloned()
            }
            _ => process.variables.get(name).cloned(),
        }
    }

    fn positional(&self) -> Vec<String> {
        self.process.positional.clone()
    }

    fn assign(&mut self, name: &str, value: String) {
        self.process.variables.insert(name.to_string(), value);
    }

    fn substitution(&mut self) -> String {
        self.process.slots.pop_front().unwrap_or_default()
    }

    fn glob(&self, pattern: &str) -> Vec<String> {
        // Component by component, as sh does: a wildcard component lists the
        // directories matched so far; the others are appended as written.
        let absolute = pattern.starts_with('/');
        let mut matches: Vec<String> = vec![String::new()];
        let components: Vec<&str> = pattern.split('/').filter(|c| !c.is_empty()).collect();
        let join = |base: &str, name: &str| match (base, absolute) {
            ("", true) => format!("/{name}"),
            ("", false) => name.to_string(),
            _ => format!("{base}/{name}"),
        };
        for component in &components {
            if !component.contains(['*', '?', '[']) {
                for path in &mut matches {
                    *path = join(path, component);
                }
                continue;
            }
            let mut next = Vec::new();
            for base in &matches {
                let directory = match (base.as_str(), absolute) {
                    ("", true) => "/",
                    ("", false) => ".",
                    (base, _) => base,
                };
                let Ok(names) = self
                    .io
                    .fs
                    .list(&self.process.view, &self.process.cwd, directory)
                else {
                    continue;
                };
                next.extend(
                    names
                        .into_iter()
                        .filter(|name| {
                            (component.starts_with('.') || !name.starts_with('.'))
                                && expand::glob_match(component, name)
                        })
                        .map(|name| join(base, &name)),
                );
            }
            matches = next;
            if matches.is_empty() {
                return matches;
            }
        }
        matches.retain(|path| {
            self.io
                .fs
                .lookup(&self.process.view, &self.process.cwd, path)
                .is_ok()
        });
        crate::sort::sort(&mut matches);
        matches
    }
}
