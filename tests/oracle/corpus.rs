//! The case corpus: `tests/oracle/cases/GROUP.cases`, one file per group of
//! cases (an area such as `arith` or `sed`).
//!
//! A file starts with comment lines (`#`: what the group covers, where its
//! cases come from, their licence) and a `shells:` line naming the shells
//! every case runs in; then each case is a `=== NAME` line, optionally
//! followed by its own shells in brackets (`=== arrays [bash]`), and the
//! script's lines up to the next `===`. A script runs as `SHELL -c SCRIPT`
//! with the trailing blank lines dropped.

use std::path::{Path, PathBuf};

/// A shell the oracle compares: the real program, and the image podplay runs
/// the same script in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Shell {
    /// BusyBox ash: real `busybox sh` (Debian's 1.35) with only BusyBox's
    /// applets on its PATH; podplay's `busybox:1.36`, `sh -c`.
    Busybox,
    /// dash, a second POSIX witness: real `dash` run as `sh`; podplay's
    /// `debian:12`, `sh -c`.
    Dash,
    /// GNU bash 5.2: real `bash`; podplay's `debian:12`, `bash -c`.
    Bash,
}

impl Shell {
    /// Every shell, in the order their outcomes are listed.
    pub const ALL: [Shell; 3] = [Shell::Busybox, Shell::Dash, Shell::Bash];

    /// The name the corpus and the case ids use.
    pub fn name(self) -> &'static str {
        match self {
            Shell::Busybox => "busybox",
            Shell::Dash => "dash",
            Shell::Bash => "bash",
        }
    }

    /// The shell called `name` in a corpus file.
    fn named(name: &str) -> Option<Shell> {
        Shell::ALL.into_iter().find(|shell| shell.name() == name)
    }
}

/// One script run in one shell.
#[derive(Debug, Clone)]
pub struct Case {
    /// The group (the corpus file's name without `.cases`).
    pub group: String,
    /// The case's name, unique in its group.
    pub name: String,
    /// The shell it runs in.
    pub shell: Shell,
    /// The text given to `-c`.
    pub script: String,
}

impl Case {
    /// `shell:group/name`, how the known-differences file and reports name it.
    pub fn id(&self) -> String {
        format!("{}:{}/{}", self.shell.name(), self.group, self.name)
    }
}

/// The folder of the corpus, goldens and lists.
pub fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracle")
}

/// Every case of every group file, groups in name order, each group's cases
/// in file order, each case once per shell.
pub fn load() -> Vec<Case> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder().join("cases"))
        .expect("tests/oracle/cases is there")
        .map(|entry| entry.expect("a readable folder").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "cases"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    for file in files {
        let group = file.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&file).expect("a UTF-8 corpus file");
        cases.extend(parse_group(&group, &text));
    }
    cases
}

/// The cases of one group file's `text`.
fn parse_group(group: &str, text: &str) -> Vec<Case> {
    let mut shells: Vec<Shell> = Vec::new();
    let mut cases = Vec::new();
    // The case being read: its name, shells and script lines.
    let mut open: Option<(String, Vec<Shell>, Vec<&str>)> = None;
    let close = |open: Option<(String, Vec<Shell>, Vec<&str>)>, cases: &mut Vec<Case>| {
        if let Some((name, case_shells, mut lines)) = open {
            while lines.last().is_some_and(|line| line.trim().is_empty()) {
                lines.pop();
            }
            let script = lines.join("\n");
            for shell in case_shells {
                cases.push(Case {
                    group: group.to_string(),
                    name: name.clone(),
                    shell,
                    script: script.clone(),
                });
            }
        }
    };
    for line in text.lines() {
        if let Some(header) = line.strip_prefix("=== ") {
            close(open.take(), &mut cases);
            let (name, own) = match header.split_once(" [") {
                Some((name, rest)) => (name, Some(shell_list(rest.trim_end_matches(']')))),
                None => (header, None),
            };
            assert!(!shells.is_empty(), "{group}: a `shells:` line comes first");
            open = Some((
                name.trim().to_string(),
                own.unwrap_or_else(|| shells.clone()),
                Vec::new(),
            ));
        } else if let Some((_, _, lines)) = open.as_mut() {
            lines.push(line);
        } else if let Some(list) = line.strip_prefix("shells:") {
            shells = shell_list(list);
        } else {
            assert!(
                line.is_empty() || line.starts_with('#'),
                "{group}: before the first case only comments and `shells:`: {line:?}"
            );
        }
    }
    close(open, &mut cases);
    cases
}

/// The shells of a space-separated list of names.
fn shell_list(list: &str) -> Vec<Shell> {
    list.split_whitespace()
        .map(|name| Shell::named(name).unwrap_or_else(|| panic!("no shell {name:?}")))
        .collect()
}

#[test]
fn a_group_file_gives_each_case_once_per_shell_with_its_own_shells_first() {
    let text = "# about\nshells: busybox dash\n=== one\necho 1\n\n=== two [bash]\necho 2\necho 3\n";
    let cases = parse_group("g", text);
    let ids: Vec<String> = cases.iter().map(Case::id).collect();
    assert_eq!(ids, ["busybox:g/one", "dash:g/one", "bash:g/two"]);
    assert_eq!(cases[0].script, "echo 1");
    assert_eq!(cases[2].script, "echo 2\necho 3");
}
