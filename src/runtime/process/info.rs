//! What the node sees of a process: its memory, container, log and family,
//! its `ps` row, and the snapshots `ps` and `top` are started with.

use super::{Pending, Process};
use crate::runtime::images::Toolset;
use crate::runtime::io::Io;
use crate::runtime::program::{ProcessInfo, Program};
use crate::runtime::programs;

impl Process {
    /// The memory the process holds, in bytes: its program's resident size
    /// (as `ps` shows it) plus what the program holds (redis's dataset).
    pub fn memory_bytes(&self) -> u64 {
        let (_, resident_kb) = crate::runtime::programs::memory_kb(&self.info().command);
        let held = match &self.pending {
            Some(Pending::Program { program, .. }) => program.memory_bytes(),
            _ => 0,
        };
        resident_kb * 1024 + held
    }

    /// The root directory of the container the process runs in.
    pub fn container_root(&self) -> crate::runtime::fs::InodeId {
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
    pub fn has_program(&self, fs: &crate::runtime::fs::FileSystem, program: &str) -> bool {
        self.tools.has(program) || crate::runtime::packages::installed(fs, &self.view, program)
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

    /// `ps`: a snapshot of this PID namespace, the `ps` being started included.
    pub(super) fn ps(
        &mut self,
        arguments: &[String],
        fields: &[String],
        io: &Io,
    ) -> Box<dyn Program> {
        let rows = self.process_rows(fields, io);
        programs::ps(arguments, rows, self.tools.base == Toolset::Busybox)
    }

    /// `top`, `free` or `uptime`: they read the node's memory and this PID
    /// namespace's processes (again at each of `top`'s screens).
    pub(super) fn top(
        &mut self,
        arguments: &[String],
        fields: &[String],
        io: &Io,
    ) -> Box<dyn Program> {
        let variant = crate::runtime::top::Variant::of(self.tools.base);
        let own = self.own_rows(fields, io);
        crate::runtime::top::create(fields, arguments, variant, own, self.id)
    }

    /// A snapshot of this PID namespace for `ps` and `top`, the program
    /// `fields` being started included (running).
    pub(super) fn process_rows(&self, fields: &[String], io: &Io) -> Vec<programs::PsRow> {
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
    pub(super) fn own_rows(&self, fields: &[String], io: &Io) -> Vec<programs::PsRow> {
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
}
