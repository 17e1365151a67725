//! The whole playground as one value, UI-free: the editor's text and its
//! diagnostics, the cluster that runs it (through the kubectl console), the
//! commands typed so far with the virtual time each was typed at, the
//! terminal's transcript, and the time controls (play, speed, seek, step).
//!
//! **Replay is the model.** The editor's YAML is applied at time zero and
//! every typed command at its time; the cluster is a pure function of those
//! inputs. Editing the YAML or seeking back rebuilds the cluster from zero and
//! replays up to the same virtual time, so the page always shows what that
//! exact history gives. A command typed after seeking back drops the commands
//! that were typed later than it (as recording over a tape does).

mod ahead;
mod busy;
mod cpu;
mod rows;
mod views;

pub use rows::{EventRow, Marker, StatusRow, TerminalEntry, TypedCommand};

use rows::MarkersKey;

use crate::clock::SimTime;
use crate::kubectl::{complete, Completion, Console, Output, Stream};
use crate::layout::{layout_pod, Diagram};
use crate::runtime::Budget;
use crate::scene::{pod_scene, PodScene, PACKET_MILLIS};
use crate::sim::{Cluster, NODE_NAME};
use crate::spec::{parse_manifests, Diagnostic, Manifest, Parsed, Severity};
use std::cell::RefCell;
use std::rc::Rc;

/// The file the editor's text is applied from, in the console's directory.
pub const EDITOR_FILE: &str = "pod.yaml";

/// Virtual milliseconds one tick of the page's clock lasts at 1× (the page
/// ticks this often in real time, about 60 times a second).
pub const TICK_MILLIS: u64 = 16;

/// The speeds the time controls offer, in tenths (5 = 0.5×).
pub const SPEEDS: [u32; 8] = [5, 10, 20, 50, 100, 200, 300, 600];

/// The speed a playground starts at (1×).
pub const DEFAULT_SPEED: usize = 1;

/// How far "next event" looks ahead before giving up (10 minutes).
const STEP_LIMIT_MILLIS: u64 = 600_000;

/// The terminal keeps this many entries; older ones scroll away.
const MAX_TERMINAL_ENTRIES: usize = 500;

/// The longest output one entry keeps, in bytes; the rest is cut.
const MAX_ENTRY_BYTES: usize = 64 * 1024;

/// The playground.
pub struct Studio {
    /// The editor's text exactly as typed.
    pub yaml: String,
    /// Problems in `yaml`, in document order.
    pub diagnostics: Vec<Diagnostic>,
    /// The text the cluster runs: the last one without errors.
    applied: String,
    /// The objects read from `applied`.
    manifests: Vec<Manifest>,
    /// What `applied` reads as, from the edit that made it, until the next
    /// rebuild hands it to the console (so the text is read once, not twice).
    applied_reading: Option<Parsed>,
    /// Files the console's directory holds besides the editor's (an
    /// example's Services, for `kubectl apply -f`).
    files: Vec<(String, String)>,
    /// The pod the diagram shows: the first pod of `applied` (namespace, name).
    focus: Option<(String, String)>,
    /// The diagram's geometry, from the focused pod's spec.
    layout: Option<Diagram>,
    /// The console and its cluster, at the current virtual time.
    console: Console,
    /// Every command typed, in order of their times.
    commands: Vec<TypedCommand>,
    /// How many of `commands` the cluster has run.
    replayed: usize,
    /// The terminal's transcript, shared with the page (copied on write).
    terminal: Rc<Vec<TerminalEntry>>,
    /// Whether the clock runs.
    pub playing: bool,
    /// The index into [`SPEEDS`].
    pub speed: usize,
    /// The virtual time the run is heading for, when it is not there yet.
    goal: Option<SimTime>,
    /// Run ahead in slices: seeks, ticks and rebuilds only set off, and
    /// [`Studio::run_ahead`] gets there piece by piece (the page's engine).
    pub sliced: bool,
    /// Bumped at every rebuild, so caches of the old run are not reused.
    generation: u64,
    /// The focused pod's containers' CPU at the last advance, and which was
    /// busiest over it.
    cpu: cpu::CpuReading,
    /// The scrubber's marks, with the (generation, timeline count) they were read at.
    markers_cache: RefCell<Option<(MarkersKey, Rc<Vec<Marker>>)>>,
}

