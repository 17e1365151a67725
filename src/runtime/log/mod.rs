//! A container's log as the node stores it: the current file of CRI records
//! exactly as containerd writes them ([`cri`]), the files the kubelet's
//! rotation has set aside, and what containerd holds of each stream that
//! has not ended its line yet. The limits count the bytes as stored, so a
//! log's memory is bounded by its files however short its lines are.
//!
//! An exec session's or a node command's output is a [`Format::Terminal`]
//! log instead: the bytes a terminal would show, lines in the order they
//! ended, with nothing added and nothing rotated.

mod cri;
mod file;
mod read;
mod runtime_logs;
#[cfg(test)]
mod tests;

use crate::clock::SimTime;
use crate::runtime::pipes::Stream;
use crate::runtime::time::{format_time, EPOCH_SECONDS};
use file::File;
pub use read::{LogPosition, ReadOptions};

/// `containerLogMaxSize`: a current file this large or larger is rotated at
/// the next monitor tick (the kubelet's default `"10Mi"`,
/// `pkg/kubelet/apis/config/v1beta1/defaults.go`; `info.Size() <
/// c.policy.MaxSize` skips it, `pkg/kubelet/logs/container_log_manager.go`).
pub const MAX_SIZE: usize = 10 * 1024 * 1024;

/// `containerLogMaxFiles`: the files of one container's log in all, the
/// current one included (default 5, defaults.go). Before renaming the
/// current file, `removeExcessLogs` keeps `MaxFiles - 2` rotated files.
pub const MAX_FILES: usize = 5;

/// The most a file may hold before further records are lost. A real file
/// grows past [`MAX_SIZE`] until the next monitor tick at whatever rate
/// containerd's logger writes (one `write(2)` per record); podplay's
/// processes can write faster than that, so a file stops at twice the
/// rotation size and later records fail as containerd's writes to a full
/// disk do ("Fail to write … log to log file", the output still drained, in
/// logger.go). A writer under 1 MiB a second never meets it.
pub const FILE_CEILING: usize = 2 * MAX_SIZE;

/// How a log's lines are stored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    /// A container's log file: CRI records, rotated by the kubelet.
    #[default]
    Cri,
    /// What an exec session or a node command printed, as a terminal shows it.
    Terminal,
}

/// A file the kubelet's rotation renamed to `N.log.<suffix>` (and later
/// compressed to `N.log.<suffix>.gz`). Nothing podplay shows reads a
/// rotated file (`kubectl logs` reads only the current one, see
/// [`read`]), so only the newest one's bytes are kept (for a `kubectl logs
/// -f` that was reading it); the compressed ones keep their name and size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RotatedFile {
    /// `20060102-150405` of the rotation time (`timestampFormat` in
    /// container_log_manager.go).
    pub suffix: String,
    /// Its length before compression.
    pub bytes: usize,
    /// Whether it was gzip-compressed (`compressSuffix` `.gz`).
    pub compressed: bool,
}

/// One log: a container instance's, or an exec's.
#[derive(Debug, Clone, Default)]
pub struct ContainerLog {
    /// How the lines are stored.
    format: Format,
    /// The current file (`N.log`).
    current: File,
    /// The bytes of the newest rotated file, until the next rotation
    /// compresses it.
    newest_rotated: File,
    /// The rotated files, oldest first (at most [`MAX_FILES`] - 1).
    rotated: Vec<RotatedFile>,
    /// How many times the current file was rotated.
    rotations: u64,
    /// Per stream (stdout, stderr), the text of a line not ended yet, as
    /// containerd's reader holds it (at most [`cri::MAX_LINE`] bytes).
    pending: [Vec<u8>; 2],
    /// The last record stamp made, and its time (a busy writer stamps many
    /// records in one virtual millisecond).
    stamp: (SimTime, String),
    /// Bytes ever written to it, kept or lost.
    written: u64,
}

impl ContainerLog {
    /// An empty log stored as `format`.
    pub fn new(format: Format) -> ContainerLog {
        ContainerLog {
            format,
            ..ContainerLog::default()
        }
    }

    /// Writes what a process wrote to `stream` at `time`: every line it ends
    /// becomes records (containerd's `redirectLogs`), the rest waits for its
    /// newline.
    pub(super) fn write(&mut self, time: SimTime, stream: Stream, data: &[u8]) {
        let slot = stream as usize;
        self.written = self.written.saturating_add(data.len() as u64);
        if self.is_full() {
            // Every line this ends is lost; only the unfinished one matters.
            if let Some(newline) = data.iter().rposition(|&b| b == b'\n') {
                self.pending[slot].clear();
                self.pending[slot].extend_from_slice(&data[newline + 1..]);
            } else {
                self.pending[slot].extend_from_slice(data);
            }
            // What `cut_long_line` would have written out (and lost).
            let pending = &mut self.pending[slot];
            let cut = pending.len().saturating_sub(1) / cri::MAX_LINE * cri::MAX_LINE;
            pending.drain(..cut);
            pending.shrink_to(cri::MAX_LINE);
            return;
        }
        let mut rest = data;
        while let Some(newline) = rest.iter().position(|&b| b == b'\n') {
            let ended = &rest[..newline];
            if self.pending[slot].is_empty() {
                self.end_line(time, stream, ended);
            } else {
                let mut line = std::mem::take(&mut self.pending[slot]);
                line.extend_from_slice(ended);
                self.end_line(time, stream, &line);
                line.clear();
                line.shrink_to(cri::MAX_LINE);
                self.pending[slot] = line;
            }
            rest = &rest[newline + 1..];
        }
        self.pending[slot].extend_from_slice(rest);
        self.cut_long_line(time, stream);
    }

