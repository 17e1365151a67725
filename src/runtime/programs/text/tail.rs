//! `tail [-n N | -c N] [-f|-F] [FILE]` (`N`: the last N lines or bytes;
//! `+N`: from the Nth on). Following a file, it blocks on
//! `Wait::FileGrowth` (the file and the length it has seen) and the runtime
//! wakes it when the file grows.

use super::count::{read_count_options, Count, CountError, Unit};
use super::input::{device_stream, is_endless, read_stdin, spin, Input};
use crate::runtime::fs::{Inode, InodeId};
use crate::runtime::pipes::Endpoint;
use crate::runtime::program::{Program, Step, Sys, Wait};
use crate::runtime::programs::once::error;

/// How long `tail -f /dev/null` sleeps between its wake-ups.
const IDLE_MILLIS: u64 = 3_600_000;

/// `tail [-n N | -c N] [-f|-F] [FILE]`.
pub struct Tail {
    /// `-n` or `-c`: how much it prints (the last 10 lines unless told).
    count: Count,
    /// Whether the count is of lines (`-n`) or bytes (`-c`).
    unit: Unit,
    /// Options it could not read, reported when it runs.
    problem: Option<CountError>,
    /// `-f`/`-F`: follows the file as it grows.
    follow: bool,
    /// The file; standard input when none.
    file: Option<String>,
    /// While following: the file and how much of it was printed.
    following: Option<(InodeId, usize)>,
    /// Standard input read so far.
    input: Vec<u8>,
}

impl Tail {
    /// `tail` with its arguments.
    pub fn new(args: Vec<String>) -> Tail {
        let mut tail = Tail {
            count: Count::Plain(10),
            unit: Unit::Lines,
            problem: None,
            follow: false,
            file: None,
            following: None,
            input: Vec::new(),
        };
        let mut chosen = (tail.count, tail.unit);
        match read_count_options(args, |count, unit| chosen = (count, unit)) {
            Ok(rest) => {
                for arg in rest {
                    match arg.as_str() {
                        "-f" | "-F" | "--follow" => tail.follow = true,
                        _ => tail.file = Some(arg),
                    }
                }
            }
            Err(problem) => tail.problem = Some(problem),
        }
        (tail.count, tail.unit) = chosen;
        tail
    }

    /// The part of `data` it prints.
    fn part<'d>(&self, data: &'d [u8]) -> &'d [u8] {
        match (self.unit, self.count) {
            (Unit::Bytes, Count::Plus(from)) => &data[from.saturating_sub(1).min(data.len())..],
            (Unit::Bytes, Count::Plain(last) | Count::Minus(last)) => {
                &data[data.len().saturating_sub(last)..]
            }
            (Unit::Lines, Count::Plus(from)) => {
                let skipped = data
                    .split_inclusive(|b| *b == b'\n')
                    .take(from.saturating_sub(1))
                    .map(<[u8]>::len)
                    .sum::<usize>();
                &data[skipped..]
            }
            (Unit::Lines, Count::Plain(last) | Count::Minus(last)) => Tail::last_lines(data, last),
        }
    }

    fn last_lines(data: &[u8], count: usize) -> &[u8] {
        let mut newlines = 0;
        let end = if data.ends_with(b"\n") {
            data.len() - 1
        } else {
            data.len()
        };
        for index in (0..end).rev() {
            if data[index] == b'\n' {
                newlines += 1;
                if newlines == count {
                    return &data[index + 1..];
                }
            }
        }
        if count == 0 {
            &data[data.len()..]
        } else {
            data
        }
    }
}

impl Program for Tail {
    fn step(&mut self, sys: &mut Sys) -> Step {
        if let Some(problem) = self.problem.take() {
            error(sys, problem.message("tail", sys.busybox));
            return Step::Exit(1);
        }
        if let Some((inode, printed)) = self.following {
            // Only the new bytes are copied: following a growing file costs
            // what was added, not the whole file each time.
            let Inode::File(data) = sys.io.fs.inode(inode) else {
                return Step::Exit(1);
            };
            let length = data.len();
            if length > printed {
                sys.out.extend_from_slice(&data[printed..]);
                sys.io.note_read(inode, length - printed);
            }
            // A file cut shorter is read again from its new end.
            self.following = Some((inode, length));
            return Step::Block(Wait::FileGrowth {
                file: inode,
                seen: length,
            });
        }
        let endless = match &self.file {
            Some(path) => device_stream(sys, path),
            None => Some(sys.stdin),
        };
        match endless {
            // The last lines of what never ends never come.
            Some(stream) if is_endless(stream) => return spin(sys),
            // `tail -f /dev/null`, the idle container's command: it waits
            // for ever (an hour at a time) for what never comes.
            Some(Endpoint::Device(_)) if self.follow => {
                return Step::Block(Wait::Until(sys.io.now + IDLE_MILLIS))
            }
            Some(Endpoint::Device(_)) => return Step::Exit(0),
            _ => {}
        }
        let Some(path) = self.file.clone() else {
            match read_stdin(sys) {
                Input::Data(data) => {
                    self.input.extend(data);
                    return Step::Continue;
                }
                Input::Wait(wait) => return Step::Block(wait),
                Input::End => {
                    let input = std::mem::take(&mut self.input);
                    sys.out.extend(self.part(&input));
                    return Step::Exit(0);
                }
            }
        };
        match sys.io.fs.lookup(sys.view, sys.cwd, &path) {
            Ok(inode) => {
                let Inode::File(data) = sys.io.fs.inode(inode) else {
                    error(sys, format!("tail: error reading '{path}': Is a directory"));
                    return Step::Exit(1);
                };
                let data = data.clone();
                sys.io.note_read(inode, data.len());
                sys.out.extend(self.part(&data));
                if self.follow {
                    self.following = Some((inode, data.len()));
                    return Step::Block(Wait::FileGrowth {
                        file: inode,
                        seen: data.len(),
                    });
                }
                Step::Exit(0)
            }
            Err(failure) => {
                error(
                    sys,
                    format!(
                        "tail: cannot open '{path}' for reading: {}",
                        failure.words(sys.busybox)
                    ),
                );
                if self.follow {
                    error(sys, "tail: no files remaining".into());
                }
                Step::Exit(1)
            }
        }
    }
}
