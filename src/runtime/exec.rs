//! Starting processes and signalling them: a container's first process,
//! `kubectl exec` into a running container, signals to a process or its
//! foreground program, and the OOM killer's kill of a whole container.

use super::fs::InodeId;
use super::log::{ContainerLog, Format};
use super::process::{Launch, Process};
use super::program::{ProcessId, SignalTarget};
use super::{ExecError, Runtime};
use crate::clock::SimTime;

impl Runtime {
    /// Starts a container's first process (PID 1 of its namespace).
    pub fn spawn(&mut self, launch: Launch) -> ProcessId {
        let id = self.next_process;
        self.next_process += 1;
        self.processes
            .insert(Box::new(Process::launch(id, launch, &mut self.scripts)));
        id
    }

    /// Starts `argv` inside the container whose first process is `container`
    /// (as `kubectl exec` does): it joins that container's filesystem, network
    /// and PID namespace and writes to a new log of its own, returned with
    /// its id. A program the image lacks fails as runc reports it.
    pub fn exec(
        &mut self,
        container: ProcessId,
        argv: Vec<String>,
        now: SimTime,
    ) -> Result<(ProcessId, usize), ExecError> {
        let target = self
            .processes
            .get(&container)
            .ok_or(ExecError::ContainerNotRunning)?;
        if target.os.exit_code.is_some() {
            return Err(ExecError::ContainerNotRunning);
        }
        let program = argv.first().cloned().unwrap_or_default();
        if !target.has_program(&self.fs, &program) {
            return Err(ExecError::NotFound { program });
        }
        // A slot an exec released is reused (`Runtime::release`).
        let log = match self.free_logs.pop() {
            Some(slot) => slot,
            None => {
                self.logs.push(ContainerLog::new(Format::Terminal));
                self.logs.len() - 1
            }
        };
        let launch = target.sibling_launch(argv, log, now);
        Ok((self.spawn(launch), log))
    }

    /// Like [`Runtime::exec`], but `ps` shows the process as `shown` on the
    /// terminal `pts/0`: the console's interactive shell runs each typed line
    /// this way and appears as the `sh` or `bash` the learner started.
    pub fn exec_shown_as(
        &mut self,
        container: ProcessId,
        argv: Vec<String>,
        shown: Vec<String>,
        now: SimTime,
    ) -> Result<(ProcessId, usize), ExecError> {
        let (process, log) = self.exec(container, argv, now)?;
        if let Some(started) = self.processes.get_mut(&process) {
            started.show_as(shown, Some("pts/0"));
        }
        Ok((process, log))
    }

    /// Kills every live process of the container whose root is `root` at
    /// once, as the kernel's OOM killer does to a cgroup with `memory.oom.group`.
    pub fn kill_container(&mut self, root: InodeId) {
        let victims: Vec<ProcessId> = self
            .processes
            .iter()
            .filter(|(_, p)| p.os.exit_code.is_none() && p.container_root() == root)
            .map(|(id, _)| *id)
            .collect();
        for victim in victims {
            self.signal(victim, SignalTarget::Process, 9);
        }
    }

    /// Sends `signal` (15 for SIGTERM, 9 for SIGKILL, …) to a process or to
    /// its foreground program; it takes effect when the process next runs.
    pub fn signal(&mut self, process: ProcessId, target: SignalTarget, signal: i32) {
        self.unpark(process);
        if let Some(process) = self.processes.get_mut(&process) {
            if process.os.exit_code.is_none() {
                process.os.signals.push_back((target, signal));
            }
        }
    }
}
