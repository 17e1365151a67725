//! A container's log: the lines its processes wrote to standard output and
//! error, with their virtual time, kept to the kubelet's rotation size.

use super::pipes::Stream;
use crate::clock::SimTime;
use std::collections::VecDeque;

/// How many bytes a container's log keeps; older lines are dropped first,
/// like the kubelet's rotation at 10 MiB.
pub const LOG_LIMIT: usize = 10 * 1024 * 1024;

/// One line of a container's log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogLine {
    /// When it was written.
    pub time: SimTime,
    /// Which stream.
    pub stream: Stream,
    /// The text, without its newline.
    pub text: String,
}

/// A log slot in `logs` for a new container or exec: one given back to
/// `free`, else a new one.
pub(super) fn slot(logs: &mut Vec<ContainerLog>, free: &mut Vec<usize>) -> usize {
    if let Some(slot) = free.pop() {
        return slot;
    }
    logs.push(ContainerLog::default());
    logs.len() - 1
}

/// A container's log: complete lines, and the unfinished line of each stream.
#[derive(Debug, Clone, Default)]
pub struct ContainerLog {
    /// Complete lines, oldest first.
    pub lines: VecDeque<LogLine>,
    /// Bytes held in `lines`.
    bytes: usize,
    /// Text written without a newline yet, per stream.
    partial: [String; 2],
}

impl ContainerLog {
    pub(super) fn write(&mut self, time: SimTime, stream: Stream, data: &[u8]) {
        let slot = match stream {
            Stream::Stdout => 0,
            Stream::Stderr => 1,
        };
        let data = String::from_utf8_lossy(data);
        let mut rest: &str = &data;
        // One allocation per line: the unfinished line (usually empty) and
        // the text up to the newline.
        while let Some(newline) = rest.find('\n') {
            let mut text = std::mem::take(&mut self.partial[slot]);
            text.push_str(&rest[..newline]);
            rest = &rest[newline + 1..];
            self.bytes += text.len() + 1;
            self.lines.push_back(LogLine { time, stream, text });
        }
        let partial = &mut self.partial[slot];
        partial.push_str(rest);
        if partial.len() > LOG_LIMIT {
            // A line that never ends (`cat /dev/zero`) keeps only its last
            // half of the limit, as rotation drops the oldest of the
            // runtime's 16 KiB partial entries; halving keeps this cheap.
            let mut cut = partial.len() - LOG_LIMIT / 2;
            while !partial.is_char_boundary(cut) {
                cut += 1;
            }
            partial.drain(..cut);
        }
        while self.bytes > LOG_LIMIT {
            match self.lines.pop_front() {
                Some(line) => self.bytes -= line.text.len() + 1,
                None => break,
            }
        }
    }

    /// The log as `kubectl logs` prints it, with any line not yet ended by
    /// a newline at the end.
    pub fn text(&self) -> String {
        let mut text: String = self
            .lines
            .iter()
            .map(|line| format!("{}\n", line.text))
            .collect();
        for partial in &self.partial {
            text.push_str(partial);
        }
        text
    }
}