impl Studio {
    /// A playground running `yaml`, with `files` beside it, at time zero.
    pub fn new(yaml: String, files: Vec<(String, String)>) -> Studio {
        let mut studio = Studio {
            yaml: String::new(),
            diagnostics: Vec::new(),
            applied: String::new(),
            manifests: Vec::new(),
            applied_reading: None,
            files,
            focus: None,
            layout: None,
            console: Console::new(),
            commands: Vec::new(),
            replayed: 0,
            terminal: Rc::default(),
            playing: false,
            speed: DEFAULT_SPEED,
            goal: None,
            sliced: false,
            generation: 0,
            cpu: cpu::CpuReading::default(),
            markers_cache: RefCell::new(None),
        };
        studio.edit(yaml);
        studio
    }

    /// Replaces the editor's text. Text without errors becomes what the
    /// cluster runs: the run is rebuilt and brought back to the same time.
    pub fn edit(&mut self, yaml: String) {
        let parsed = parse_manifests(&yaml);
        self.diagnostics = parsed.diagnostics().cloned().collect();
        let manifests: Vec<Manifest> = parsed
            .documents
            .iter()
            .filter_map(|d| d.manifest.clone())
            .collect();
        let runnable = !parsed.has_errors() && yaml != self.applied;
        // A change of comments or layout only, before any command ran: the
        // same objects give the same run, so only the file changes.
        if runnable
            && manifests == self.manifests
            && self.replayed == 0
            && !self.terminal.is_empty()
        {
            self.console.write_file(EDITOR_FILE, &yaml);
            self.applied = yaml.clone();
            self.yaml = yaml;
            return;
        }
        if runnable {
            self.manifests = manifests;
            self.focus =
                parsed
                    .documents
                    .iter()
                    .find_map(|document| match document.manifest.as_ref()? {
                        Manifest::Pod(pod) => {
                            Some((pod.namespace().to_string(), pod.metadata.name.clone()))
                        }
                        _ => None,
                    });
            self.layout = parsed.first_pod().map(|pod| layout_pod(pod, NODE_NAME));
            self.applied = yaml.clone();
            self.applied_reading = Some(parsed);
        }
        self.yaml = yaml;
        if runnable || self.terminal.is_empty() {
            let time = self.heading();
            self.rebuild(time);
        }
    }

    /// The current virtual time.
    pub fn now(&self) -> SimTime {
        self.console.cluster().now()
    }

    /// Whether the editor's text has errors (the cluster runs an older text).
    pub fn has_errors(&self) -> bool {
        self.applied != self.yaml
            && self
                .diagnostics
                .iter()
                .any(|d| d.severity() == Severity::Error)
    }

    /// The diagram's geometry, if the running text has a pod.
    pub fn layout(&self) -> Option<&Diagram> {
        self.layout.as_ref()
    }

    /// The picture of the focused pod now.
    pub fn scene(&self) -> Option<PodScene> {
        let (namespace, name) = self.focus.as_ref()?;
        let speed = u64::from(SPEEDS[self.speed]).max(10);
        pod_scene(
            self.console.cluster(),
            namespace,
            name,
            PACKET_MILLIS * speed / 10,
        )
    }

    /// The cluster at the current time, read-only (a lesson's checks read
    /// any pod, log and Service from it).
    pub fn cluster(&self) -> &Cluster {
        self.console.cluster()
    }

    /// The terminal's transcript.
    pub fn terminal(&self) -> &[TerminalEntry] {
        &self.terminal
    }

    /// The terminal's transcript, shared: the page keeps it without a copy.
    pub fn shared_terminal(&self) -> Rc<Vec<TerminalEntry>> {
        Rc::clone(&self.terminal)
    }

    /// The prompt the terminal shows now (`$ `, or an exec'd shell's).
    pub fn prompt(&self) -> String {
        self.console.prompt()
    }

    /// The commands typed so far, oldest first (the terminal's history).
    pub fn history(&self) -> impl Iterator<Item = &str> {
        self.commands
            .iter()
            .map(|c| c.line.as_str())
            .filter(|line| !line.trim().is_empty())
    }

    /// Every command typed, with its time and here-document, oldest first.
    pub fn commands(&self) -> &[TypedCommand] {
        &self.commands
    }

    /// What Tab does to `line` in the terminal.
    pub fn complete(&self, line: &str) -> Completion {
        complete(line, self.console.cluster())
    }

