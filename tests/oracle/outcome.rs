//! What a case did (stdout, stderr, exit status) and the golden files that
//! keep what the real programs did: `tests/oracle/golden/GROUP.golden`, one
//! per corpus group, written by `scripts/record-oracles.sh`.
//!
//! A golden file is the group's outcomes in corpus order, each a block:
//!
//! ```text
//! === busybox:arith/plus
//! status 0
//! stdout
//! | 3
//! stderr
//! ```
//!
//! Each line a stream wrote is kept after `| `; a stream that does not end
//! in a newline has `\ no newline at end` after its last line. A stream
//! that is not plain text (invalid UTF-8, or control characters other than
//! tab) is one `~ ` line of Rust-escaped text instead. Outcomes are
//! compared in this form, so a difference reads as a diff of two blocks.

use super::corpus::{folder, Case};
use std::collections::BTreeMap;
use std::fmt::Write;

/// What one run of a case did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Everything written to standard output.
    pub stdout: Vec<u8>,
    /// Everything written to standard error.
    pub stderr: Vec<u8>,
    /// How it ended.
    pub status: Status,
}

/// How a run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// It exited with this status (128 + N when signal N ended it).
    Exited(i32),
    /// It was still running when its time was up.
    StillRunning,
    /// podplay panicked running it, with this message.
    Panicked(String),
}

impl Outcome {
    /// The block that stands for this outcome of `case` in a golden file.
    pub fn block(&self, case: &Case) -> String {
        let mut block = format!("=== {}\n", case.id());
        match &self.status {
            Status::Exited(code) => writeln!(block, "status {code}").unwrap(),
            Status::StillRunning => block.push_str("status still running\n"),
            Status::Panicked(message) => {
                writeln!(block, "status panicked: {}", message.escape_debug()).unwrap()
            }
        }
        write_stream(&mut block, "stdout", &self.stdout);
        write_stream(&mut block, "stderr", &self.stderr);
        block
    }
}

/// Appends `bytes` to `block` under the heading `name`.
fn write_stream(block: &mut String, name: &str, bytes: &[u8]) {
    block.push_str(name);
    block.push('\n');
    if bytes.is_empty() {
        return;
    }
    match std::str::from_utf8(bytes) {
        Ok(text)
            if !text
                .chars()
                .any(|c| c.is_control() && c != '\t' && c != '\n') =>
        {
            for line in text.split_inclusive('\n') {
                block.push_str("| ");
                block.push_str(line.strip_suffix('\n').unwrap_or(line));
                block.push('\n');
            }
            if !text.ends_with('\n') {
                block.push_str("\\ no newline at end\n");
            }
        }
        _ => {
            block.push_str("~ ");
            block.extend(bytes.escape_ascii().map(char::from));
            block.push('\n');
        }
    }
}

/// The golden file of `group`.
fn golden_path(group: &str) -> std::path::PathBuf {
    folder().join("golden").join(format!("{group}.golden"))
}

/// Every recorded block, by case id (an absent or unreadable golden file
/// gives none of its cases).
pub fn read_goldens(cases: &[Case]) -> BTreeMap<String, String> {
    let mut groups: Vec<&str> = cases.iter().map(|case| case.group.as_str()).collect();
    groups.dedup();
    let mut blocks = BTreeMap::new();
    for group in groups {
        let text = std::fs::read_to_string(golden_path(group)).unwrap_or_default();
        blocks.extend(parse_blocks(&text));
    }
    blocks
}

/// What BusyBox 1.36 prints where Debian's 1.35, the oracle, prints
/// otherwise (`tests/oracle/BUSYBOX_1.36`: golden blocks written by hand,
/// each after a comment naming the BusyBox commit between the two), by
/// case id. podplay's `busybox:1.36` is held to these instead.
pub fn read_busybox_136() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(folder().join("BUSYBOX_1.36")).expect("BUSYBOX_1.36");
    parse_blocks(&text)
}

/// The blocks of a golden file's `text`, by case id; comment lines (`#`)
/// are not part of them.
fn parse_blocks(text: &str) -> BTreeMap<String, String> {
    let mut blocks = BTreeMap::new();
    let mut current: Option<(String, String)> = None;
    for line in text
        .split_inclusive('\n')
        .filter(|line| !line.starts_with('#'))
    {
        if let Some(id) = line.strip_prefix("=== ") {
            blocks.extend(current.take());
            current = Some((id.trim_end().to_string(), String::new()));
        }
        if let Some((_, block)) = current.as_mut() {
            block.push_str(line);
        }
    }
    blocks.extend(current);
    blocks
}

/// Writes the golden files of `outcomes` (in corpus order), one per group.
pub fn write_goldens(outcomes: &[(Case, Outcome)]) {
    let mut files: BTreeMap<&str, String> = BTreeMap::new();
    for (case, outcome) in outcomes {
        files
            .entry(&case.group)
            .or_insert_with(|| {
                format!(
                    "# What the real programs print for tests/oracle/cases/{}.cases.\n\
                     # Written by scripts/record-oracles.sh; do not edit.\n",
                    case.group
                )
            })
            .push_str(&outcome.block(case));
    }
    std::fs::create_dir_all(folder().join("golden")).expect("the golden folder");
    for (group, text) in files {
        std::fs::write(golden_path(group), text).expect("a golden file written");
    }
}

#[test]
fn a_block_keeps_lines_a_missing_newline_and_unprintable_bytes_apart() {
    let case = Case {
        group: "g".into(),
        name: "n".into(),
        shell: super::corpus::Shell::Dash,
        script: String::new(),
    };
    let outcome = Outcome {
        stdout: b"a\n\tb".to_vec(),
        stderr: b"\x01\xff\n".to_vec(),
        status: Status::Exited(2),
    };
    assert_eq!(
        outcome.block(&case),
        "=== dash:g/n\nstatus 2\nstdout\n| a\n| \tb\n\\ no newline at end\nstderr\n~ \\x01\\xff\\n\n"
    );
}
