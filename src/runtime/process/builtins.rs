//! The shell's builtins (`cd`, `pwd`, `export`, `unset`, `shift`, `set`,
//! `exit`, `return`, `trap`, `wait`, `read`, …); `kill` is with the signals.

use super::signals::signal_number;
use super::{Pending, Process};
use crate::runtime::io::Io;
use crate::runtime::pipes::{Endpoint, ReadResult};
use crate::runtime::program::ProcessId;
use crate::runtime::shell::Flavor;

impl Process {
    /// The shell's own commands; `None` when `name` is not one of them.
    pub(super) fn builtin(&mut self, name: &str, arguments: &[String], io: &mut Io) -> Option<i32> {
        let status = match name {
            ":" | "true" => 0,
            "false" => 1,
            "exit" => {
                let code = arguments
                    .first()
                    .and_then(|a| a.parse().ok())
                    .unwrap_or(self.status);
                self.exit_requested = Some(code & 0xff);
                code & 0xff
            }
            "return" => {
                let code = arguments
                    .first()
                    .and_then(|a| a.parse().ok())
                    .unwrap_or(self.status);
                // Leave the innermost function frame.
                if let Some(index) = self
                    .frames
                    .iter()
                    .rposition(|f| f.saved_positional.is_some())
                {
                    if let Some(frame) = self.frames.get_mut(index) {
                        frame.pc = frame.code.ops.len();
                    }
                    self.frames.truncate(index + 1);
                }
                code
            }
            "cd" => self.cd(arguments, io),
            "pwd" => {
                let line = format!("{}\n", self.cwd);
                self.write_out(1, line.into_bytes());
                0
            }
            "export" | "local" | "readonly" => {
                for argument in arguments {
                    let (key, value) = match argument.split_once('=') {
                        Some((key, value)) => (key.to_string(), Some(value.to_string())),
                        None => (argument.clone(), None),
                    };
                    if let Some(value) = value {
                        self.variables.insert(key.clone(), value);
                    }
                    if name == "export" {
                        self.exported.insert(key);
                    }
                }
                0
            }
            "unset" => {
                for argument in arguments {
                    self.variables.remove(argument);
                    self.functions.remove(argument);
                }
                0
            }
            "shift" => {
                let count = arguments.first().and_then(|a| a.parse().ok()).unwrap_or(1);
                if count > self.positional.len() {
                    1
                } else {
                    self.positional.drain(..count);
                    0
                }
            }
            "set" => self.set_options(arguments),
            "break" | "continue" => 0,
            "trap" => self.trap(arguments),
            "kill" => return Some(self.kill(arguments, io)),
            "wait" => {
                let children: Vec<ProcessId> = if arguments.is_empty() {
                    self.background.iter().map(|(id, _)| *id).collect()
                } else {
                    self.background
                        .iter()
                        .filter(|(_, pid)| arguments.iter().any(|a| a == &pid.to_string()))
                        .map(|(id, _)| *id)
                        .collect()
                };
                self.pending = Some(Pending::WaitFor(children));
                0
            }
            "read" => return self.read_line(arguments, io),
            _ => return None,
        };
        Some(status)
    }

    /// `read NAME…`: one line from standard input, split over the names.
    pub(super) fn read_line(&mut self, names: &[String], io: &mut Io) -> Option<i32> {
        let stdin = self.descriptors.get(0).unwrap_or(Endpoint::Null);
        let mut line = Vec::new();
        loop {
            match io.read(&stdin, 1) {
                ReadResult::Data(byte) if byte == b"\n" => break,
                ReadResult::Data(byte) => line.extend(byte),
                ReadResult::End | ReadResult::WouldBlock(_) => {
                    if line.is_empty() {
                        return Some(1);
                    }
                    break;
                }
            }
        }
        let text = String::from_utf8_lossy(&line).into_owned();
        let mut fields = text.split_whitespace();
        let names: Vec<&String> = if names.is_empty() {
            Vec::new()
        } else {
            names.iter().collect()
        };
        for (index, name) in names.iter().enumerate() {
            let value = if index + 1 == names.len() {
                fields.clone().collect::<Vec<_>>().join(" ")
            } else {
                fields.next().unwrap_or("").to_string()
            };
            self.variables.insert((*name).clone(), value);
        }
        Some(0)
    }

    /// `cd DIR`: changes the working directory, or fails in the shell's words.
    fn cd(&mut self, arguments: &[String], io: &mut Io) -> i32 {
        let target = arguments.first().cloned().unwrap_or_else(|| "/root".into());
        let failure = match io.fs.lookup(&self.view, &self.cwd, &target) {
            Ok(inode) if matches!(io.fs.inode(inode), crate::runtime::fs::Inode::Directory(_)) => {
                self.cwd = format!(
                    "/{}",
                    crate::runtime::fs::normalize(&self.cwd, &target).join("/")
                );
                self.last_opened = None;
                None
            }
            Ok(_) => Some(crate::runtime::fs::FsError::NotADirectory),
            Err(error) => Some(error),
        };
        match failure {
            None => 0,
            Some(error) => {
                // ash names the error, dash does not, bash puts the path first.
                let message = match self.flavor {
                    Flavor::Busybox => {
                        format!("cd: can't cd to {target}: {}", error.message())
                    }
                    Flavor::Dash => format!("cd: can't cd to {target}"),
                    Flavor::Bash => format!("cd: {target}: {}", error.message()),
                };
                self.shell_error(&message);
                if self.flavor == Flavor::Dash {
                    2
                } else {
                    1
                }
            }
        }
    }

    /// `set`: `-e`/`+e`, `-o errexit` and `--` (new positional parameters).
    fn set_options(&mut self, arguments: &[String]) -> i32 {
        let mut options = arguments.iter();
        while let Some(option) = options.next() {
            match option.as_str() {
                "--" => {
                    self.positional = options.cloned().collect();
                    break;
                }
                "-o" | "+o" if options.next().map(String::as_str) == Some("errexit") => {
                    self.errexit = option == "-o";
                }
                flags if flags.starts_with('-') && flags.contains('e') => self.errexit = true,
                flags if flags.starts_with('+') && flags.contains('e') => self.errexit = false,
                _ => {}
            }
        }
        0
    }

    /// `trap COMMAND SIGNAL…`: sets (or with `-`, resets) the traps.
    fn trap(&mut self, arguments: &[String]) -> i32 {
        let (command, signals) = match arguments.split_first() {
            Some((command, signals)) if !signals.is_empty() => (command.clone(), signals),
            _ => return 0,
        };
        for signal in signals {
            match signal_number(signal).or_else(|| (signal == "EXIT").then_some(0)) {
                Some(number) if command == "-" => {
                    self.traps.remove(&number);
                }
                Some(number) => {
                    self.traps.insert(number, command.clone());
                }
                None => self.shell_error(&format!("trap: {signal}: bad trap")),
            }
        }
        0
    }
}
