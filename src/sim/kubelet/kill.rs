//! Stopping containers (`killContainer` in `kuberuntime_container.go`): the
//! `Killing` event, the preStop hook, SIGTERM (or the image's STOPSIGNAL),
//! and SIGKILL when the grace period is over.

use super::plan::{Flow, HookRun, Op, Stopping};
use super::schedule::PodKey;
use super::worker::{field_path, stop_signal, Reporter};
use super::Kubelet;
use crate::clock::SimTime;
use crate::sim::actions::RuntimeState;
use crate::sim::containers;
use crate::sim::events::EventType;
use crate::sim::reasons;

impl Kubelet {
    /// Step 2/3 of a sync: stops the running container `name` with a
    /// `Killing` event; its preStop hook runs first, else the stop signal.
    pub(super) fn kill_container(
        &mut self,
        key: &PodKey,
        name: String,
        message: String,
        now: SimTime,
        reporter: &mut Reporter<'_>,
    ) -> Flow {
        let Some(worker) = self.workers.get_mut(key) else {
            return Flow::Next;
        };
        let Some(newest) = worker.runtime.find(&name).cloned() else {
            return Flow::Next;
        };
        if newest.state != RuntimeState::Running {
            return Flow::Next;
        }
        let field_path = field_path(&worker.pod, &name);
        reporter.pod_event(
            worker,
            &field_path,
            EventType::Normal,
            reasons::KILLING_CONTAINER,
            message,
        );
        let Some(instance) = worker
            .instances
            .get(&(name.clone(), newest.attempt))
            .copied()
        else {
            return Flow::Next;
        };
        let pre_stop = worker
            .pod
            .spec
            .container(&name)
            .and_then(|c| c.lifecycle.as_ref())
            .and_then(|l| l.pre_stop.clone());
        let hook = match pre_stop {
            Some(handler) => match (&handler.exec, &handler.sleep) {
                (Some(exec), _) => {
                    match self
                        .runtime
                        .exec(instance.process, exec.command.clone(), now)
                    {
                        Ok((process, _)) => {
                            self.hook_processes.insert(process, key.clone());
                            Some(HookRun::Process(process))
                        }
                        Err(_) => None,
                    }
                }
                (None, Some(sleep)) => {
                    Some(HookRun::Until(now + sleep.seconds.max(0) as u64 * 1000))
                }
                (None, None) => None,
            },
            None => None,
        };
        if hook.is_none() {
            let signal = stop_signal(&worker.pod, &name);
            containers::signal_container(&mut self.runtime, &instance, signal);
        }
        worker.stopping.push(Stopping {
            name,
            attempt: newest.attempt,
            hook,
        });
        Flow::Next
    }

    /// Waits until the stopped containers exit: a preStop hook that ended is
    /// followed by SIGTERM, and at `deadline` the rest get SIGKILL.
    pub(super) fn await_stopped(&mut self, key: &PodKey, deadline: SimTime, now: SimTime) -> Flow {
        let Some(worker) = self.workers.get_mut(key) else {
            return Flow::Next;
        };
        // A preStop hook that has ended is followed by SIGTERM.
        let mut next_hook_end: Option<SimTime> = None;
        for stopping in &mut worker.stopping {
            let ended = match stopping.hook {
                None => continue,
                Some(HookRun::Process(process)) => self.runtime.exit_code(process).is_some(),
                Some(HookRun::Until(until)) => {
                    next_hook_end = Some(next_hook_end.map_or(until, |t| t.min(until)));
                    now >= until
                }
            };
            if ended {
                stopping.hook = None;
                if let Some(instance) = worker
                    .instances
                    .get(&(stopping.name.clone(), stopping.attempt))
                {
                    containers::signal_container(&mut self.runtime, instance, 15);
                }
            }
        }
        let still_running: Vec<Stopping> = worker
            .stopping
            .iter()
            .filter(|stopping| {
                worker.runtime.containers.iter().any(|c| {
                    c.name == stopping.name
                        && c.attempt == stopping.attempt
                        && c.state == RuntimeState::Running
                })
            })
            .cloned()
            .collect();
        if still_running.is_empty() {
            worker.stopping.clear();
            return Flow::Next;
        }
        if now < deadline {
            let wake = next_hook_end
                .filter(|t| *t > now)
                .map_or(deadline, |t| t.min(deadline));
            return Flow::Wait(wake, Op::AwaitStopped { deadline });
        }
        // The grace period is over: SIGKILL, which no process survives.
        for stopping in &still_running {
            if let Some(instance) = worker
                .instances
                .get(&(stopping.name.clone(), stopping.attempt))
            {
                containers::signal_container(&mut self.runtime, instance, 9);
            }
            if let Some(HookRun::Process(process)) = stopping.hook {
                self.runtime
                    .signal(process, crate::runtime::SignalTarget::Process, 9);
            }
        }
        Flow::Wait(now + 1, Op::AwaitStopped { deadline })
    }
}
