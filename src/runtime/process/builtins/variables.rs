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
                self.vm.variables.insert(key.clone(), value);
            }
            if builtin == "export" {
                self.vm.exported.insert(key);
            }
        }
        0
    }

    /// `unset NAME…`: forgets variables and functions of those names.
    pub(super) fn unset(&mut self, arguments: &[String]) -> i32 {
        for argument in arguments {
            self.vm.variables.remove(argument);
            self.vm.functions.remove(argument);
        }
        0
    }

    /// `shift [N]`: drops the first N positional parameters (status 1 when
    /// there are fewer).
    pub(super) fn shift(&mut self, arguments: &[String]) -> i32 {
        let count = arguments.first().and_then(|a| a.parse().ok()).unwrap_or(1);
        if count > self.vm.positional.len() {
            1
        } else {
            self.vm.positional.drain(..count);
            0
        }
    }

    /// `set`: `-e`/`+e`, `-o errexit` and `--` (new positional parameters).
    pub(super) fn set_options(&mut self, arguments: &[String]) -> i32 {
        let mut options = arguments.iter();
        while let Some(option) = options.next() {
            match option.as_str() {
                "--" => {
                    self.vm.positional = options.cloned().collect();
                    break;
                }
                "-o" | "+o" if options.next().map(String::as_str) == Some("errexit") => {
                    self.vm.errexit = option == "-o";
                }
                flags if flags.starts_with('-') && flags.contains('e') => self.vm.errexit = true,
                flags if flags.starts_with('+') && flags.contains('e') => self.vm.errexit = false,
                _ => {}
            }
        }
        0
    }
}
