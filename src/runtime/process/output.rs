//! A process's output: buffered per descriptor, delivered when the process
//! runs (a full pipe blocks it, a broken one kills it), the shells' error
//! prefixes, a full disk's wording and the writer's end, and how the
//! process finishes.

use super::shell_vm::Pending;
use super::Process;
use crate::runtime::io::Io;
use crate::runtime::pipes::{Endpoint, PipeId, WriteError};
use crate::runtime::programs::full_disk::{full_disk, Said};
use crate::runtime::shell::Flavor;

impl Process {
    /// Every endpoint the process holds open (current and saved descriptors).
    pub fn open_endpoints(&self) -> impl Iterator<Item = &Endpoint> {
        self.os
            .descriptors
            .values()
            .chain(self.vm.scopes.iter().flat_map(|scope| scope.values()))
            .chain(self.os.outbox.iter().map(|(endpoint, _)| endpoint))
    }

    pub(super) fn write_out(&mut self, fd: u32, data: Vec<u8>) {
        if data.is_empty() {
            return;
        }
        let endpoint = self.os.descriptors.get(fd).unwrap_or(Endpoint::Null);
        match self.os.outbox.last_mut() {
            Some((last, buffer)) if *last == endpoint => buffer.extend(data),
            _ => self.os.outbox.push((endpoint, data)),
        }
    }

    /// Shell error text as each shell prefixes it: `sh: `, `bash: `, dash's `sh: 1: `.
    pub(super) fn shell_error(&mut self, message: &str) {
        let prefix = match self.vm.flavor {
            Flavor::Busybox => "sh: ",
            Flavor::Bash => "bash: ",
            Flavor::Dash => "sh: 1: ",
        };
        self.write_out(2, format!("{prefix}{message}\n").into_bytes());
    }

    /// Prints a syntax error in the shell's words (nothing when the real
    /// shell would have crashed instead).
    pub(super) fn syntax_error(&mut self, error: &crate::runtime::shell::SyntaxError) {
        let message = error.message(self.vm.flavor);
        if !message.is_empty() {
            self.write_out(2, format!("{message}\n").into_bytes());
        }
    }

    /// Delivers buffered output; `Err` with the pipe to wait on, or `Ok(false)`
    /// when a pipe has no reader any more (the process dies of SIGPIPE).
    pub(super) fn flush(&mut self, io: &mut Io) -> Result<bool, PipeId> {
        while let Some((endpoint, data)) = self.os.outbox.first_mut() {
            let endpoint = *endpoint;
            match io.write(&endpoint, data) {
                Err(WriteError::BrokenPipe) => return Ok(false),
                Err(WriteError::NoSpace) => {
                    // The data is lost, as a failed write(2) loses it, and
                    // the writer gives up with its own status.
                    self.os.outbox.remove(0);
                    let status = self.report_no_space(self.os.descriptors.get(2) != Some(endpoint));
                    self.end_failed_writer(status);
                }
                Ok(taken) if taken == data.len() => {
                    self.watch.record(endpoint, data);
                    self.os.outbox.remove(0);
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
    /// wrote (`full_disk`'s table; the shells' own words when no program
    /// is known), said when `say` (stderr is not the full file); returns
    /// the writer's exit status.
    pub(super) fn report_no_space(&mut self, say: bool) -> i32 {
        let writer = self
            .os
            .foreground
            .as_ref()
            .and_then(|(_, fields)| fields.first())
            .or(self.os.finished_program.as_ref())
            .map(|name| crate::runtime::images::program_name(name).to_string());
        let busybox = self.os.tools.base == crate::runtime::images::Toolset::Busybox;
        let (said, status) = match writer.as_deref() {
            Some(name) => full_disk(name, self.vm.flavor, busybox),
            None => (
                Said::Shell("write error: No space left on device".to_string()),
                1,
            ),
        };
        match said {
            _ if !say => {}
            Said::Nothing => {}
            Said::Shell(words) => self.shell_error(&words),
            Said::Program(words) => self.write_out(2, format!("{words}\n").into_bytes()),
        }
        status
    }

    /// Ends the program whose write failed (it exits at once, as the real
    /// one does after `write(2)` fails), or sets the status it exited with.
    fn end_failed_writer(&mut self, status: i32) {
        self.vm.status = status;
        if let Some(requested) = self.vm.exit_requested.as_mut() {
            *requested = status;
        }
        if self.vm.exec_form {
            self.vm.exit_requested = Some(status);
            return;
        }
        if let Some(Pending::Program { scoped, .. }) = self
            .vm
            .pending
            .take_if(|pending| matches!(pending, Pending::Program { .. }))
        {
            self.os.finished_program = self
                .os
                .foreground
                .take()
                .and_then(|(_, fields)| fields.into_iter().next());
            if scoped {
                self.pop_scope();
            }
            if self.vm.exit_after_command {
                self.vm.exit_requested = Some(status);
            }
        }
    }

    pub(super) fn finish(&mut self, code: i32) {
        if self.os.exit_code.is_none() {
            self.os
                .namespace
                .live
                .set(self.os.namespace.live.get().saturating_sub(1));
        }
        self.os.exit_code = Some(code);
        self.os.wait = None;
        self.vm.pending = None;
        self.os.descriptors.clear();
        self.vm.scopes.clear();
    }
}
