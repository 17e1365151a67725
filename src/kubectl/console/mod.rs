//! The console: one command line in, what a terminal would show out.
//!
//! It understands the shell-level commands a tutorial transcript uses around
//! kubectl (`sleep`, `echo`, `cat`, here-documents into files) and hands
//! `kubectl …` to the kubectl commands (`commands.rs`, a table). Before each
//! command the cluster runs every event due at the current virtual time, so
//! what is printed is the state "now". A line runs where the console's
//! `Mode` says: on the node, in an exec'd shell, or at redis-cli's prompt.

mod commands;
mod container_shell;
mod expand;
mod grammar;
mod mode;
mod node_shell;
mod redis_prompt;
mod suggest;
#[cfg(test)]
mod tests;

use self::mode::Mode;
use super::effect::Follow;
use super::files::{Files, ReadOnlyFiles};
use super::sink::Output;
use crate::clock::SimTime;
use crate::runtime::Budget;
use crate::sim::Cluster;
use crate::spec::Parsed;

pub use self::mode::NODE_PROMPT;

/// The console and the cluster it talks to.
pub struct Console {
    /// The simulated cluster.
    cluster: Cluster,
    /// The virtual working directory and the read-only folder behind it.
    files: Files,
    /// Where the next line runs: the node, an exec'd shell, or redis-cli.
    mode: Mode,
    /// `kubectl get pods -w` or `kubectl logs -f`, until the next command
    /// other than `sleep`.
    follow: Option<Follow>,
    /// The lines of a command not finished yet (`while true; do`), read on
    /// after the continuation prompt `> ` as bash does.
    unfinished: Option<String>,
    /// The functions defined at the node prompt: their names, and the
    /// lines that defined them, run before every later line the node's
    /// shell runs, so they stay defined as in one interactive bash.
    functions: (Vec<String>, String),
}

impl Default for Console {
    fn default() -> Self {
        Console::new()
    }
}

impl Console {
    /// A console on a fresh cluster with an empty working directory.
    pub fn new() -> Console {
        Console::with_files(Files::default())
    }

    /// A console that also reads files from `fallback` (after its own).
    pub fn with_fallback_files(fallback: Box<dyn ReadOnlyFiles>) -> Console {
        Console::with_files(Files::with_fallback(fallback))
    }

    fn with_files(files: Files) -> Console {
        Console {
            cluster: Cluster::new(),
            files,
            mode: Mode::Node,
            follow: None,
            unfinished: None,
            functions: (Vec::new(), String::new()),
        }
    }

    /// The simulated cluster.
    pub fn cluster(&self) -> &Cluster {
        &self.cluster
    }

    /// The prompt a terminal shows before the next command: `$ `, the
    /// shell's inside a `kubectl exec -it` session (`/ # `, `root@pod:/# `),
    /// or `> ` while a command is unfinished.
    pub fn prompt(&self) -> String {
        match self.unfinished {
            Some(_) => grammar::CONTINUATION_PROMPT.to_string(),
            None => self.mode.prompt(),
        }
    }

    /// Runs one command line; `stdin` is the body of its here-document, if any.
    pub fn execute(&mut self, line: &str, stdin: Option<&str>) -> Output {
        let mut output = Output::default();
        // Ctrl-C (typed as an empty line) drops an unfinished command, as
        // in bash.
        if line.is_empty() && self.unfinished.take().is_some() {
            return output;
        }
        let joined;
        let line = match self.unfinished.take() {
            Some(before) => {
                joined = format!("{before}\n{line}");
                joined.as_str()
            }
            None => line,
        };
        // A shell reads on after `while …; do` (redis-cli has no such lines;
        // a here-document's body came with the line).
        if stdin.is_none()
            && !matches!(self.mode, Mode::Redis { .. })
            && grammar::is_unfinished(line)
        {
            self.unfinished = Some(line.to_string());
            return output;
        }
        let now = self.cluster.now();
        self.cluster.run_until(now);
        // A watch or a followed log goes on through `sleep`s only.
        if !line.trim_start().starts_with("sleep") {
            self.follow = None;
        }
        let result = match self.mode.clone() {
            Mode::Redis { redis, .. } => self.redis_line(redis, line, &mut output),
            Mode::Shell(session) => self.session_line(session, line, &mut output),
            Mode::Node => self.dispatch(line, stdin, &mut output),
        };
        if let Err(error) = result {
            output.error(error);
        }
        output
    }

    /// Runs the cluster until `end`, printing what is followed (`get -w`,
    /// `logs -f`) as it comes, as a `sleep` in the terminal does.
    pub fn advance_to(&mut self, end: SimTime) -> Output {
        self.advance_within(end, &mut Budget::unlimited())
    }

    /// Like [`Console::advance_to`], but stops where `budget` runs out
    /// (perhaps inside an instant: [`Console::reached`] says whether it got
    /// to `end`); what is followed is read only at whole instants, so the
    /// terminal shows the same however the run is cut.
    pub fn advance_within(&mut self, end: SimTime, budget: &mut Budget) -> Output {
        let mut output = Output::default();
        while !self.reached(end) {
            if self.follow.is_none() {
                self.cluster.run_until_within(end, budget);
                break;
            }
            output.extend(self.step_within(end, budget));
            if self.cluster.mid_instant() {
                break;
            }
        }
        output
    }

    /// Whether the cluster has got to `time` with nothing left unfinished.
    pub fn reached(&self, time: SimTime) -> bool {
        self.cluster.now() >= time && !self.cluster.mid_instant()
    }

    /// Runs the cluster to its next instant (at most `limit`), printing what
    /// is followed.
    pub fn step_once(&mut self, limit: SimTime) -> Output {
        self.step_within(limit, &mut Budget::unlimited())
    }

    /// Like [`Console::step_once`] within `budget`; an instant left
    /// unfinished prints nothing until it is done.
    fn step_within(&mut self, limit: SimTime, budget: &mut Budget) -> Output {
        let mut output = Output::default();
        self.cluster.step_within(limit, budget);
        if self.cluster.mid_instant() {
            return output;
        }
        let Some(follow) = self.follow.as_mut() else {
            return output;
        };
        match follow.more(&self.cluster) {
            Some(text) if !text.is_empty() => output.stdout_raw(text),
            Some(_) => {}
            None => self.follow = None,
        }
        output
    }

    /// Puts a file in the console's working directory (what `cat > FILE` does).
    pub fn write_file(&mut self, name: &str, contents: &str) {
        self.files.write(name, contents);
    }

    /// Puts a file in the working directory together with what it reads as
    /// (`parse_manifests` of `contents`), used by the next apply of it.
    pub fn write_read_file(&mut self, name: &str, contents: &str, parsed: Parsed) {
        self.files.write_read(name, contents, parsed);
    }
}
