//! `grep` as BusyBox has it: POSIX basic and extended regular expressions
//! (`regex.rs`), `-E -F -G -v -i -c -n -l -L -o -q -w -x -h -H -s -m`,
//! several files, and exit status 0 (a line selected), 1 (none) or 2 (an
//! error). Context (`-A -B -C`) and `-r` are not simulated yet.

use super::grep_options::{parse, GrepOptions};
use super::input::{is_endless, load_file, spin, WholeInput};
use super::regex::Dialect;
use crate::runtime::fs::{Device, FsError};
use crate::runtime::program::{Program, Step, Sys};
use crate::runtime::programs::once::error;

/// How `grep` names its standard input (`echo x | busybox grep -l x`).
const STDIN_NAME: &str = "(standard input)";

/// `grep`: the lines that match (or, with `-v`, do not).
pub struct Grep {
    /// The parsed command line, or the message of a bad one.
    options: Result<GrepOptions, String>,
    /// Standard input, read whole when no file (or `-`) is named.
    stdin: WholeInput,
}

impl Grep {
    /// `grep` called as `name` (`grep`, `egrep`, `fgrep`) with its arguments.
    pub fn new(name: &str, args: &[String]) -> Grep {
        let dialect = match name {
            "egrep" => Some(Dialect::Extended),
            "fgrep" => Some(Dialect::Fixed),
            _ => None,
        };
        Grep {
            options: parse(args, dialect),
            stdin: WholeInput::new(Vec::new()),
        }
    }
}

impl Program for Grep {
    fn step(&mut self, sys: &mut Sys) -> Step {
        let options = match &self.options {
            Ok(options) => options,
            Err(message) => {
                error(sys, message.clone());
                return Step::Exit(2);
            }
        };
        let regex = match options.regex() {
            Ok(regex) => regex,
            Err((failure, pattern)) => {
                error(sys, failure.message("grep", &pattern));
                return Step::Exit(2);
            }
        };
        let files = if options.files.is_empty() {
            vec!["-".to_string()]
        } else {
            options.files.clone()
        };
        let endless = files.iter().any(|f| {
            Device::at(sys.cwd, f).is_some_and(|d| d.is_endless())
                || (f == "-" && is_endless(sys.stdin))
        });
        if endless {
            return spin(sys);
        }
        if files.iter().any(|f| f == "-") {
            if let Err(step) = self.stdin.read(sys, "grep", 2) {
                return step;
            }
        }
        let search = Search { options, regex };
        let mut failed = false;
        let mut selected_any = false;
        let mut listed_any = false;
        for file in &files {
            let (name, data) = match file.as_str() {
                "-" => (STDIN_NAME, self.stdin.bytes().to_vec()),
                path if Device::at(sys.cwd, path).is_some() => (path, Vec::new()),
                path => match load_file(sys, path) {
                    Ok(data) => (path, data),
                    // `busybox grep x d` on a directory says nothing and
                    // selects nothing; GNU grep says `grep: d: Is a directory`.
                    Err(FsError::IsADirectory) if sys.busybox => (path, Vec::new()),
                    Err(failure) => {
                        if !options.has('s') {
                            error(sys, format!("grep: {path}: {}", failure.words(sys.busybox)));
                        }
                        failed = true;
                        continue;
                    }
                },
            };
            let found = search.file(name, &String::from_utf8_lossy(&data));
            if options.has('q') && found.selected > 0 {
                return Step::Exit(0);
            }
            selected_any |= found.selected > 0;
            listed_any |= options.has('L') && found.selected == 0;
            sys.out.extend(found.output.bytes());
        }
        let success = if options.has('L') {
            listed_any
        } else {
            selected_any
        };
        Step::Exit(if failed {
            2
        } else if success {
            0
        } else {
            1
        })
    }
}

/// One file's result: what `grep` prints for it and how many lines it selected.
#[derive(Debug, PartialEq)]
pub struct Found {
    /// The lines (or counts, or names) printed.
    pub output: String,
    /// How many lines were selected.
    pub selected: usize,
}

/// The search a `grep` command line asks for.
pub struct Search<'a> {
    /// The command line.
    pub options: &'a GrepOptions,
    /// Its patterns, compiled.
    pub regex: regex_lite::Regex,
}

impl Search<'_> {
    /// What `grep` prints for the file called `name` holding `text`.
    pub fn file(&self, name: &str, text: &str) -> Found {
        let options = self.options;
        let prefix = if options.names_files() {
            format!("{name}:")
        } else {
            String::new()
        };
        let mut output = String::new();
        let mut selected = 0;
        for (index, line) in text.split_terminator('\n').enumerate() {
            if options.max_count.is_some_and(|max| selected >= max) {
                break;
            }
            let matches = self.matches(line);
            if matches.is_empty() != options.has('v') {
                continue;
            }
            selected += 1;
            if ["c", "l", "L", "q"]
                .iter()
                .any(|l| options.letters.contains(l))
            {
                continue;
            }
            let number = if options.has('n') {
                format!("{}:", index + 1)
            } else {
                String::new()
            };
            if !options.has('o') {
                output.push_str(&format!("{prefix}{number}{line}\n"));
            } else if !options.has('v') {
                for (start, end) in matches.into_iter().filter(|(s, e)| e > s) {
                    output.push_str(&format!("{prefix}{number}{}\n", &line[start..end]));
                }
            }
        }
        if options.has('l') {
            output = if selected > 0 {
                format!("{name}\n")
            } else {
                String::new()
            };
        } else if options.has('L') {
            output = if selected == 0 {
                format!("{name}\n")
            } else {
                String::new()
            };
        } else if options.has('c') {
            output = format!("{prefix}{selected}\n");
        }
        Found { output, selected }
    }

    /// Where the patterns match `line` (with `-w`, only whole words), in
    /// order; empty when they do not.
    fn matches(&self, line: &str) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let mut start = 0;
        while start <= line.len() {
            let Some(m) = self.regex.find_at(line, start) else {
                break;
            };
            let (from, to) = (m.start(), m.end());
            if !self.options.has('w') || is_whole_word(line, from, to) {
                found.push((from, to));
                start = if to > from { to } else { next_char(line, to) };
                continue;
            }
            // BusyBox retries after a match that is not a word, from its
            // end, and gives up after an empty one: `echo foo | busybox
            // grep -w '^'` selects nothing.
            if to == start {
                break;
            }
            start = to;
        }
        found
    }
}

/// Whether `line[from..to]` stands between non-word characters (BusyBox's
/// `-w`: neither neighbour alphanumeric or `_`).
fn is_whole_word(line: &str, from: usize, to: usize) -> bool {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    !line[..from].chars().next_back().is_some_and(word)
        && !line[to..].chars().next().is_some_and(word)
}

/// The position after the character at `at` (past the end when there is none).
fn next_char(line: &str, at: usize) -> usize {
    line[at..]
        .chars()
        .next()
        .map_or(at + 1, |c| at + c.len_utf8())
}
