//! The CRI logging format, a record per line of a container's log file:
//! `<timestamp> <stream> <tag> <text>\n`, as containerd's CRI logger writes
//! it (`redirectLogs` in containerd's `internal/cri/io/logger.go`) and the
//! kubelet parses it (`parseCRILog` in
//! `pkg/kubelet/kuberuntime/logs/logs.go`).

use crate::clock::SimTime;
use crate::runtime::pipes::Stream;
use crate::runtime::time::{format_time, EPOCH_SECONDS};

/// The longest text one record holds: a longer line is cut into `P` records
/// of this many bytes and a last `F` record (containerd's
/// `max_container_log_line_size`, 16 KiB by default:
/// `MaxContainerLogLineSize: 16 * 1024` in `internal/cri/config/config_unix.go`;
/// a line is cut when its length is *over* it: `length > maxLen` in logger.go).
pub const MAX_LINE: usize = 16 * 1024;

/// One record of a log file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Record<'a> {
    /// When containerd wrote it, as stored (RFC 3339 with the fraction's
    /// trailing zeros cut: `2026-01-01T00:00:05.12Z`).
    pub stamp: &'a str,
    /// Which stream the text came from.
    pub stream: Stream,
    /// `P`: a part of a line that goes on in the next record of the stream
    /// (or never ended); `F`: the end of a line.
    pub partial: bool,
    /// The text, without the record's newline.
    pub text: &'a [u8],
}

/// The stream's word in a record (`runtime.Stdout`, `runtime.Stderr` of the CRI API).
fn stream_word(stream: Stream) -> &'static [u8] {
    match stream {
        Stream::Stdout => b"stdout",
        Stream::Stderr => b"stderr",
    }
}

/// `time` as containerd stamps a record: `time.Now().AppendFormat(…,
/// time.RFC3339Nano)` in logger.go, so the fraction loses its trailing zeros
/// (and the dot with them); the node's zone is UTC, so the zone is `Z`.
pub fn stamp(time: SimTime) -> String {
    let millis = time.as_millis();
    let seconds = EPOCH_SECONDS.saturating_add((millis / 1000) as i64);
    let mut stamp = format_time(seconds, "%FT%T");
    let fraction = millis % 1000;
    if fraction != 0 {
        let digits = format!("{fraction:03}");
        stamp.push('.');
        stamp.push_str(digits.trim_end_matches('0'));
    }
    stamp.push('Z');
    stamp
}

/// A stored stamp as `kubectl logs --timestamps` prints it: the kubelet
/// writes `msg.timestamp.Format(types.RFC3339NanoFixed)`, nine digits always
/// (`timeFormatOut` in kuberuntime/logs/logs.go).
pub fn fixed_stamp(stamp: &str) -> String {
    let bare = stamp.strip_suffix('Z').unwrap_or(stamp);
    let (seconds, fraction) = bare.split_once('.').unwrap_or((bare, ""));
    format!("{seconds}.{fraction:0<9}Z")
}

/// Appends one record to `out`: the header containerd writes (stamp, stream,
/// tag, each followed by a space), the text, the newline.
pub fn encode(out: &mut Vec<u8>, stamp: &str, stream: Stream, partial: bool, text: &[u8]) {
    out.extend_from_slice(stamp.as_bytes());
    out.push(b' ');
    out.extend_from_slice(stream_word(stream));
    out.extend_from_slice(if partial { b" P " } else { b" F " });
    out.extend_from_slice(text);
    out.push(b'\n');
}

/// The length of the record [`encode`] would write.
pub fn encoded_len(stamp: &str, stream: Stream, text: &[u8]) -> usize {
    stamp.len() + 1 + stream_word(stream).len() + 3 + text.len() + 1
}

/// Parses one line of a log file (without its newline) as `parseCRILog`
/// does: the stamp up to the first space, then `stdout` or `stderr`, then
/// the tag (of `P:…` only the first part counts); `None` for a line that is
/// not a record.
pub fn parse(line: &[u8]) -> Option<Record<'_>> {
    let mut fields = line.splitn(4, |&b| b == b' ');
    let stamp = std::str::from_utf8(fields.next()?).ok()?;
    let stream = match fields.next()? {
        b"stdout" => Stream::Stdout,
        b"stderr" => Stream::Stderr,
        _ => return None,
    };
    let tag = fields.next()?;
    let partial = tag.split(|&b| b == b':').next() == Some(b"P");
    let text = fields.next()?;
    Some(Record {
        stamp,
        stream,
        partial,
        text,
    })
}
