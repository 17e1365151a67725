//! `tee [-a] FILE…`.

use super::input::{read_stdin, Input};
use crate::runtime::program::{Program, Step, Sys};
use crate::runtime::programs::once::error;

/// `tee [-a] FILE…`: copies standard input to the files and to standard output.
pub struct Tee {
    /// Its arguments: `-a` and the files.
    pub args: Vec<String>,
    /// Whether the files were opened (emptied unless `-a`).
    pub opened: bool,
}

impl Program for Tee {
    fn step(&mut self, sys: &mut Sys) -> Step {
        let append = self.args.iter().any(|a| a == "-a");
        let files: Vec<String> = self
            .args
            .iter()
            .filter(|a| !a.starts_with('-'))
            .cloned()
            .collect();
        if !self.opened {
            self.opened = true;
            for file in &files {
                if !append {
                    if let Err(failure) = sys.io.fs.write(sys.view, sys.cwd, file, b"", false) {
                        error(sys, format!("tee: {file}: {}", failure.words(sys.busybox)));
                    }
                }
            }
        }
        match read_stdin(sys) {
            Input::Data(data) => {
                for file in &files {
                    let _ = sys.io.fs.write(sys.view, sys.cwd, file, &data, true);
                }
                sys.out.extend(data);
                Step::Continue
            }
            Input::End => Step::Exit(0),
            Input::Wait(wait) => Step::Block(wait),
        }
    }
}
