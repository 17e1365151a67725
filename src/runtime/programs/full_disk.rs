//! What a program says, and the status it exits with, when its standard
//! output is on a full disk (`write(2)` fails with ENOSPC): each one's own
//! words, recorded by writing to `/dev/full` with BusyBox 1.35 (its ash for
//! the `echo` and `printf` builtins), GNU coreutils 9.1, grep 3.8, sed 4.9,
//! bash 5.2 and dash 0.5.12. The write fails once and the program gives up,
//! as the real ones do; none keeps trying.

use crate::runtime::shell::Flavor;

/// The words of a failed write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said {
    /// Nothing (BusyBox's `printf`, `seq`, `grep`, `sed`).
    Nothing,
    /// After the shell's own prefix (`sh: `, `bash: `, `sh: 1: `): the
    /// shells' `echo` and `printf` builtins.
    Shell(String),
    /// A line of its own (`yes: standard output: No space left on device`).
    Program(String),
}

/// How a program (named `program`, run by a `flavor` shell, with BusyBox's
/// tools or GNU's) meets a full disk: what it says and its exit status.
pub fn full_disk(program: &str, flavor: Flavor, busybox: bool) -> (Said, i32) {
    const NO_SPACE: &str = "No space left on device";
    let said = |words: String| Said::Program(words);
    match (program, flavor, busybox) {
        ("echo", Flavor::Busybox, _) => (Said::Shell(format!("write error: {NO_SPACE}")), 1),
        ("printf", Flavor::Busybox, _) => (Said::Nothing, 1),
        (name @ ("echo" | "printf"), Flavor::Bash, _) => {
            (Said::Shell(format!("{name}: write error: {NO_SPACE}")), 1)
        }
        (name @ ("echo" | "printf"), Flavor::Dash, _) => {
            (Said::Shell(format!("{name}: {name}: I/O error")), 1)
        }
        // BusyBox's yes dies through `bb_perror_nomsg_and_die`, whose empty
        // message glibc prints as "(null)".
        ("yes", _, true) => (said(format!("yes: (null): {NO_SPACE}")), 1),
        ("yes", _, false) => (said(format!("yes: standard output: {NO_SPACE}")), 1),
        (name @ ("head" | "wc"), _, true) => {
            (said(format!("{name}: standard output: {NO_SPACE}")), 0)
        }
        ("seq", _, true) => (Said::Nothing, 255),
        ("grep" | "sed" | "ls" | "date", _, true) => (Said::Nothing, 0),
        ("wc", _, false) => (said("wc: write error".to_string()), 1),
        ("sed", _, false) => (said(format!("sed: couldn't flush stdout: {NO_SPACE}")), 4),
        (name @ ("grep" | "ls"), _, false) => (said(format!("{name}: write error: {NO_SPACE}")), 2),
        // cat, tail, GNU seq, head and date; others are taken to say what
        // most of coreutils says.
        (name, _, _) => (said(format!("{name}: write error: {NO_SPACE}")), 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_program_words_a_full_disk_as_the_real_one_does() {
        // `PROGRAM > /dev/full; echo $?` with the versions named above.
        let cases = [
            (
                "yes",
                Flavor::Bash,
                false,
                "yes: standard output: No space left on device",
                1,
            ),
            (
                "yes",
                Flavor::Busybox,
                true,
                "yes: (null): No space left on device",
                1,
            ),
            (
                "cat",
                Flavor::Busybox,
                true,
                "cat: write error: No space left on device",
                1,
            ),
            (
                "cat",
                Flavor::Dash,
                false,
                "cat: write error: No space left on device",
                1,
            ),
            (
                "head",
                Flavor::Busybox,
                true,
                "head: standard output: No space left on device",
                0,
            ),
            (
                "sed",
                Flavor::Bash,
                false,
                "sed: couldn't flush stdout: No space left on device",
                4,
            ),
        ];
        for (program, flavor, busybox, words, status) in cases {
            assert_eq!(
                full_disk(program, flavor, busybox),
                (Said::Program(words.to_string()), status),
                "{program}"
            );
        }
        assert_eq!(
            full_disk("printf", Flavor::Busybox, true),
            (Said::Nothing, 1)
        );
        assert_eq!(
            full_disk("seq", Flavor::Busybox, true),
            (Said::Nothing, 255)
        );
        assert_eq!(
            full_disk("echo", Flavor::Dash, false),
            (Said::Shell("echo: echo: I/O error".to_string()), 1)
        );
    }
}
