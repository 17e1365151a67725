//! The pod worker's sync (`SyncPod` in `kuberuntime_manager.go`): volumes
//! first, then `compute_pod_actions`, then its numbered steps as a queue of
//! operations worked through on the clock, and the requeue (`completeWork`).

use super::plan::{Flow, Op, Slot, StartStage, SyncError};
use super::schedule::{
    KubeletEvent, PodKey, ERROR_REQUEUE_MILLIS, MAX_MOUNT_RETRY_MILLIS, MINIMUM_GRACE_MILLIS,
    MOUNT_RETRY_MILLIS, RESYNC_MILLIS, SANDBOX_CREATION_MILLIS,
};
use super::worker::{plan_kill_pod, Reporter};
use super::Kubelet;
use crate::clock::SimTime;
use crate::sim::actions::{compute_pod_actions, RuntimeSandbox};
use crate::sim::containers;
use crate::sim::events::{EventType, Happening};
use crate::sim::ids::runtime_id;
use crate::sim::objects::ObjectStore;
use crate::sim::reasons;

impl Kubelet {
    /// One sync of the pod worker.
    pub(super) fn sync(
        &mut self,
        key: &PodKey,
        now: SimTime,
        objects: &ObjectStore,
        reporter: &mut Reporter<'_>,
    ) {
        let Some(worker) = self.workers.get_mut(key) else {
            return;
        };
        if worker.busy {
            worker.pending_sync = true;
            return;
        }
        worker.busy = true;
        worker.sync_error = None;
        worker.plan.clear();
        if let Some(grace) = worker.deletion {
            // SyncTerminatingPod: stop everything, then the sandbox, then forget the pod.
            plan_kill_pod(worker, grace, now);
            worker.plan.push_back(Op::Remove);
            self.continue_plan(key, now, objects, reporter);
            return;
        }
        if worker.evicted.is_some() && !worker.terminal {
            // Evicted: stop everything for good; the pod stays, Failed.
            plan_kill_pod(worker, MINIMUM_GRACE_MILLIS, now);
            worker.terminal = true;
            self.continue_plan(key, now, objects, reporter);
            return;
        }
        if worker.terminal {
            worker.busy = false;
            return;
        }
        // WaitForAttachAndMount: volumes before anything else.
        if worker.volumes.is_none() {
            match containers::set_up_volumes(
                &mut self.runtime.fs,
                self.node_root,
                &worker.pod,
                &worker.uid,
                objects,
            ) {
                Ok(volumes) => {
                    worker.volumes = Some(volumes);
                    worker.mount_failures = 0;
                }
                Err(error) => {
                    reporter.pod_event(
                        worker,
                        "",
                        EventType::Warning,
                        reasons::FAILED_MOUNT_VOLUME,
                        reasons::mount_failed(&error.volume, &error.message),
                    );
                    let delay = (MOUNT_RETRY_MILLIS << worker.mount_failures.min(20))
                        .min(MAX_MOUNT_RETRY_MILLIS);
                    worker.mount_failures += 1;
                    worker.busy = false;
                    self.schedule_sync(key, now + delay);
                    return;
                }
            }
        }

        // Step 1: compute sandbox and container changes.
        let actions = compute_pod_actions(&worker.pod, &worker.runtime);
        // Step 2: kill the pod if the sandbox changed or nothing is left to run.
        if actions.kill_pod {
            let grace = worker.pod_grace_millis();
            plan_kill_pod(worker, grace, now);
            if !actions.create_sandbox {
                worker.terminal = true;
            }
        }
        // Step 3: kill the containers that should not keep running.
        for kill in &actions.containers_to_kill {
            worker.plan.push_back(Op::Kill {
                name: kill.name.clone(),
                message: kill.message.clone(),
            });
        }
        if !actions.containers_to_kill.is_empty() {
            worker.plan.push_back(Op::AwaitStopped {
                deadline: now + worker.pod_grace_millis(),
            });
        }
        // Step 4: create the sandbox.
        if actions.create_sandbox {
            worker.plan.push_back(Op::CreateSandbox {
                attempt: actions.attempt,
                done: false,
            });
        }
        // Step 6: init containers; step 8: app containers.
        for &index in &actions.init_containers_to_start {
            worker.plan.push_back(Op::Start {
                slot: Slot { init: true, index },
                stage: StartStage::Begin,
            });
        }
        for &index in &actions.containers_to_start {
            worker.plan.push_back(Op::Start {
                slot: Slot { init: false, index },
                stage: StartStage::Begin,
            });
        }
        self.continue_plan(key, now, objects, reporter);
    }

    /// Works through the sync's operations until one has to wait or none is left.
    pub(super) fn continue_plan(
        &mut self,
        key: &PodKey,
        now: SimTime,
        objects: &ObjectStore,
        reporter: &mut Reporter<'_>,
    ) {
        loop {
            let Some(op) = self.workers.get_mut(key).and_then(|w| {
                w.waiting = None;
                w.plan.pop_front()
            }) else {
                self.complete_work(key, now);
                return;
            };
            // Stopping a container changes the status only when it exits,
            // which `observe` notes; the other operations change it now.
            if !matches!(op, Op::Kill { .. } | Op::AwaitStopped { .. } | Op::EndSync) {
                self.dirty.insert(key.clone());
            }
            match self.execute(key, op, now, objects, reporter) {
                Flow::Next => {}
                Flow::Wait(time, op) => {
                    let Some(worker) = self.workers.get_mut(key) else {
                        return;
                    };
                    worker.plan.push_front(op);
                    worker.waiting = Some((now, time));
                    worker.resume_generation += 1;
                    let generation = worker.resume_generation;
                    self.scheduled.push((
                        time,
                        KubeletEvent::Resume {
                            key: key.clone(),
                            generation,
                        },
                    ));
                    return;
                }
                Flow::Abort => {
                    if let Some(worker) = self.workers.get_mut(key) {
                        worker.plan.clear();
                    }
                    self.complete_work(key, now);
                    return;
                }
            }
        }
    }

