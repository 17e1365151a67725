//! `sed [-n] [-E|-r] [-e] s/RE/REPLACEMENT/[gpNI] [FILE…]`: one substitution
//! with POSIX regular expressions (`sed_substitute.rs`).

use super::args::{first_operand, flag_letters, flag_value, Syntax};
use super::input::WholeInput;
use super::regex::Dialect;
use super::sed_substitute::{parse, Substitute};
use crate::runtime::program::{Program, Step, Sys};
use crate::runtime::programs::once::error;

/// How `sed`'s operands are laid out: the script first, unless `-e` gives it.
const SYNTAX: Syntax = Syntax {
    valued_flags: &["-e"],
    script_first: true,
    script_flag: Some("-e"),
};

/// `sed`: its input with the script's substitution made on every line.
pub struct Sed {
    /// The script, as given.
    script: String,
    /// The script read as one `s` command (`None`: a script podplay does
    /// not run yet).
    substitution: Option<Substitute>,
    /// `-E` or `-r`: extended regular expressions.
    extended: bool,
    /// `-n`: prints only what `p` prints.
    quiet: bool,
    /// What it reads.
    input: WholeInput,
}

impl Sed {
    /// `sed` with its arguments.
    pub fn new(args: &[String]) -> Sed {
        let script = flag_value(args, "-e").unwrap_or_else(|| first_operand(args, &[]));
        let letters = flag_letters(args);
        Sed {
            substitution: parse(&script),
            extended: letters.contains('E') || letters.contains('r'),
            quiet: letters.contains('n'),
            script,
            input: WholeInput::new(SYNTAX.files(args)),
        }
    }
}

/// The commands of GNU sed 4.9 (`A` and `I` are not among them), as it
/// answers each letter given as a whole script.
const GNU_COMMANDS: &str = "{}=abcdDeFgGhHilLnNpPqQrRstTvwWxyz#:";

/// The commands BusyBox 1.35's sed takes; for any other letter it says
/// "unsupported command".
const BUSYBOX_COMMANDS: &str = "{}=abcdDgGhHilnNpPqrstTwxy#:";

/// The script's command letter after its address (line numbers, `$`, `/re/`,
/// `\cREc`, `,`, `!`, `~`, `+`, blanks) and any empty commands (`;`), with
/// its 1-based position, as sed counts it.
fn command_letter(script: &str) -> Option<(usize, char)> {
    let mut chars = script.chars().enumerate();
    while let Some((index, c)) = chars.next() {
        match c {
            '/' => skip_regex(&mut chars, '/'),
            '\\' => {
                let (_, delimiter) = chars.next()?;
                skip_regex(&mut chars, delimiter);
            }
            '0'..='9' | '$' | ',' | '!' | '~' | '+' | ';' => {}
            c if c.is_whitespace() => {}
            c => return Some((index + 1, c)),
        }
    }
    None
}

/// Skips an address's regular expression up to its unescaped `delimiter`.
fn skip_regex(chars: &mut impl Iterator<Item = (usize, char)>, delimiter: char) {
    let mut escaped = false;
    for (_, c) in chars {
        match c {
            c if c == delimiter && !escaped => break,
            '\\' => escaped = !escaped,
            _ => escaped = false,
        }
    }
}

/// What sed says of a script podplay cannot run: the real error for a letter
/// that is no command of that sed, otherwise that the script is not simulated
/// yet (it never invents a false error).
fn refusal(script: &str, busybox: bool) -> String {
    let commands = if busybox {
        BUSYBOX_COMMANDS
    } else {
        GNU_COMMANDS
    };
    match command_letter(script) {
        Some((_, letter)) if busybox && !commands.contains(letter) => {
            format!("sed: unsupported command {letter}")
        }
        Some((position, letter)) if !commands.contains(letter) => {
            format!("sed: -e expression #1, char {position}: unknown command: `{letter}'")
        }
        _ => format!("sed: podplay: the script '{script}' is not simulated yet"),
    }
}

impl Program for Sed {
    fn step(&mut self, sys: &mut Sys) -> Step {
        let status = match self.input.read(sys, "sed", 1) {
            Ok(status) => status,
            Err(step) => return step,
        };
        let Some(substitution) = &self.substitution else {
            error(sys, refusal(&self.script, sys.busybox));
            return Step::Exit(1);
        };
        let dialect = if self.extended {
            Dialect::Extended
        } else {
            Dialect::Basic
        };
        let regex = match substitution.regex(dialect) {
            Ok(regex) => regex,
            Err(failure) => {
                error(sys, failure.message("sed", &substitution.pattern));
                return Step::Exit(1);
            }
        };
        for line in self.input.text().split_inclusive('\n') {
            let (body, end) = match line.strip_suffix('\n') {
                Some(body) => (body, "\n"),
                None => (line, ""),
            };
            let replaced = substitution.apply(&regex, body, sys.busybox);
            let text = replaced.as_deref().unwrap_or(body);
            if !self.quiet {
                sys.out.extend(format!("{text}{end}").bytes());
            }
            if replaced.is_some() && substitution.print {
                sys.out.extend(format!("{text}{end}").bytes());
            }
        }
        Step::Exit(status)
    }
}

#[cfg(test)]
mod tests {
    use super::refusal;

    #[test]
    fn a_letter_that_is_no_command_gets_the_real_seds_words() {
        // Recorded from GNU sed 4.9 and BusyBox 1.35 (Debian bookworm).
        let cases = [
            (
                "k",
                false,
                "sed: -e expression #1, char 1: unknown command: `k'",
            ),
            (
                "1k",
                false,
                "sed: -e expression #1, char 2: unknown command: `k'",
            ),
            (
                "/a/k",
                false,
                "sed: -e expression #1, char 4: unknown command: `k'",
            ),
            (
                " k",
                false,
                "sed: -e expression #1, char 2: unknown command: `k'",
            ),
            (
                "A",
                false,
                "sed: -e expression #1, char 1: unknown command: `A'",
            ),
            ("k", true, "sed: unsupported command k"),
            ("/a/k", true, "sed: unsupported command k"),
            ("z", true, "sed: unsupported command z"),
            // An empty command and a `\cREc` address come before the letter.
            (
                ";k",
                false,
                "sed: -e expression #1, char 2: unknown command: `k'",
            ),
            (
                " ; ;k",
                false,
                "sed: -e expression #1, char 5: unknown command: `k'",
            ),
            (
                "\\,a,k",
                false,
                "sed: -e expression #1, char 5: unknown command: `k'",
            ),
            (
                "\\,a\\,,k",
                false,
                "sed: -e expression #1, char 7: unknown command: `k'",
            ),
            (";k", true, "sed: unsupported command k"),
            ("\\,a,k", true, "sed: unsupported command k"),
        ];
        for (script, busybox, expected) in cases {
            assert_eq!(refusal(script, busybox), expected, "{script}");
        }
    }

    #[test]
    fn a_real_command_podplay_lacks_is_not_simulated_yet() {
        for (script, busybox) in [
            ("p", false),
            ("1d", true),
            ("/x/d", false),
            ("z", false),
            // Real sed runs these (an empty command; an address with its own
            // delimiter, or one not closed, which GNU sed words otherwise).
            (";", false),
            (";", true),
            ("\\,a,p", false),
            ("\\", false),
        ] {
            assert_eq!(
                refusal(script, busybox),
                format!("sed: podplay: the script '{script}' is not simulated yet"),
            );
        }
    }
}
