//! How programs read: standard input and devices a chunk at a time, a file
//! whole (and `/proc/PID/cmdline`), and `WholeInput`, everything a filter reads before
//! it writes (its files, or standard input when it names none).

use crate::runtime::fs::{Device, FsError, Inode};
use crate::runtime::pipes::{Endpoint, ReadResult};
use crate::runtime::program::{Step, Sys, Wait};
use crate::runtime::programs::once::error;

/// Bytes a streaming program reads per step.
const READ_CHUNK: usize = 16 * 1024;

/// How long a filter reading an endless device waits between its (fruitless)
/// steps: a time slice, so it costs what a busy process costs.
const SPIN_MILLIS: u64 = 10;

/// Reads one chunk of standard input.
pub enum Input {
    /// Bytes read.
    Data(Vec<u8>),
    /// The input has ended.
    End,
    /// Nothing yet: the program waits for this.
    Wait(Wait),
}

/// Reads one chunk of standard input.
pub fn read_stdin(sys: &mut Sys) -> Input {
    let stdin = sys.stdin;
    read_stream(sys, stdin)
}

/// Reads one chunk of a stream: standard input, or a device.
pub fn read_stream(sys: &mut Sys, stream: Endpoint) -> Input {
    match sys.io.read(&stream, READ_CHUNK) {
        ReadResult::Data(data) => Input::Data(data),
        ReadResult::End => Input::End,
        ReadResult::WouldBlock(pipe) => Input::Wait(Wait::ReadPipe(pipe)),
    }
}

/// Whether reading `stream` never ends (`< /dev/zero`).
pub fn is_endless(stream: Endpoint) -> bool {
    matches!(stream, Endpoint::Device(device) if device.is_endless())
}

/// The step of a program that reads all its input first, given a device
/// that never ends: it spins, as the real one does, holding nothing (a
/// real one may also grow until it is killed).
pub fn spin(sys: &Sys) -> Step {
    Step::Block(Wait::Until(sys.io.now + SPIN_MILLIS))
}

/// The device at `path` (`/dev/zero`, `/dev/null`, …) opened as a stream
/// to read a chunk at a time, since most never end.
pub fn device_stream(sys: &Sys, path: &str) -> Option<Endpoint> {
    Device::at(sys.cwd, path).map(Endpoint::Device)
}

/// Reads a file for a program, or reports `prog: path: error` as coreutils does.
pub fn read_file(sys: &mut Sys, program: &str, path: &str) -> Option<Vec<u8>> {
    match load_file(sys, path) {
        Ok(data) => Some(data),
        Err(failure) => {
            error(
                sys,
                format!("{program}: {path}: {}", failure.words(sys.busybox)),
            );
            None
        }
    }
}

/// The contents of the file at `path` (or of `/proc/PID/cmdline`), or why
/// it cannot be read.
pub fn load_file(sys: &mut Sys, path: &str) -> Result<Vec<u8>, FsError> {
    if let Some(rest) = path.strip_prefix("/proc/") {
        return proc_file(sys, rest).ok_or(FsError::NotFound);
    }
    let inode = sys.io.fs.lookup(sys.view, sys.cwd, path)?;
    match sys.io.fs.inode(inode) {
        Inode::File(data) => {
            let data = data.clone();
            sys.io.note_read(inode, data.len());
            Ok(data)
        }
        Inode::Directory(_) | Inode::Symlink(_) => Err(FsError::IsADirectory),
    }
}

/// A file of `/proc` for the processes of this PID namespace: `PID/cmdline`
/// (arguments separated by NUL bytes).
fn proc_file(sys: &Sys, path: &str) -> Option<Vec<u8>> {
    let (pid, file) = path.split_once('/')?;
    if file != "cmdline" {
        return None;
    }
    let pid: u32 = pid.parse().ok()?;
    let table = sys.io.process_table();
    let entry = if pid == sys.own_pid {
        Some(sys.own_argv.to_vec())
    } else {
        None
    };
    let entry = entry.or_else(|| {
        table
            .iter()
            .filter(|p| p.namespace == sys.pid_namespace)
            .find_map(|p| {
                if p.pid == pid {
                    Some(p.argv.clone())
                } else {
                    p.foreground
                        .as_ref()
                        .filter(|(child, _)| *child == pid)
                        .map(|(_, command)| command.split(' ').map(String::from).collect())
                }
            })
    })?;
    let mut data = Vec::new();
    for arg in entry {
        data.extend(arg.bytes());
        data.push(0);
    }
    Some(data)
}

/// Everything a filter reads before it writes: its files, read whole in one
/// step, or standard input, a chunk a step, when it names no file.
pub struct WholeInput {
    /// The files to read; standard input when there are none.
    files: Vec<String>,
    /// What was read so far.
    data: Vec<u8>,
}

impl WholeInput {
    /// The input of a filter whose file operands are `files`.
    pub fn new(files: Vec<String>) -> WholeInput {
        WholeInput {
            files,
            data: Vec::new(),
        }
    }

    /// Reads on: `Err` with the step to return while input remains, then
    /// `Ok` with the status so far (`failure_status` if a file could not be
    /// read, reported as `program: path: error`).
    pub fn read(&mut self, sys: &mut Sys, program: &str, failure_status: i32) -> Result<i32, Step> {
        let mut status = 0;
        if self.files.is_empty() {
            if is_endless(sys.stdin) {
                return Err(spin(sys));
            }
            match read_stdin(sys) {
                Input::Data(data) => {
                    self.data.extend(data);
                    return Err(Step::Continue);
                }
                Input::Wait(wait) => return Err(Step::Block(wait)),
                Input::End => {}
            }
        } else {
            for file in &self.files {
                match Device::at(sys.cwd, file) {
                    Some(device) if device.is_endless() => return Err(spin(sys)),
                    Some(_) => continue,
                    None => {}
                }
                match read_file(sys, program, file) {
                    Some(data) => self.data.extend(data),
                    None => status = failure_status,
                }
            }
        }
        Ok(status)
    }

    /// The files named (none for standard input).
    pub fn files(&self) -> &[String] {
        &self.files
    }

    /// What was read, as bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.data
    }

    /// What was read, as text (invalid UTF-8 replaced).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.data).into_owned()
    }
}
