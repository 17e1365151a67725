//! Reading a log as the kubelet serves it (`ReadLogs` in
//! `pkg/kubelet/kuberuntime/logs/logs.go`): only the current file is read
//! ("the current CRI logs implementation doesn't handle log rotation. It
//! will not retrieve logs in rotated log file"), `--tail` counts the file's
//! lines from its end (`tail.FindTailLineStartIndex`, one line per record),
//! each record is parsed (`parseCRILog`) and its text written with its
//! newline only if it is an `F` record, so the parts of a cut line join up;
//! `--timestamps` puts the record's time before each record's text.

use super::cri::{self, Record};
use super::file::File;
use super::{ContainerLog, Format};

/// The options of `kubectl logs` podplay serves (of the kubelet's
/// `LogOptions`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// `--tail`: the last this many lines of the file; `None` for all.
    pub tail: Option<usize>,
    /// `--timestamps`.
    pub timestamps: bool,
}

/// Where a reader following a log (`kubectl logs -f`) has read to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LogPosition {
    /// The rotations of the log when it read.
    rotations: u64,
    /// The byte offset in the file that was current then.
    offset: usize,
}

impl ContainerLog {
    /// The current file as `kubectl logs` prints it.
    pub fn read(&self, options: ReadOptions) -> String {
        let start = options
            .tail
            .map_or(0, |count| self.current.tail_offset(count));
        render(&self.current, start, options.timestamps)
    }

    /// Where the current file ends now, for a reader that goes on following.
    pub fn end(&self) -> LogPosition {
        LogPosition {
            rotations: self.rotations,
            offset: self.current.len(),
        }
    }

    /// What a follower at `position` reads next, and where it is then. After
    /// a rotation it reads the rest of the renamed file, then the new current
    /// file from its start (logs.go reopens the path when the watched file
    /// is renamed).
    pub fn read_from(&self, position: LogPosition, timestamps: bool) -> (String, LogPosition) {
        let mut text = String::new();
        let offset = if position.rotations == self.rotations {
            position.offset
        } else {
            if position.rotations + 1 == self.rotations {
                text = render(&self.newest_rotated, position.offset, timestamps);
            }
            0
        };
        text.push_str(&render(&self.current, offset, timestamps));
        (text, self.end())
    }

    /// The current file's lines, as `kubectl logs | wc -l` counts them: the
    /// records that end a line.
    pub fn line_count(&self) -> usize {
        records(&self.current, 0).filter(|r| !r.partial).count()
    }

    /// The text of the current file's last record, the line the container
    /// wrote last (or the last part of a cut line).
    pub fn last_line(&self) -> Option<String> {
        // The scene asks every frame: read the file's last line only, not
        // the 10 MiB before it (a busy container's current file).
        records(&self.current, self.current.tail_offset(1))
            .last()
            .map(|record| String::from_utf8_lossy(record.text).into_owned())
    }

    /// Everything stored in the current file as `kubectl logs` prints it,
    /// then what is not stored yet: the streams' unfinished lines. For an
    /// exec session's log, what the terminal showed.
    pub fn text(&self) -> String {
        let mut bytes = match self.format {
            Format::Cri => render_bytes(&self.current, 0, false),
            Format::Terminal => self.current.bytes_from(0).flatten().copied().collect(),
        };
        for pending in &self.pending {
            bytes.extend_from_slice(pending);
        }
        String::from_utf8_lossy(&bytes).into_owned()
    }

    /// What was written to one stream, byte for byte as its records keep
    /// it (a cut line joined up, then the line not ended yet), for the
    /// differential oracle that compares stdout and stderr apart
    /// (`tests/shell_oracle.rs`).
    pub fn stream_bytes(&self, stream: crate::runtime::pipes::Stream) -> Vec<u8> {
        let mut bytes = Vec::new();
        for record in records(&self.current, 0).filter(|record| record.stream == stream) {
            bytes.extend_from_slice(record.text);
            if !record.partial {
                bytes.push(b'\n');
            }
        }
        bytes.extend_from_slice(&self.pending[stream as usize]);
        bytes
    }
}

/// The records of `file` from byte `offset` on; a line that is not a record
/// is skipped, as the kubelet logs it and goes on.
fn records(file: &File, offset: usize) -> impl Iterator<Item = Record<'_>> {
    file.lines_from(offset).filter_map(cri::parse)
}

/// The records of `file` from `offset` as the kubelet writes them out.
fn render(file: &File, offset: usize, timestamps: bool) -> String {
    String::from_utf8_lossy(&render_bytes(file, offset, timestamps)).into_owned()
}

/// [`render`]'s bytes: the text is joined before it is read as UTF-8, so a
/// character cut between two records comes out whole.
fn render_bytes(file: &File, offset: usize, timestamps: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for record in records(file, offset) {
        if timestamps {
            out.extend_from_slice(cri::fixed_stamp(record.stamp).as_bytes());
            out.push(b' ');
        }
        out.extend_from_slice(record.text);
        if !record.partial {
            out.push(b'\n');
        }
    }
    out
}

#[cfg(test)]
impl ContainerLog {
    /// The current file's lines of one stream (parts of a cut line apart).
    pub fn stream_lines(&self, stream: crate::runtime::pipes::Stream) -> Vec<String> {
        records(&self.current, 0)
            .filter(|record| record.stream == stream)
            .map(|record| String::from_utf8_lossy(record.text).into_owned())
            .collect()
    }
}
