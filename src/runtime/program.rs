//! The program ABI: what the process layer knows of a program. A program is
//! a small state machine whose `step` does what it can now and says whether it
//! exited, wants to go on, or waits ([`Wait`]); it reaches the node only
//! through [`Sys`]. The programs themselves live in `programs/`, above this.

use super::fs::View;
pub use super::io::processes::{CpuTime, Forked, ProcessId, ProcessInfo, SignalTarget};
use super::io::Io;
use super::pipes::{Endpoint, ListenAddress, PipeId};
use super::shell::Flavor;
use crate::clock::SimTime;
use std::collections::BTreeMap;

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
    /// The shell that started the program, whose builtin it stands for
    /// (`printf`'s errors are worded by dash, bash or BusyBox ash).
    pub shell: Flavor,
    /// The image's programs.
    pub tools: &'a dyn ImageTools,
    /// The PID namespace the program runs in (for `/proc`).
    pub pid_namespace: usize,
    /// The PID of the process running the program, and its arguments.
    pub own_pid: u32,
    pub own_argv: &'a [String],
    /// The next free PID of the namespace, for a program that forks helper
    /// processes (nginx's worker).
    pub next_pid: &'a std::cell::Cell<u32>,
}

/// The programs an image has, as a program asks about them (`apt-get`
/// checks what is there already); the image catalog implements it.
pub trait ImageTools {
    /// Whether `program` (a name or a path) is one of the image's.
    fn has(&self, program: &str) -> bool;
}

/// A running program.
pub trait Program {
    fn step(&mut self, sys: &mut Sys) -> Step;

    /// A signal for the program (other than SIGKILL); true when it handles it
    /// (its next step acts on it), false when the default action applies.
    fn signal(&mut self, _signal: i32) -> bool {
        false
    }

    /// Whether the program is in a steady state: every step from now on
    /// does nothing but write the same output as the last one (`yes`), so
    /// a process running it may be found spinning. Such a step must not
    /// reach the node in any other way.
    fn steady(&self) -> bool {
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
