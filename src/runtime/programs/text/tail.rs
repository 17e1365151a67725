//! `tail [-n N] [-f|-F] [FILE]`. Following a file, it blocks on
//! `Wait::FileGrowth` (the file and the length it has seen) and the runtime
//! wakes it when the file grows.

use super::input::{read_stdin, Input};
use crate::runtime::fs::{Inode, InodeId};
use crate::runtime::program::{Program, Step, Sys, Wait};
use crate::runtime::programs::once::error;

/// `tail [-n N] [-f|-F] [FILE]`.
pub struct Tail {
    /// `-n`: how many lines it prints.
    lines: usize,
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
            lines: 10,
            follow: false,
            file: None,
            following: None,
            input: Vec::new(),
        };
        let mut iter = args.into_iter();
        while let Some(arg) = iter.next() {
            match arg.as_str() {
                "-f" | "-F" | "--follow" => tail.follow = true,
                "-n" => {
                    tail.lines = iter
                        .next()
                        .and_then(|n| n.trim_start_matches('+').parse().ok())
                        .unwrap_or(10)
                }
                flag if flag.starts_with("-n") => tail.lines = flag[2..].parse().unwrap_or(10),
                flag if flag.starts_with('-')
                    && flag[1..].chars().all(|c| c.is_ascii_digit())
                    && flag.len() > 1 =>
                {
                    tail.lines = flag[1..].parse().unwrap_or(10)
                }
                _ => tail.file = Some(arg),
            }
        }
        tail
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
        let Some(path) = self.file.clone() else {
            match read_stdin(sys) {
                Input::Data(data) => {
                    self.input.extend(data);
                    return Step::Continue;
                }
                Input::Wait(wait) => return Step::Block(wait),
                Input::End => {
                    let input = std::mem::take(&mut self.input);
                    sys.out.extend(Tail::last_lines(&input, self.lines));
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
                sys.out.extend(Tail::last_lines(&data, self.lines));
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
