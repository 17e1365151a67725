//! `head [-n N | -c N] [FILE]` (`-N`: all but the last N lines or bytes).

use super::count::{read_count_options, Count, CountError, Unit};
use super::input::{device_stream, read_file, read_stream, Input};
use crate::runtime::pipes::Endpoint;
use crate::runtime::program::{Program, Step, Sys};
use crate::runtime::programs::once::error;

/// `head [-n N | -c N] [FILE]`: the first lines (or bytes), streamed; it stops reading (and a
/// writer into its pipe gets EPIPE) once it has them. `-N` reads all its input first.
pub struct Head {
    /// Lines or bytes still to print; with `-N`, how many to leave out at the end.
    remaining: usize,
    /// Whether it counts lines (`-n`) or bytes (`-c`).
    unit: Unit,
    /// `-N`: all but the last `remaining`.
    all_but: bool,
    /// Options it could not read, reported when it runs.
    problem: Option<CountError>,
    /// The file to read; standard input when none.
    file: Option<String>,
    /// With `-N`: standard input read so far.
    input: Vec<u8>,
    /// A device it reads a chunk at a time (`/dev/zero`), instead of
    /// standard input.
    stream: Option<Endpoint>,
}

impl Head {
    /// `head` with its arguments.
    pub fn new(args: Vec<String>) -> Head {
        let mut head = Head {
            remaining: 10,
            unit: Unit::Lines,
            all_but: false,
            problem: None,
            file: None,
            input: Vec::new(),
            stream: None,
        };
        let mut chosen = (Count::Plain(10), Unit::Lines);
        match read_count_options(args, |count, unit| chosen = (count, unit)) {
            Ok(rest) => head.file = rest.into_iter().rfind(|a| a == "-" || !a.starts_with('-')),
            Err(problem) => head.problem = Some(problem),
        }
        let (count, unit) = chosen;
        head.unit = unit;
        // GNU head reads `+N` as `N`.
        (head.remaining, head.all_but) = match count {
            Count::Plain(n) | Count::Plus(n) => (n, false),
            Count::Minus(n) => (n, true),
        };
        head
    }

    /// Copies what it prints of `data`; true when done.
    fn take(&mut self, data: &[u8], out: &mut Vec<u8>) -> bool {
        if self.unit == Unit::Bytes {
            let taken = self.remaining.min(data.len());
            out.extend(&data[..taken]);
            self.remaining -= taken;
            return self.remaining == 0;
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

    /// With `-N`: all of `data` but its last `remaining` lines or bytes.
    fn all_but_last<'d>(&self, data: &'d [u8]) -> &'d [u8] {
        if self.unit == Unit::Bytes {
            return &data[..data.len().saturating_sub(self.remaining)];
        }
        let lines: Vec<&[u8]> = data.split_inclusive(|b| *b == b'\n').collect();
        let kept: usize = lines[..lines.len().saturating_sub(self.remaining)]
            .iter()
            .map(|line| line.len())
            .sum();
        &data[..kept]
    }
}

impl Program for Head {
    fn step(&mut self, sys: &mut Sys) -> Step {
        if let Some(problem) = self.problem.take() {
            error(sys, problem.message("head", sys.busybox));
            return Step::Exit(1);
        }
        if let Some(file) = self.file.take() {
            if let Some(device) = device_stream(sys, &file) {
                self.stream = Some(device);
                return Step::Continue;
            }
            return match read_file(sys, "head", &file) {
                Some(data) if self.all_but => {
                    sys.out.extend(self.all_but_last(&data));
                    Step::Exit(0)
                }
                Some(data) => {
                    self.take(&data, sys.out);
                    Step::Exit(0)
                }
                None => Step::Exit(1),
            };
        }
        let source = self.stream.unwrap_or(sys.stdin);
        match read_stream(sys, source) {
            Input::Data(data) if self.all_but => {
                self.input.extend(data);
                Step::Continue
            }
            Input::Data(data) => {
                if self.take(&data, sys.out) {
                    Step::Exit(0)
                } else {
                    Step::Continue
                }
            }
            Input::End => {
                let input = std::mem::take(&mut self.input);
                sys.out.extend(self.all_but_last(&input));
                Step::Exit(0)
            }
            Input::Wait(wait) => Step::Block(wait),
        }
    }
}
