//! How programs read: standard input a chunk at a time, a file whole (and
//! `/proc/PID/cmdline`), and `WholeInput`, everything a filter reads before
//! it writes (its files, or standard input when it names none).

use crate::runtime::fs::{FsError, Inode};
use crate::runtime::pipes::ReadResult;
use crate::runtime::program::{Step, Sys, Wait};
use crate::runtime::programs::once::error;

/// Bytes a streaming program reads per step.
const READ_CHUNK: usize = 16 * 1024;

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
    match sys.io.read(&sys.stdin.clone(), READ_CHUNK) {
        ReadResult::Data(data) => Input::Data(data),
        ReadResult::End => Input::End,
        ReadResult::WouldBlock(pipe) => Input::Wait(Wait::ReadPipe(pipe)),
    }
}

/// Reads a file for a program, or reports `prog: path: error` as coreutils does.
pub fn read_file(sys: &mut Sys, program: &str, path: &str) -> Option<Vec<u8>> {
    if let Some(rest) = path.strip_prefix("/proc/") {
        return match proc_file(sys, rest) {
            Some(data) => Some(data),
            None => {
                error(
                    sys,
                    format!("{program}: {path}: {}", FsError::NotFound.message()),
                );
                None
            }
        };
    }
    match sys.io.fs.lookup(sys.view, sys.cwd, path) {
        Ok(inode) => match sys.io.fs.inode(inode) {
            Inode::File(data) => {
                let data = data.clone();
                sys.io.note_read(inode, data.len());
                Some(data)
            }
            Inode::Directory(_) | Inode::Symlink(_) => {
                error(
                    sys,
                    format!("{program}: {path}: {}", FsError::IsADirectory.message()),
                );
                None
            }
        },
        Err(failure) => {
            error(
                sys,
                format!("{program}: {path}: {}", failure.words(sys.busybox)),
            );
            None
        }
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
