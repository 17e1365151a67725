//! `head [-n N | -c N] [FILE]`.

use super::input::{read_file, read_stdin, Input};
use crate::runtime::program::{Program, Step, Sys};

/// `head [-n N | -c N] [FILE]`: the first lines (or bytes), streamed; it stops reading (and a
/// writer into its pipe gets EPIPE) once it has them.
pub struct Head {
    /// Lines still to print.
    remaining: usize,
    /// With `-c N`: bytes still to print (lines do not count then).
    bytes: Option<usize>,
    /// The file to read; standard input when none.
    file: Option<String>,
}

impl Head {
    /// `head` with its arguments.
    pub fn new(args: Vec<String>) -> Head {
        let mut head = Head {
            remaining: 10,
            bytes: None,
            file: None,
        };
        let mut iter = args.into_iter();
        while let Some(arg) = iter.next() {
            match arg.as_str() {
                "-n" => head.remaining = iter.next().and_then(|n| n.parse().ok()).unwrap_or(10),
                "-c" => head.bytes = iter.next().and_then(|n| n.parse().ok()),
                flag if flag.starts_with("-c") => head.bytes = flag[2..].parse().ok(),
                flag if flag.starts_with("-n") => head.remaining = flag[2..].parse().unwrap_or(10),
                flag if flag.len() > 1 && flag.starts_with('-') => {
                    head.remaining = flag[1..].parse().unwrap_or(10)
                }
                _ => head.file = Some(arg),
            }
        }
        head
    }

    /// Copies whole lines of `data` until enough were printed; true when done.
    fn take(&mut self, data: &[u8], out: &mut Vec<u8>) -> bool {
        if let Some(bytes) = self.bytes.as_mut() {
            let taken = (*bytes).min(data.len());
            out.extend(&data[..taken]);
            *bytes -= taken;
            return *bytes == 0;
        }
        for line in data.split_inclusive(|b| *b == b'\n') {
            if self.remaining == 0 {
                return true;
            }
            out.extend(line);
            if line.ends_with(b"\n") {
                self.remaining -= 1;
            }
        }
        self.remaining == 0
    }
}

impl Program for Head {
    fn step(&mut self, sys: &mut Sys) -> Step {
        if let Some(file) = self.file.take() {
            return match read_file(sys, "head", &file) {
                Some(data) => {
                    self.take(&data, sys.out);
                    Step::Exit(0)
                }
                None => Step::Exit(1),
            };
        }
        match read_stdin(sys) {
            Input::Data(data) => {
                if self.take(&data, sys.out) {
                    Step::Exit(0)
                } else {
                    Step::Continue
                }
            }
            Input::End => Step::Exit(0),
            Input::Wait(wait) => Step::Block(wait),
        }
    }
}
