//! `grep`'s command line as BusyBox parses it (getopt: letters run together,
//! options anywhere before `--`, `-e PATTERN` repeatable), and the one
//! regular expression its patterns compile to.

use super::regex::{compile_translated, translate, Dialect, RegexError};

/// The letters `grep` takes without a value (BusyBox 1.35's usage line
/// `[-HhnlLoqvsrRiwFEz]` and `-c -x` of its help, and GNU's `-G`).
const FLAGS: &str = "HhnlLcoqvsrRiwxFEGz";

/// The letters that take a value (`-m N`, `-A N`, `-e PATTERN`…).
const VALUED: &str = "mABCef";

/// What `grep`'s command line asks for.
#[derive(Debug, Default)]
pub struct GrepOptions {
    /// The patterns (`-e`, or the first operand).
    pub patterns: Vec<String>,
    /// Their syntax: `-E` (or `egrep`), `-F` (or `fgrep`), else basic.
    pub dialect: Option<Dialect>,
    /// The flag letters given, in order.
    pub letters: String,
    /// `-m N`: at most N selected lines per file.
    pub max_count: Option<usize>,
    /// The file operands (standard input when none).
    pub files: Vec<String>,
}

impl GrepOptions {
    /// Whether flag `letter` was given.
    pub fn has(&self, letter: char) -> bool {
        self.letters.contains(letter)
    }

    /// Whether each line is prefixed with its file's name: `-H`, or several
    /// files without `-h`.
    pub fn names_files(&self) -> bool {
        !self.has('h') && (self.has('H') || self.files.len() > 1)
    }

    /// The patterns as one regular expression, with `-i` and `-x` applied
    /// (`-w` is checked match by match).
    pub fn regex(&self) -> Result<regex_lite::Regex, (RegexError, String)> {
        let dialect = self.dialect.unwrap_or(Dialect::Basic);
        let mut alternatives = Vec::new();
        for pattern in &self.patterns {
            let translated = translate(pattern, dialect).map_err(|e| (e, pattern.clone()))?;
            alternatives.push(format!("(?:{translated})"));
        }
        let mut joined = alternatives.join("|");
        if self.has('x') {
            joined = format!("^(?:{joined})$");
        }
        compile_translated(&joined, self.has('i')).map_err(|e| (e, self.patterns.join("\n")))
    }
}

/// Parses `grep`'s arguments; `dialect` is set by the name it was called by
/// (`egrep`, `fgrep`). `Err` is the message of a bad command line:
/// `busybox grep -e` prints `grep: option requires an argument -- 'e'`.
pub fn parse(args: &[String], dialect: Option<Dialect>) -> Result<GrepOptions, String> {
    let mut options = GrepOptions {
        dialect,
        ..GrepOptions::default()
    };
    let mut operands = Vec::new();
    let mut given_patterns = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg == "--" {
            operands.extend(rest.by_ref().cloned());
            break;
        }
        if !arg.starts_with('-') || arg.len() == 1 {
            operands.push(arg.clone());
            continue;
        }
        for (at, letter) in arg[1..].char_indices() {
            if FLAGS.contains(letter) {
                options.letters.push(letter);
                match letter {
                    'E' => options.dialect = Some(Dialect::Extended),
                    'F' => options.dialect = Some(Dialect::Fixed),
                    'G' => options.dialect = Some(Dialect::Basic),
                    _ => {}
                }
                continue;
            }
            if !VALUED.contains(letter) {
                return Err(format!("grep: invalid option -- '{letter}'"));
            }
            let attached = &arg[1 + at + letter.len_utf8()..];
            let value = if attached.is_empty() {
                rest.next()
                    .cloned()
                    .ok_or_else(|| format!("grep: option requires an argument -- '{letter}'"))?
            } else {
                attached.to_string()
            };
            match letter {
                'e' => {
                    given_patterns = true;
                    options.patterns.push(value);
                }
                'm' => {
                    let count = value
                        .parse()
                        .map_err(|_| format!("grep: invalid number '{value}'"))?;
                    options.max_count = Some(count);
                }
                _ => {}
            }
            break;
        }
    }
    let mut operands = operands.into_iter();
    if !given_patterns {
        let pattern = operands.next().ok_or_else(|| USAGE.to_string())?;
        options.patterns.push(pattern);
    }
    options.files = operands.collect();
    Ok(options)
}

/// What BusyBox prints for a `grep` without a pattern (its usage line).
const USAGE: &str = "BusyBox v1.36.1 multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFEz] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...";
