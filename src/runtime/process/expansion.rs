//! Word expansion as a running process does it: its variables, positional
//! parameters, command-substitution outputs and globs over its view.

use super::Process;
use crate::runtime::io::Io;
use crate::runtime::shell::expand::{self, Context};

/// The expansion context of a running process.
pub(super) struct Expansion<'a, 'b, 'c> {
    /// The process whose words are expanded.
    pub(super) process: &'a mut Process,
    /// What the expansion may reach (the filesystem, for globs).
    pub(super) io: &'b mut Io<'c>,
}

impl Context for Expansion<'_, '_, '_> {
    fn variable(&self, name: &str) -> Option<String> {
        let process = &self.process;
        match name {
            "?" => Some(process.vm.status.to_string()),
            "$" => Some(process.vm.shell_pid.to_string()),
            "#" => Some(process.vm.positional.len().to_string()),
            "0" => Some(process.vm.arg0.clone()),
            "-" => Some(String::new()),
            digits if digits.chars().all(|c| c.is_ascii_digit()) => {
                let index: usize = digits.parse().ok()?;
                process.vm.positional.get(index.checked_sub(1)?).cloned()
            }
            _ => process.vm.variables.get(name).cloned(),
        }
    }

    fn positional(&self) -> Vec<String> {
        self.process.vm.positional.clone()
    }

    fn assign(&mut self, name: &str, value: String) {
        self.process.vm.variables.insert(name.to_string(), value);
    }

    fn substitution(&mut self) -> String {
        self.process.vm.slots.pop_front().unwrap_or_default()
    }

    fn warn(&mut self, message: &str) {
        self.process.shell_error(message);
    }

    fn glob(&self, pattern: &str) -> Vec<String> {
        // Component by component, as sh does: a wildcard component lists the
        // directories matched so far; the others are appended as written.
        let absolute = pattern.starts_with('/');
        let mut matches: Vec<String> = vec![String::new()];
        let components: Vec<&str> = pattern.split('/').filter(|c| !c.is_empty()).collect();
        let join = |base: &str, name: &str| match (base, absolute) {
            ("", true) => format!("/{name}"),
            ("", false) => name.to_string(),
            _ => format!("{base}/{name}"),
        };
        for component in &components {
            if !component.contains(['*', '?', '[']) {
                for path in &mut matches {
                    *path = join(path, component);
                }
                continue;
            }
            let mut next = Vec::new();
            for base in &matches {
                let directory = match (base.as_str(), absolute) {
                    ("", true) => "/",
                    ("", false) => ".",
                    (base, _) => base,
                };
                let Ok(names) =
                    self.io
                        .fs
                        .list(&self.process.os.view, &self.process.os.cwd, directory)
                else {
                    continue;
                };
                next.extend(
                    names
                        .into_iter()
                        .filter(|name| {
                            (component.starts_with('.') || !name.starts_with('.'))
                                && expand::glob_match(component, name)
                        })
                        .map(|name| join(base, &name)),
                );
            }
            matches = next;
            if matches.is_empty() {
                return matches;
            }
        }
        matches.retain(|path| {
            self.io
                .fs
                .lookup(&self.process.os.view, &self.process.os.cwd, path)
                .is_ok()
        });
        crate::sort::sort(&mut matches);
        matches
    }
}