    /// The sync is over: requeue the worker (`completeWork`).
    pub(super) fn complete_work(&mut self, key: &PodKey, now: SimTime) {
        let Some(worker) = self.workers.get_mut(key) else {
            return;
        };
        worker.busy = false;
        let delay = if worker.pending_sync || (worker.deletion.is_some() && !worker.terminal) {
            worker.pending_sync = false;
            0
        } else if worker.terminal {
            return;
        } else {
            match worker.sync_error {
                None => RESYNC_MILLIS,
                Some(SyncError::BackOffUntil(until)) => (until - now).min(RESYNC_MILLIS),
                Some(SyncError::Other) => ERROR_REQUEUE_MILLIS,
            }
        };
        self.schedule_sync(key, now + delay);
    }

    pub(super) fn execute(
        &mut self,
        key: &PodKey,
        op: Op,
        now: SimTime,
        objects: &ObjectStore,
        reporter: &mut Reporter<'_>,
    ) -> Flow {
        match op {
            Op::Kill { name, message } => self.kill_container(key, name, message, now, reporter),
            Op::AwaitStopped { deadline } => self.await_stopped(key, deadline, now),
            Op::EndSync => Flow::Abort,
            Op::StopSandbox => {
                let Some(worker) = self.workers.get_mut(key) else {
                    return Flow::Next;
                };
                if let Some(sandbox) = worker.sandbox.take() {
                    reporter.note(worker, Happening::SandboxStopped);
                    // StopPodSandbox tears the network down (`CNI DEL`).
                    if let Some(runtime_sandbox) = &worker.runtime.sandbox {
                        let sandbox_id = runtime_id(&worker.uid, "POD", runtime_sandbox.attempt);
                        self.ipam.release(&sandbox_id);
                    }
                    if let Some((_, stopped)) = &mut worker.sandbox_times {
                        *stopped = Some(now);
                    }
                    self.runtime
                        .signal(sandbox.pause, crate::runtime::SignalTarget::Process, 9);
                    if let Some(runtime_sandbox) = &mut worker.runtime.sandbox {
                        runtime_sandbox.ready = false;
                    }
                }
                Flow::Next
            }
            Op::CreateSandbox {
                attempt,
                done: false,
            } => Flow::Wait(
                now + SANDBOX_CREATION_MILLIS,
                Op::CreateSandbox {
                    attempt,
                    done: true,
                },
            ),
            Op::CreateSandbox {
                attempt,
                done: true,
            } => self.create_sandbox(key, attempt, now, reporter),
            Op::Start { slot, stage } => self.start(key, slot, stage, now, objects, reporter),
            Op::Remove => {
                if let Some(worker) = self.workers.remove(key) {
                    reporter.note(&worker, Happening::PodRemoved);
                    let node = containers::node_view(self.node_root);
                    let pod_dir = format!("/var/lib/kubelet/pods/{}", worker.uid);
                    // The emptyDirs go with the pod; hostPath directories stay.
                    let _ = self.runtime.fs.remove(&node, "/", &pod_dir, true);
                    self.processes.retain(|_, (k, _, _)| k != key);
                    // Its containers' memory cgroups go.
                    for instance in worker.instances.values() {
                        self.runtime.remove_memory_cgroup(instance.root);
                    }
                    // And its containers' logs (`/var/log/pods/<pod>/`).
                    self.remove_logs(worker.instances.values().map(|i| i.log));
                }
                self.removed.push(key.clone());
                Flow::Next
            }
        }
    }

    /// Step 4 done: the sandbox gets its address (`CNI ADD`) and runs, or
    /// the sync fails with `FailedCreatePodSandBox` when there is none.
    fn create_sandbox(
        &mut self,
        key: &PodKey,
        attempt: u32,
        now: SimTime,
        reporter: &mut Reporter<'_>,
    ) -> Flow {
        let Some(worker) = self.workers.get_mut(key) else {
            return Flow::Next;
        };
        let sandbox_id = runtime_id(&worker.uid, "POD", attempt);
        let ip = match self.ipam.allocate(&sandbox_id) {
            Ok(ip) => ip,
            Err(cni_error) => {
                // The sandbox never runs: the sync fails and is
                // retried after the worker's back-off period.
                let message = containers::sandbox_network_failure(
                    &sandbox_id,
                    &worker.pod.metadata.name,
                    &key.0,
                    &cni_error,
                );
                reporter.pod_event(
                    worker,
                    "",
                    EventType::Warning,
                    reasons::FAILED_CREATE_POD_SANDBOX,
                    message,
                );
                worker.sync_error = Some(SyncError::Other);
                return Flow::Abort;
            }
        };
        self.sandboxes_created += 1;
        let serial = self.sandboxes_created;
        let sandbox = containers::run_pod_sandbox(&mut self.runtime, &worker.pod, ip, serial, now);
        worker.pod_ip = Some(sandbox.network.ip_text());
        worker.sandbox_times = Some((now, None));
        reporter.note(
            worker,
            Happening::SandboxReady {
                ip: sandbox.network.ip_text(),
            },
        );
        worker.sandbox = Some(sandbox);
        worker.runtime.sandbox = Some(RuntimeSandbox {
            attempt,
            ready: true,
        });
        self.schedule_relist(key, now);
        Flow::Next
    }
}
