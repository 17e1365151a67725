//! The log as stored (CRI records byte for byte, as containerd v2's
//! `internal/cri/io/logger.go` writes them), as read (as the kubelet's
//! `pkg/kubelet/kuberuntime/logs/logs.go` serves it), its rotation
//! (`pkg/kubelet/logs/container_log_manager.go`) and the heap it holds.

use super::cri::MAX_LINE;
use super::*;

const OUT: Stream = Stream::Stdout;
const ERR: Stream = Stream::Stderr;

fn at(millis: u64) -> SimTime {
    SimTime::from_millis(millis)
}

/// The current file's bytes.
fn stored(log: &ContainerLog) -> String {
    let bytes: Vec<u8> = log.current.bytes_from(0).flatten().copied().collect();
    String::from_utf8(bytes).expect("utf-8 records")
}

/// A CRI log after `writes` (time, stream, bytes), closed at `close` if given.
fn cri_log(writes: &[(u64, Stream, &str)], close: Option<u64>) -> ContainerLog {
    let mut log = ContainerLog::new(Format::Cri);
    for (time, stream, data) in writes {
        log.write(at(*time), *stream, data.as_bytes());
    }
    if let Some(time) = close {
        log.close(at(time));
    }
    log
}

/// A case of what is stored: its name, the writes (time, stream, bytes),
/// when the streams close, and the file's bytes.
type Case<'a> = (&'a str, Vec<(u64, Stream, &'a str)>, Option<u64>, String);

#[test]
fn lines_are_stored_as_containerd_writes_them() {
    let long = "x".repeat(MAX_LINE + 1);
    let exact = "y".repeat(MAX_LINE);
    let (long_line, exact_line) = (format!("{long}\n"), format!("{exact}\n"));
    let cases: [Case; 8] = [
        (
            "a whole second has no fraction",
            vec![(0, OUT, "hello\n")],
            None,
            "2026-01-01T00:00:00Z stdout F hello\n".into(),
        ),
        (
            "the fraction loses its trailing zeros (RFC3339Nano)",
            vec![(5_120, ERR, "oops\n"), (5_123, OUT, "ok\n")],
            None,
            "2026-01-01T00:00:05.12Z stderr F oops\n2026-01-01T00:00:05.123Z stdout F ok\n".into(),
        ),
        (
            "a line is written when its newline comes, stamped then",
            vec![(1_000, OUT, "he"), (2_000, OUT, "llo\nwor")],
            None,
            "2026-01-01T00:00:02Z stdout F hello\n".into(),
        ),
        (
            "an unfinished line is a P record when the stream closes",
            vec![(1_000, OUT, "done\nprompt> ")],
            Some(3_000),
            "2026-01-01T00:00:01Z stdout F done\n2026-01-01T00:00:03Z stdout P prompt> \n".into(),
        ),
        (
            "a carriage return before the newline is dropped",
            vec![(0, OUT, "HTTP/1.1 200 OK\r\n\r\n")],
            None,
            "2026-01-01T00:00:00Z stdout F HTTP/1.1 200 OK\n2026-01-01T00:00:00Z stdout F \n"
                .into(),
        ),
        (
            "a line over 16 KiB is cut into a P record and the rest",
            vec![(0, OUT, &long_line)],
            None,
            format!(
                "2026-01-01T00:00:00Z stdout P {}\n2026-01-01T00:00:00Z stdout F x\n",
                "x".repeat(MAX_LINE)
            ),
        ),
        (
            "a line of exactly 16 KiB is one record",
            vec![(0, OUT, &exact_line)],
            None,
            format!("2026-01-01T00:00:00Z stdout F {exact}\n"),
        ),
        (
            "an unfinished line over 16 KiB is written in parts as it grows",
            vec![(0, OUT, &long), (1_000, OUT, "end\n")],
            None,
            format!(
                "2026-01-01T00:00:00Z stdout P {}\n2026-01-01T00:00:01Z stdout F xend\n",
                "x".repeat(MAX_LINE)
            ),
        ),
    ];
    for (name, writes, close, expected) in cases {
        assert_eq!(stored(&cri_log(&writes, close)), expected, "{name}");
    }
}

#[test]
fn the_kubelet_joins_the_parts_of_a_line_and_stamps_each_record() {
    let long = "x".repeat(MAX_LINE + 2);
    let log = cri_log(
        &[
            (0, OUT, "one\n"),
            (1_500, ERR, &format!("{long}\n")),
            (2_000, OUT, "three"),
        ],
        Some(2_250),
    );
    let all = log.read(ReadOptions::default());
    assert_eq!(all, format!("one\n{long}\nthree"));
    // `--tail` counts the file's lines, so a cut line is two of them.
    let tail = ReadOptions {
        tail: Some(2),
        timestamps: true,
    };
    assert_eq!(
        log.read(tail),
        "2026-01-01T00:00:01.500000000Z xx\n2026-01-01T00:00:02.250000000Z three"
    );
    assert_eq!(
        log.read(ReadOptions {
            tail: Some(0),
            ..tail
        }),
        ""
    );
    assert_eq!(log.line_count(), 2, "the F records");
    assert_eq!(log.last_line().as_deref(), Some("three"));
}

#[test]
fn kubectl_logs_does_not_show_a_line_containerd_still_holds() {
    let log = cri_log(&[(0, OUT, "ready\nwaiting")], None);
    assert_eq!(log.read(ReadOptions::default()), "ready\n");
    assert_eq!(log.text(), "ready\nwaiting", "what the process wrote");
}

#[test]
fn an_exec_session_keeps_its_bytes_as_a_terminal_shows_them() {
    let mut log = ContainerLog::new(Format::Terminal);
    log.write(at(0), OUT, b"HTTP/1.1 200 OK\r\n");
    log.write(at(0), ERR, b"warning\n");
    log.write(at(0), OUT, b"no newline");
    assert_eq!(log.text(), "HTTP/1.1 200 OK\r\nwarning\nno newline");
    assert!(!log.rotate(at(10_000)), "nothing rotates a terminal");
}

/// Writes `lines` lines of `y` as `yes` does, a slice of them per virtual
/// 10 ms, and lets the log manager look every 10 s; returns the most heap
/// the log held after any slice.
fn yes_for(log: &mut ContainerLog, lines: usize, per_slice: usize) -> usize {
    let slice = "y\n".repeat(per_slice);
    let mut most = 0;
    let mut written = 0;
    let mut time = 0;
    while written < lines {
        let count = per_slice.min(lines - written);
        log.write(at(time), OUT, &slice.as_bytes()[..2 * count]);
        written += count;
        time += 10;
        if time % 10_000 == 0 {
            log.rotate(at(time));
        }
        most = most.max(log.heap_bytes());
    }
    most
}

#[test]
fn ten_mebibytes_of_y_hold_no_more_than_the_file_they_fill() {
    // 5,242,880 lines of `y` at the rate of podplay's `yes` (284,000 lines
    // per 10 ms slice) are 173 MB of records in 190 ms: the file stops at its
    // ceiling before the first monitor tick. (A String per line held about
    // 370 MB for the same lines.)
    let mut log = ContainerLog::new(Format::Cri);
    let most = yes_for(&mut log, 5 * 1024 * 1024, 284_000);
    let stored = log.stored_bytes();
    assert!(
        stored <= FILE_CEILING && stored > FILE_CEILING - 40,
        "{stored}"
    );
    assert!(most <= FILE_CEILING + CHUNK_SLACK, "{most}");
    // Records of 31 to 34 bytes (the stamp's fraction has 0 to 2 digits).
    let lines = log.line_count();
    assert!(lines > stored / 34 && lines < stored / 31, "{lines}");
    assert_eq!(log.read(ReadOptions::default()), "y\n".repeat(lines));
}

#[test]
fn a_busy_log_stays_flat_across_rotations() {
    // 40 virtual seconds at 2 million lines a second: each tick rotates a
    // full file; the current file and the newest rotated one are all it holds.
    let mut log = ContainerLog::new(Format::Cri);
    let most = yes_for(&mut log, 80_000_000, 20_000);
    assert_eq!(log.rotated_files().len(), 4);
    let bound = 2 * (FILE_CEILING + CHUNK_SLACK);
    assert!(most <= bound, "{most} > {bound}");
    assert!(
        most > 2 * FILE_CEILING - CHUNK_SLACK,
        "{most}: two full files"
    );
}

/// What chunking may add to a file's bytes: a part of the last chunk and
/// the list of chunks.
const CHUNK_SLACK: usize = 2 * file::CHUNK;

#[test]
fn a_quiet_log_holds_about_what_it_stores() {
    let mut log = ContainerLog::new(Format::Cri);
    for second in 0..1_000 {
        log.write(
            at(second * 1_000),
            OUT,
            format!("tick {second}\n").as_bytes(),
        );
    }
    let stored = log.stored_bytes();
    assert_eq!(stored, stored_len_of_ticks());
    assert!(
        log.heap_bytes() <= stored + CHUNK_SLACK,
        "{}",
        log.heap_bytes()
    );
}

/// The stored length of [`a_quiet_log_holds_about_what_it_stores`]'s lines.
fn stored_len_of_ticks() -> usize {
    (0..1_000u64)
        .map(|second| {
            cri::encoded_len(
                &cri::stamp(at(second * 1_000)),
                OUT,
                format!("tick {second}").as_bytes(),
            )
        })
        .sum()
}

#[test]
fn rotation_keeps_five_files_and_compresses_all_but_the_newest_rotated() {
    let mut log = ContainerLog::new(Format::Cri);
    let line = "z".repeat(1_000);
    let mut rotated_at = Vec::new();
    for tick in 1..=7u64 {
        // 11 MiB each interval: over containerLogMaxSize at each tick.
        for step in 0..11 * 1024 {
            let time = (tick - 1) * 10_000 + step / 2;
            log.write(at(time), OUT, format!("{line}\n").as_bytes());
        }
        if log.rotate(at(tick * 10_000)) {
            rotated_at.push(tick);
        }
    }
    assert_eq!(rotated_at, [1, 2, 3, 4, 5, 6, 7]);
    let files: Vec<(String, bool)> = log
        .rotated_files()
        .iter()
        .map(|f| (format!("0.log.{}", f.suffix), f.compressed))
        .collect();
    assert_eq!(
        files,
        [
            ("0.log.20260101-000040".to_string(), true),
            ("0.log.20260101-000050".to_string(), true),
            ("0.log.20260101-000100".to_string(), true),
            ("0.log.20260101-000110".to_string(), false),
        ],
        "with 0.log, five files"
    );
    assert_eq!(log.stored_bytes(), 0, "containerd reopened an empty 0.log");
}

#[test]
fn a_file_under_the_rotation_size_is_left_alone() {
    let mut log = cri_log(&[(0, OUT, "small\n")], None);
    assert!(!log.rotate(at(10_000)));
    assert!(log.rotated_files().is_empty());
    assert_eq!(log.read(ReadOptions::default()), "small\n");
}

#[test]
fn a_follower_reads_the_rest_of_the_rotated_file_then_the_new_one() {
    let mut log = ContainerLog::new(Format::Cri);
    let line = format!("{}\n", "a".repeat(1_023));
    for _ in 0..MAX_SIZE / 1_024 {
        log.write(at(1_000), OUT, line.as_bytes());
    }
    let position = log.end();
    log.write(at(9_000), OUT, b"last of the old file\n");
    assert!(log.rotate(at(10_000)));
    log.write(at(11_000), OUT, b"first of the new file\n");
    let (text, position) = log.read_from(position, false);
    assert_eq!(text, "last of the old file\nfirst of the new file\n");
    assert_eq!(log.read_from(position, false).0, "");
    assert_eq!(log.read(ReadOptions::default()), "first of the new file\n");
}
