//! The program ABI: what the process layer knows of a program. A program is
//! a small state machine whose `step` does what it can now and says whether it
//! exited, wants to go on, or waits ([`Wait`]); it reaches the node only
//! through [`Sys`]. The programs themselves live in `programs/`, above this.

use super::fs::View;
use super::pipes::{Endpoint, ListenAddress, PipeId};
use super::Io;
use crate::clock::SimTime;
use std::collections::BTreeMap;

/// A process's identity in the runtime (not its PID inside the container).
pub type ProcessId = u64;

/// What a blocked process waits for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wait {
    /// A virtual time (a sleep, or the next time slice).
    Until(SimTime),
    /// Children to exit.
    Children(Vec<ProcessId>),
    /// Data (or the end) on a pipe.
    ReadPipe(PipeId),
    /// Room in a pipe.
    WritePipe(PipeId),
    /// A file to change size (`tail -f`).
    FileGrowth {
        file: super::fs::InodeId,
        seen: usize,
    },
    /// A connection on a listening socket.
    Accept(ListenAddress),
    /// A connection on any of several listening sockets.
    AcceptAny(Vec<ListenAddress>),
}

/// What a program's step ended with.
pub enum Step {
    /// The program exited with this code.
    Exit(i32),
    /// The program made progress and wants to run again (after its output is delivered).
    Continue,
    /// The program waits.
    Block(Wait),
}

/// What a program may use while it runs.
pub struct Sys<'a, 'b> {
    pub io: &'a mut Io<'b>,
    pub view: &'a View,
    pub cwd: &'a str,
    pub stdin: Endpoint,
    pub out: &'a mut Vec<u8>,
    pub err: &'a mut Vec<u8>,
    /// The shell's variables; those in `exported` are the environment.
    pub variables: &'a BTreeMap<String, String>,
    pub exported: &'a std::collections::BTreeSet<String>,
    pub hostname: &'a str,
    /// The pod's network namespace, once the sandbox has one.
    pub network: Option<&'a super::net::PodNetwork>,
    /// Whether the image's tools are busybox's (output formats differ).
    pub busybox: bool,
    /// The image's programs.
    pub tools: super::images::Tools,
    /// The PID namespace the program runs in (for `/proc`).
    pub pid_namespace: usize,
    /// The PID of the process running the program, and its arguments.
    pub own_pid: u32,
    pub own_argv: &'a [String],
    /// The next free PID of the namespace, for a program that forks helper
    /// processes (nginx's worker).
    pub next_pid: &'a std::cell::Cell<u32>,
}

/// A process a program forked to help it (nginx's worker), as `ps` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forked {
    /// Its PID in the namespace.
    pub pid: u32,
    /// Its user id (nginx's workers run as `nginx`, uid 101).
    pub uid: u32,
    /// Its process title.
    pub command: String,
}

/// A running program.
pub trait Program {
    fn step(&mut self, sys: &mut Sys) -> Step;

    /// A signal for the program (other than SIGKILL); true when it handles it
    /// (its next step acts on it), false when the default action applies.
    fn signal(&mut self, _signal: i32) -> bool {
        false
    }

    /// Memory the program holds beyond its binary's resident size, in bytes
    /// (redis's dataset); what a container's memory limit is checked against.
    fn memory_bytes(&self) -> u64 {
        0
    }

    /// The title the program gives its process in `ps` when it renames
    /// itself (nginx's `nginx: master process nginx -g daemon off;`), given
    /// the command line it was started with.
    fn title(&self, _command: &str) -> Option<String> {
        None
    }

    /// The helper processes the program forked, its children in `ps`.
    fn forked(&self) -> Vec<Forked> {
        Vec::new()
    }
}

/// What `ps` and `kill` see of a process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcessInfo {
    /// The runtime's identity of the process.
    pub id: ProcessId,
    /// Its PID namespace (one per container unless shared).
    pub namespace: usize,
    /// Its PID in that namespace.
    pub pid: u32,
    /// Its parent's PID (0 for the first process).
    pub parent: u32,
    /// Its command line.
    pub command: String,
    /// Its arguments, as `/proc/PID/cmdline` holds them.
    pub argv: Vec<String>,
    /// When it started.
    pub started: SimTime,
    /// Its terminal (`pts/0`), if it has one.
    pub tty: Option<&'static str>,
    /// The program it runs in the foreground as its child: PID and command line.
    pub foreground: Option<(u32, String)>,
    /// Processes its program forked (nginx's worker), children of the
    /// program's PID.
    pub forked: Vec<Forked>,
    /// Memory its program holds beyond its binary (redis's dataset), in bytes.
    pub held_bytes: u64,
}

/// Which part of a process a signal is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignalTarget {
    /// The process (a shell, or the program that is PID 1).
    Process,
    /// The program the shell runs in the foreground (its child).
    Foreground,
}