    /// Ctrl-C: stops a stream (`get -w`, `logs -f`). Recorded as an empty
    /// command, which ends a stream the same way when replayed.
    pub fn interrupt(&mut self) {
        self.type_command(String::new(), None);
    }

    /// Runs a command typed now; commands typed later than now (after a seek
    /// back) are dropped first.
    pub fn type_command(&mut self, line: String, stdin: Option<String>) {
        let now = self.now();
        self.commands.truncate(self.replayed);
        self.commands.push(TypedCommand {
            at: now,
            line,
            stdin,
        });
        self.run_due(now, &mut Budget::unlimited());
    }

    /// Advances the clock by one tick of the page, when playing and not
    /// already on the way somewhere.
    pub fn tick(&mut self) {
        if self.playing && self.goal.is_none() {
            let millis = TICK_MILLIS * u64::from(SPEEDS[self.speed]) / 10;
            let target = self.now() + millis;
            self.seek(target);
        }
    }

    /// Brings the playground to virtual time `time`, forward by running,
    /// backward by replaying from zero (a sliced studio only sets off).
    pub fn seek(&mut self, time: SimTime) {
        if time < self.now() {
            self.rebuild(time);
        } else {
            self.set_off(time);
        }
    }

    /// Runs until the next thing happens to the focused pod (an event, a
    /// container starting or exiting), ten minutes ahead at most.
    pub fn step(&mut self) {
        self.goal = None;
        let start = self.now();
        let limit = start + STEP_LIMIT_MILLIS;
        let mut seen = self.console.cluster().timeline_noted();
        while self.now() < limit {
            let next_command = self.commands.get(self.replayed).map(|c| c.at);
            match next_command {
                Some(at) if at <= self.now() => {
                    self.run_due(self.now(), &mut Budget::unlimited());
                    return;
                }
                _ => {}
            }
            let until = next_command.map_or(limit, |at| at.min(limit));
            let output = self.console.step_once(until);
            self.record_output(output);
            if self.now() > start && self.focus_happened_after(seen) {
                return;
            }
            seen = self.console.cluster().timeline_noted();
        }
    }

    /// Whether a timeline entry about the focused pod was noted after the
    /// first `noted` (only the new entries are read).
    fn focus_happened_after(&self, noted: u64) -> bool {
        let Some((namespace, name)) = self.focus.as_ref() else {
            return false;
        };
        self.console
            .cluster()
            .timeline_after(noted)
            .any(|entry| entry.namespace == *namespace && entry.pod == *name)
    }

    /// Starts over from zero and replays up to `time`.
    fn rebuild(&mut self, time: SimTime) {
        let mut console = Console::new();
        match self.applied_reading.take() {
            Some(parsed) => console.write_read_file(EDITOR_FILE, &self.applied, parsed),
            None => console.write_file(EDITOR_FILE, &self.applied),
        }
        for (name, contents) in &self.files {
            console.write_file(name, contents);
        }
        self.console = console;
        self.generation += 1;
        self.cpu = cpu::CpuReading::default();
        self.terminal = Rc::default();
        self.replayed = 0;
        if !self.applied.is_empty() {
            let line = format!("kubectl apply -f {EDITOR_FILE}");
            self.execute(&line, None);
        }
        self.set_off(time);
    }

    /// Runs one command in the console and records it and its output.
    pub(super) fn execute(&mut self, line: &str, stdin: Option<&str>) {
        let prompt = self.console.prompt();
        self.push(TerminalEntry::Command {
            prompt,
            line: line.to_string(),
        });
        let output = self.console.execute(line, stdin);
        self.record_output(output);
    }

    pub(super) fn record_output(&mut self, output: Output) {
        for (stream, mut text) in output.chunks {
            if text.len() > MAX_ENTRY_BYTES {
                let mut cut = MAX_ENTRY_BYTES;
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                text.truncate(cut);
                text.push_str("\n…\n");
            }
            let entry = match stream {
                Stream::Stdout => TerminalEntry::Output(text),
                Stream::Stderr => TerminalEntry::Error(text),
            };
            self.push(entry);
        }
    }

    fn push(&mut self, entry: TerminalEntry) {
        let terminal = Rc::make_mut(&mut self.terminal);
        if terminal.len() == MAX_TERMINAL_ENTRIES {
            terminal.remove(0);
        }
        terminal.push(entry);
    }
}

#[cfg(test)]
mod tests;
