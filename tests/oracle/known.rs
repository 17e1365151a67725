//! `tests/oracle/KNOWN_DIFFERENCES`: the cases on which podplay does not yet
//! do what the real program does, one a line: the case id, two spaces, why.
//! The list may only shrink: a case that disagrees and is not listed fails
//! the test, and so does a listed case that now agrees (take its line out).
//! `ORACLE_UPDATE_KNOWN=1` rewrites the list to today's disagreements,
//! keeping the reasons already written and drafting one for each new line
//! from the first thing that differs.

use super::corpus::folder;
use std::collections::BTreeMap;

/// The list's path.
fn path() -> std::path::PathBuf {
    folder().join("KNOWN_DIFFERENCES")
}

/// The comment that heads the list.
const HEADER: &str = "\
# Cases of tests/oracle/cases on which podplay does not (yet) do what the real
# program does: the case id, two spaces, why. The oracle test fails when a case
# not listed here disagrees, or a listed one agrees: this list only shrinks.
";

/// The listed cases and their reasons.
pub fn read() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(path()).unwrap_or_default();
    text.lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let (id, reason) = line.split_once("  ").unwrap_or((line, ""));
            (id.to_string(), reason.trim().to_string())
        })
        .collect()
}

/// Writes the list: each of `disagreeing` (case id → drafted reason) with
/// the reason already listed for it, if any, else the draft.
pub fn write(disagreeing: &BTreeMap<String, String>) {
    let listed = read();
    let mut text = HEADER.to_string();
    for (id, draft) in disagreeing {
        let reason = listed.get(id).unwrap_or(draft);
        text.push_str(&format!("{id}  {reason}\n"));
    }
    std::fs::write(path(), text).expect("KNOWN_DIFFERENCES written");
}

/// A one-line account of how podplay's block differs from the real one's:
/// the status, then the first line of stderr that differs (it usually
/// names the cause), else of stdout.
pub fn draft_reason(real: &str, podplay: &str) -> String {
    let (real, podplay) = (Parts::of(real), Parts::of(podplay));
    let mut reason = Vec::new();
    if real.status != podplay.status {
        reason.push(format!("status {}, real {}", podplay.status, real.status));
    }
    for (name, ours, theirs) in [
        ("stderr", &podplay.stderr, &real.stderr),
        ("stdout", &podplay.stdout, &real.stdout),
    ] {
        if ours != theirs {
            let at = (0..).find(|&i| ours.get(i) != theirs.get(i)).unwrap_or(0);
            let shown = |lines: &Vec<&str>| match lines.get(at) {
                Some(line) => format!("{:?}", line.chars().take(70).collect::<String>()),
                None => "nothing".to_string(),
            };
            reason.push(format!(
                "{name}: podplay {}, real {}",
                shown(ours),
                shown(theirs)
            ));
            break;
        }
    }
    reason.join("; ")
}

/// A golden block taken apart: its status and each stream's lines.
struct Parts<'a> {
    /// The text after `status `.
    status: &'a str,
    /// stdout's lines, as the block keeps them (`| ` taken off).
    stdout: Vec<&'a str>,
    /// stderr's lines, likewise.
    stderr: Vec<&'a str>,
}

impl<'a> Parts<'a> {
    /// The parts of `block`.
    fn of(block: &'a str) -> Parts<'a> {
        let mut parts = Parts {
            status: "",
            stdout: Vec::new(),
            stderr: Vec::new(),
        };
        let mut in_stderr = false;
        for line in block.lines() {
            if let Some(status) = line.strip_prefix("status ") {
                parts.status = status;
            } else if line == "stderr" {
                in_stderr = true;
            } else if line != "stdout" && !line.starts_with("=== ") {
                let text = line.strip_prefix("| ").unwrap_or(line);
                if in_stderr {
                    parts.stderr.push(text);
                } else {
                    parts.stdout.push(text);
                }
            }
        }
        parts
    }
}

#[test]
fn a_draft_reason_names_the_status_and_the_first_line_that_differs() {
    let real = "=== x\nstatus 0\nstdout\n| 3\nstderr\n";
    let podplay = "=== x\nstatus 2\nstdout\nstderr\n| sh: syntax error\n";
    assert_eq!(
        draft_reason(real, podplay),
        "status 2, real 0; stderr: podplay \"sh: syntax error\", real nothing"
    );
}
