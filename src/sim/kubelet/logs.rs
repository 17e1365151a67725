//! The kubelet's container log manager (`pkg/kubelet/logs/container_log_manager.go`):
//! every `containerLogMonitorInterval` it rotates the log of each running
//! container whose current file has reached `containerLogMaxSize`; a
//! container's log files go when the container is removed. And the end of
//! a container's output, as containerd's logger meets it.

use super::schedule::LOG_MONITOR_MILLIS;
use super::{Kubelet, KubeletEvent};
use crate::clock::SimTime;
use crate::runtime::RuntimeEvent;
use crate::sim::actions::RuntimeState;

impl Kubelet {
    /// One monitor tick: `rotateLogs` lists the containers and queues those
    /// running ("Only rotate logs for running containers. Non-running
    /// containers won't generate new output"); each is rotated if its file
    /// is large enough (`runtime::ContainerLog::rotate`).
    pub(super) fn rotate_logs(&mut self, now: SimTime) {
        let next = (now + LOG_MONITOR_MILLIS, KubeletEvent::LogRotation);
        self.scheduled.push(next);
        for worker in self.workers.values() {
            let running = worker
                .runtime
                .containers
                .iter()
                .filter(|c| c.state == RuntimeState::Running);
            for container in running {
                let key = (container.name.clone(), container.attempt);
                if let Some(instance) = worker.instances.get(&key) {
                    if let Some(log) = self.runtime.log_mut(instance.log) {
                        log.rotate(now);
                    }
                }
            }
        }
    }

    /// Closes the logs of containers whose first process exited at `now`:
    /// the kernel ends the rest of the PID namespace, the output pipes reach
    /// EOF, and containerd writes what they left unfinished.
    pub(super) fn close_logs_of_exited(&mut self, events: &[RuntimeEvent], now: SimTime) {
        for event in events {
            let RuntimeEvent::Exited { process, .. } = event else {
                continue;
            };
            let Some((key, name, attempt)) = self.processes.get(process) else {
                continue;
            };
            let instance = self
                .workers
                .get(key)
                .and_then(|worker| worker.instances.get(&(name.clone(), *attempt)));
            if let Some(log) = instance.and_then(|i| self.runtime.log_mut(i.log)) {
                log.close(now);
            }
        }
    }

    /// Removes the log files of container instances the kubelet removed
    /// (`containerLogManager.Clean`, called as a container is removed).
    pub(super) fn remove_logs(&mut self, logs: impl IntoIterator<Item = usize>) {
        for log in logs {
            self.runtime.remove_log(log);
        }
    }
}