    /// Writes the unfinished lines out as the streams close (the container
    /// has exited): containerd writes what it holds as a `P` record at EOF
    /// ("readLine only returns error when the message doesn't end with a
    /// newline, in that case it should be treated as a partial line").
    pub fn close(&mut self, time: SimTime) {
        for stream in [Stream::Stdout, Stream::Stderr] {
            let text = std::mem::take(&mut self.pending[stream as usize]);
            if !text.is_empty() {
                self.store(time, stream, true, &text);
            }
        }
    }

    /// The kubelet's rotation of this (running) container's log at a monitor
    /// tick at `now` (`rotateLog` in container_log_manager.go); whether it
    /// rotated. A current file under [`MAX_SIZE`] is left; otherwise the
    /// oldest rotated files go until `MAX_FILES - 2` are left
    /// (`removeExcessLogs`), those are compressed (`compressLog`), and the
    /// current file is renamed, uncompressed, to `N.log.<suffix>`
    /// (`rotateLatestLog`) while containerd reopens a new, empty `N.log`.
    pub fn rotate(&mut self, now: SimTime) -> bool {
        if self.format != Format::Cri || self.current.len() < MAX_SIZE {
            return false;
        }
        let keep = MAX_FILES - 2;
        if self.rotated.len() > keep {
            self.rotated.drain(..self.rotated.len() - keep);
        }
        for file in &mut self.rotated {
            file.compressed = true;
        }
        let seconds = EPOCH_SECONDS.saturating_add((now.as_millis() / 1000) as i64);
        self.rotated.push(RotatedFile {
            suffix: format_time(seconds, "%Y%m%d-%H%M%S"),
            bytes: self.current.len(),
            compressed: false,
        });
        self.newest_rotated = std::mem::take(&mut self.current);
        self.rotations += 1;
        true
    }

    /// Counts `bytes` written to a full log, lost as [`ContainerLog::write`]
    /// would lose them (a spinning process's output while its log is full).
    pub(super) fn lose(&mut self, bytes: u64) {
        self.written = self.written.saturating_add(bytes);
    }

    /// How many bytes were ever written to it, kept or lost.
    pub fn written(&self) -> u64 {
        self.written
    }

    /// The files set aside by rotation, oldest first.
    pub fn rotated_files(&self) -> &[RotatedFile] {
        &self.rotated
    }

    /// The current file's length in bytes.
    pub fn stored_bytes(&self) -> usize {
        self.current.len()
    }

    /// The heap this log holds, in bytes: its files' chunks, the newest
    /// rotated file, the unfinished lines, the names and the stamp.
    pub fn heap_bytes(&self) -> usize {
        self.current.heap_bytes()
            + self.newest_rotated.heap_bytes()
            + self.pending.iter().map(Vec::capacity).sum::<usize>()
            + self.rotated.capacity() * std::mem::size_of::<RotatedFile>()
            + self
                .rotated
                .iter()
                .map(|f| f.suffix.capacity())
                .sum::<usize>()
            + self.stamp.1.capacity()
    }

    /// Whether the current file is too near [`FILE_CEILING`] to take even
    /// the shortest record (a CRI record with a stamp of whole seconds and
    /// no text; a terminal's empty line).
    fn is_full(&self) -> bool {
        let shortest = match self.format {
            Format::Cri => "2026-01-01T00:00:00Z stdout F \n".len(),
            Format::Terminal => 1,
        };
        self.current.len() + shortest > FILE_CEILING
    }

    /// A line ended by a newline: for a CRI log, its `\r` before the newline
    /// dropped (logger.go's `readLine` drops `\r\n` as a whole) and its
    /// text cut into records of at most [`cri::MAX_LINE`] bytes.
    fn end_line(&mut self, time: SimTime, stream: Stream, line: &[u8]) {
        if self.format == Format::Terminal {
            return self.store(time, stream, false, line);
        }
        let mut line = line.strip_suffix(b"\r").unwrap_or(line);
        while line.len() > cri::MAX_LINE {
            let (part, rest) = line.split_at(cri::MAX_LINE);
            self.store(time, stream, true, part);
            line = rest;
        }
        self.store(time, stream, false, line);
    }

    /// Writes out the front of an unfinished line once it is longer than
    /// [`cri::MAX_LINE`], as `P` records, so the held text stays bounded.
    fn cut_long_line(&mut self, time: SimTime, stream: Stream) {
        let slot = stream as usize;
        if self.pending[slot].len() <= cri::MAX_LINE {
            return;
        }
        let text = std::mem::take(&mut self.pending[slot]);
        let mut rest = &text[..];
        while rest.len() > cri::MAX_LINE {
            let (part, after) = rest.split_at(cri::MAX_LINE);
            self.store(time, stream, true, part);
            rest = after;
        }
        self.pending[slot] = rest.to_vec();
    }

    /// Appends one record (a terminal log: the text, and its newline unless
    /// `partial`), unless the file is at [`FILE_CEILING`].
    fn store(&mut self, time: SimTime, stream: Stream, partial: bool, text: &[u8]) {
        if self.format == Format::Terminal {
            let len = text.len() + usize::from(!partial);
            if self.current.len() + len <= FILE_CEILING {
                let chunk = self.current.room(len);
                chunk.extend_from_slice(text);
                if !partial {
                    chunk.push(b'\n');
                }
            }
            return;
        }
        if self.stamp.1.is_empty() || self.stamp.0 != time {
            self.stamp = (time, cri::stamp(time));
        }
        let stamp = &self.stamp.1;
        let len = cri::encoded_len(stamp, stream, text);
        if self.current.len() + len <= FILE_CEILING {
            cri::encode(self.current.room(len), stamp, stream, partial, text);
        }
    }
}
