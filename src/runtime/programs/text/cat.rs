//! `cat [FILE…]`.

use super::input::{device_stream, read_file, read_stream, Input};
use crate::runtime::pipes::Endpoint;
use crate::runtime::program::{Program, Step, Sys};

/// `cat [FILE…]`: files in order; standard input for none or `-` and the
/// devices (`/dev/zero`) streamed, so a pipe's reader paces it.
pub struct Cat {
    /// The files in order (`-` for standard input).
    files: Vec<String>,
    /// The next file to print.
    next: usize,
    /// 1 once a file could not be read.
    status: i32,
    /// What it reads a chunk at a time now: standard input or a device.
    stream: Option<Endpoint>,
}

impl Cat {
    /// `cat` with its arguments.
    pub fn new(args: Vec<String>) -> Cat {
        let files: Vec<String> = args
            .into_iter()
            .filter(|a| a == "-" || !a.starts_with('-'))
            .collect();
        Cat {
            files: if files.is_empty() {
                vec!["-".into()]
            } else {
                files
            },
            next: 0,
            status: 0,
            stream: None,
        }
    }
}

impl Program for Cat {
    fn step(&mut self, sys: &mut Sys) -> Step {
        loop {
            if let Some(stream) = self.stream {
                match read_stream(sys, stream) {
                    Input::Data(data) => {
                        sys.out.extend(data);
                        return Step::Continue;
                    }
                    Input::End => self.stream = None,
                    Input::Wait(wait) => return Step::Block(wait),
                }
                continue;
            }
            let Some(file) = self.files.get(self.next).cloned() else {
                return Step::Exit(self.status);
            };
            self.next += 1;
            if file == "-" {
                self.stream = Some(sys.stdin);
                continue;
            }
            if let Some(device) = device_stream(sys, &file) {
                self.stream = Some(device);
                continue;
            }
            match read_file(sys, "cat", &file) {
                Some(data) => sys.out.extend(data),
                None => self.status = 1,
            }
        }
    }
}
