//! `cat [FILE…]`.

use super::input::{read_file, read_stdin, Input};
use crate::runtime::program::{Program, Step, Sys};

/// `cat [FILE…]`: files in order; standard input (streamed) for none or `-`.
pub struct Cat {
    /// The files in order (`-` for standard input).
    files: Vec<String>,
    /// The next file to print.
    next: usize,
    /// 1 once a file could not be read.
    status: i32,
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
        }
    }
}

impl Program for Cat {
    fn step(&mut self, sys: &mut Sys) -> Step {
        while let Some(file) = self.files.get(self.next).cloned() {
            if file == "-" {
                match read_stdin(sys) {
                    Input::Data(data) => {
                        sys.out.extend(data);
                        return Step::Continue;
                    }
                    Input::End => self.next += 1,
                    Input::Wait(wait) => return Step::Block(wait),
                }
                continue;
            }
            self.next += 1;
            match read_file(sys, "cat", &file) {
                Some(data) => sys.out.extend(data),
                None => self.status = 1,
            }
        }
        Step::Exit(self.status)
    }
}
