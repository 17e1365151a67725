//! The plain data the studio hands out: a typed command, a terminal entry,
//! a scrubber marker, and the rows of the Events and Status panels. Data
//! only; the studio fills them.

use crate::clock::SimTime;

/// A command typed into the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypedCommand {
    /// When it was typed, in virtual time.
    pub at: SimTime,
    /// The line as typed.
    pub line: String,
    /// Its here-document body, if pasted with one.
    pub stdin: Option<String>,
}

/// One entry of the terminal: a command with its prompt, or output.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TerminalEntry {
    /// A command as typed, after the prompt it was typed at.
    Command { prompt: String, line: String },
    /// What a command (or a followed stream) printed to stdout.
    Output(String),
    /// What it printed to stderr.
    Error(String),
}

/// A mark on the scrubber: something happened to the pod then.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Marker {
    /// When.
    pub time: SimTime,
    /// A warning (red) or a normal event.
    pub warning: bool,
    /// What happened, in kubelet's words.
    pub label: String,
}

/// When the scrubber's marks were read: (rebuild generation, timeline count).
pub(super) type MarkersKey = (u64, u64);

/// One row of the Events panel (`kubectl get events`' columns).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EventRow {
    /// LAST SEEN, as kubectl prints it.
    pub last_seen: String,
    /// `Normal` or `Warning`.
    pub event_type: String,
    /// REASON.
    pub reason: String,
    /// OBJECT, e.g. `pod/my-podzz`.
    pub object: String,
    /// MESSAGE.
    pub message: String,
    /// How many times it was seen.
    pub count: u32,
}

/// One row of the status panel (`kubectl get pods`' columns).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StatusRow {
    /// NAME.
    pub name: String,
    /// READY, e.g. `1/2`.
    pub ready: String,
    /// STATUS, e.g. `Running` or `Init:0/1`.
    pub status: String,
    /// RESTARTS, as kubectl prints it.
    pub restarts: String,
    /// AGE.
    pub age: String,
}
