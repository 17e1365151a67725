//! A package manager run: works out its plan on the first step, prints it
//! chunk by chunk on the virtual clock, then writes the files.

use super::plan::Plan;
use super::{apt, yum};
use crate::runtime::program::{Program, Step, Sys, Wait};

/// A package manager run: its output in timed chunks, worked out on the
/// first step, then the files it installs.
pub struct Installer {
    /// `apt-get`, `apt` or `yum`.
    tool: &'static str,
    /// Its arguments, until the plan is worked out.
    args: Vec<String>,
    /// What is left to print (last chunk first) and to install.
    plan: Plan,
    /// Whether the plan was worked out.
    started: bool,
    /// When the next chunk is due.
    due: Option<crate::clock::SimTime>,
}

impl Installer {
    /// `apt-get`, `apt` or `yum` with its arguments.
    pub fn new(tool: &'static str, args: &[String]) -> Installer {
        Installer {
            tool,
            args: args.to_vec(),
            plan: Plan::default(),
            started: false,
            due: None,
        }
    }

    /// Works out what the run prints and installs.
    fn work_out(&mut self, sys: &Sys) {
        let args = std::mem::take(&mut self.args);
        let words: Vec<&str> = args
            .iter()
            .map(String::as_str)
            .filter(|a| !a.starts_with('-'))
            .collect();
        let yes = args.iter().any(|a| a == "-y" || a == "--yes");
        let plan = &mut self.plan;
        match (self.tool, words.split_first()) {
            ("yum", Some((&"install", names))) => yum::install(plan, sys, names),
            ("yum", _) => {
                plan.say(0, "Loaded plugins: fastestmirror, ovl\n");
                plan.fail(1, "No such command. Use yum --help\n");
            }
            (tool, Some((&"update", _))) => apt::update(plan, tool),
            (_, Some((&"install", names))) => apt::install(plan, sys, names, yes),
            (tool, _) => {
                let line = format!("{tool}: only `update` and `install` are simulated\n");
                plan.fail(1, &line);
            }
        }
    }
}

impl Program for Installer {
    fn step(&mut self, sys: &mut Sys) -> Step {
        if !self.started {
            self.started = true;
            self.work_out(sys);
            self.plan.chunks.reverse();
        }
        let now = sys.io.now;
        if let Some((delay, _, _)) = self.plan.chunks.last() {
            match self.due {
                None => {
                    let due = now + *delay;
                    self.due = Some(due);
                    if due > now {
                        return Step::Block(Wait::Until(due));
                    }
                }
                Some(due) if due > now => return Step::Block(Wait::Until(due)),
                Some(_) => {}
            }
            self.due = None;
            if let Some((_, text, to_error)) = self.plan.chunks.pop() {
                let sink = if to_error {
                    &mut *sys.err
                } else {
                    &mut *sys.out
                };
                sink.extend(text.bytes());
            }
            return Step::Continue;
        }
        for file in std::mem::take(&mut self.plan.files) {
            if let Some((directory, _)) = file.rsplit_once('/') {
                let _ = sys.io.fs.make_directory(sys.view, "/", directory, true);
            }
            let contents = b"\x7fELF (installed by the package manager)\n";
            if let Err(failure) = sys.io.fs.write(sys.view, "/", &file, contents, false) {
                let line = format!("E: {file}: {}\n", failure.message());
                sys.err.extend(line.bytes());
                return Step::Exit(100);
            }
        }
        Step::Exit(self.plan.code)
    }
}
