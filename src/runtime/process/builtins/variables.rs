//! The builtins that change variables and parameters: `export`, `local`,
//! `readonly`, `unset`, `shift` and `set`.

use crate::runtime::process::Process;

impl Process {
    /// `export`, `local` or `readonly` `NAME[=VALUE]…`: sets the values
    /// given; `export` also marks the names for the environment.
    pub(super) fn export(&mut self, builtin: &str, arguments: &[String]) -> i32 {
        for argument in arguments {
            let (key, value) = match argument.split_once('=') {
                Some((key, value)) => (key.to_string(), Some(value.to_string())),
                None => (argument.clone(), None),
            };
            if let Some(value) = value {
                self.variables.insert(key.clone(), value);
            }
            if builtin == "export" {
                self.exported.insert(key);
            }
        }
        0
    }

    /// `unset NAME…`: forgets variables and functions of those names.
    pub(super) fn unset(&mut self, arguments: &[String]) -> i32 {
        for argument in arguments {
            self.variables.remove(argument);
            self.functions.remove(argument);
        }
        0
    }

    /// `shift [N]`: drops the first N positional parameters (status 1 when
    /// there are fewer).
    pub(super) fn shift(&mut self, arguments: &[String]) -> i32 {
        let count = arguments.first().and_then(|a| a.parse().ok()).unwrap_or(1);
        if count > self.positional.len() {
            1
        } else {
            self.positional.drain(..count);
            0
        }
    }

    /// `set`: `-e`/`+e`, `-o errexit` and `--` (new positional parameters).
    pub(super) fn set_options(&mut self, arguments: &[String]) -> i32 {
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
}
