//! A process's output: buffered per descriptor, delivered when the process
//! runs (a full pipe blocks it, a broken one kills it), the shells' error
//! prefixes and a full disk's wording, and how the process finishes.

use super::Process;
use crate::runtime::io::Io;
use crate::runtime::pipes::{Endpoint, PipeId, WriteError};
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

    /// Delivers buffered output; `Err` with the pipe to wait on, or `Ok(false)`
    /// when a pipe has no reader any more (the process dies of SIGPIPE).
    pub(super) fn flush(&mut self, io: &mut Io) -> Result<bool, PipeId> {
        while let Some((endpoint, data)) = self.os.outbox.first_mut() {
            let endpoint = *endpoint;
            match io.write(&endpoint, data) {
                Err(WriteError::BrokenPipe) => return Ok(false),
                Err(WriteError::NoSpace) => {
                    // The data is lost, as a failed write(2) loses it.
                    self.os.outbox.remove(0);
                    self.vm.status = 1;
                    if self.os.descriptors.get(2) != Some(endpoint) {
                        self.report_no_space();
                    }
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
    /// wrote: the shells' `echo` and `printf` builtins, coreutils's `yes`
    /// and other programs (busybox's words are the shell's).
    pub(super) fn report_no_space(&mut self) {
        let writer = self
            .os
            .foreground
            .as_ref()
            .and_then(|(_, fields)| fields.first())
            .or(self.os.finished_program.as_ref())
            .map(|name| crate::runtime::images::program_name(name).to_string());
        match (self.vm.flavor, writer.as_deref()) {
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
