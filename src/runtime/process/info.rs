//! What the node sees of a process: its container, log and family,
//! its `ps` row, and the snapshots `ps` and `top` are started with.

use super::shell_vm::Pending;
use super::Process;
use crate::runtime::images::Toolset;
use crate::runtime::io::Io;
use crate::runtime::program::{ProcessInfo, Program};
use crate::runtime::programs;

impl Process {
    /// The root directory of the container the process runs in.
    pub fn container_root(&self) -> crate::runtime::fs::InodeId {
        self.os.view.root
    }

    /// Makes `ps` and `/proc/PID/cmdline` show the process as `argv`, on
    /// the terminal `tty`.
    pub fn show_as(&mut self, argv: Vec<String>, tty: Option<&'static str>) {
        self.os.command_line = argv.join(" ");
        self.os.argv = argv;
        self.os.tty = tty;
    }

    /// Whether the container has `program` (a name looked up in PATH, or
    /// a path): the image's, or one a package manager installed.
    pub fn has_program(&self, fs: &crate::runtime::fs::FileSystem, program: &str) -> bool {
        self.os.tools.has(program)
            || crate::runtime::packages::installed(fs, &self.os.view, program)
    }

    /// The log its output goes to: its container's, or its exec's.
    pub fn log(&self) -> usize {
        self.os.log
    }

    /// Its PID namespace, its PID there and its parent's PID, as
    /// [`Process::info`] gives them, without copying the command line.
    pub fn family(&self) -> (usize, u32, u32) {
        (self.os.namespace.id, self.os.pid, self.os.parent_pid)
    }

    /// What `ps` and `kill` see of this process.
    pub fn info(&self) -> ProcessInfo {
        let program = match &self.vm.pending {
            Some(Pending::Program { program, .. }) => Some(program),
            _ => None,
        };
        let titled = |command: String| match program.and_then(|p| p.title(&command)) {
            Some(title) => title,
            None => command,
        };
        ProcessInfo {
            id: self.os.id,
            namespace: self.os.namespace.id,
            pid: self.os.pid,
            parent: self.os.parent_pid,
            command: match (&self.os.foreground, self.vm.exec_form) {
                (Some((_, argv)), true) => titled(argv.join(" ")),
                _ => self.os.command_line.clone(),
            },
            argv: match (&self.os.foreground, self.vm.exec_form) {
                (Some((_, argv)), true) => argv.clone(),
                _ => self.os.argv.clone(),
            },
            started: self.os.started,
            tty: self.os.tty,
            foreground: self
                .os
                .foreground
                .as_ref()
                // A builtin (`echo`) has the shell's own PID: no child.
                .filter(|(pid, _)| !self.vm.exec_form && *pid != self.os.pid)
                .map(|(pid, argv)| (*pid, titled(argv.join(" ")))),
            forked: program.map(|p| p.forked()).unwrap_or_default(),
            cpu: self.os.cpu,
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
        programs::ps(arguments, rows, self.os.tools.base == Toolset::Busybox)
    }

    /// `top`, `free` or `uptime`: they read the node's memory and this PID
    /// namespace's processes (again at each of `top`'s screens).
    pub(super) fn top(
        &mut self,
        arguments: &[String],
        fields: &[String],
        io: &Io,
    ) -> Box<dyn Program> {
        let variant = crate::runtime::top::Variant::of(self.os.tools.base);
        let own = self.own_rows(fields, io);
        crate::runtime::top::create(fields, arguments, variant, own, self.os.id)
    }

    /// A snapshot of this PID namespace for `ps` and `top`, the program
    /// `fields` being started included (running).
    pub(super) fn process_rows(&self, fields: &[String], io: &Io) -> Vec<programs::PsRow> {
        let mut rows = self.own_rows(fields, io);
        let namespace = self.os.namespace.id;
        for info in io
            .process_table()
            .iter()
            .filter(|p| p.id != self.os.id && p.namespace == namespace)
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
        if self.vm.exec_form {
            // The process is `ps` itself (exec'd by a pipeline stage or as
            // the container's command): its row shows `ps`, running.
            if let Some(row) = rows.iter_mut().find(|row| row.pid == self.os.pid) {
                row.command = fields.join(" ");
                row.running = true;
            }
        } else {
            rows.push(programs::PsRow {
                pid: self.os.namespace.next_pid.get(),
                parent: self.os.pid,
                command: fields.join(" "),
                started: io.now,
                running: true,
                tty: self.os.tty,
                uid: 0,
                held_kb: 0,
                cpu: None,
            });
        }
        rows
    }
}
