//! `cd` and `pwd`: the working directory.

use crate::runtime::io::Io;
use crate::runtime::process::Process;
use crate::runtime::shell::Flavor;

impl Process {
    /// `cd DIR`: changes the working directory, or fails in the shell's words.
    pub(super) fn cd(&mut self, arguments: &[String], io: &mut Io) -> i32 {
        let target = arguments.first().cloned().unwrap_or_else(|| "/root".into());
        let failure = match io.fs.lookup(&self.os.view, &self.os.cwd, &target) {
            Ok(inode) if matches!(io.fs.inode(inode), crate::runtime::fs::Inode::Directory(_)) => {
                self.os.cwd = format!(
                    "/{}",
                    crate::runtime::fs::normalize(&self.os.cwd, &target).join("/")
                );
                self.os.last_opened = None;
                None
            }
            Ok(_) => Some(crate::runtime::fs::FsError::NotADirectory),
            Err(error) => Some(error),
        };
        match failure {
            None => 0,
            Some(error) => {
                // ash names the error, dash does not, bash puts the path first.
                let message = match self.vm.flavor {
                    Flavor::Busybox => {
                        format!("cd: can't cd to {target}: {}", error.message())
                    }
                    Flavor::Dash => format!("cd: can't cd to {target}"),
                    Flavor::Bash => format!("cd: {target}: {}", error.message()),
                };
                self.shell_error(&message);
                if self.vm.flavor == Flavor::Dash {
                    2
                } else {
                    1
                }
            }
        }
    }

    /// `pwd`: prints the working directory.
    pub(super) fn pwd(&mut self) -> i32 {
        let line = format!("{}\n", self.os.cwd);
        self.write_out(1, line.into_bytes());
        0
    }
}
