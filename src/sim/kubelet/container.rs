//! Starting a container (`startContainer` in `kuberuntime_container.go`),
//! stage by stage: the back-off check, the image, create and start, the
//! postStart hook, and what a failed hook does.

use super::backoff::{do_back_off, BackOffDecision, CRASH_LOOP_BACK_OFF};
use super::image::pull_key;
use super::plan::{Flow, Op, Slot, StartStage, SyncError};
use super::schedule::{KubeletEvent, PodKey, CONTAINER_CREATION_MILLIS};
use super::worker::{container_at, failed_start, field_path, format_pod, Reporter};
use super::Kubelet;
use crate::clock::SimTime;
use crate::runtime::{images, ProcessId};
use crate::sim::actions::{ProbeResults, RuntimeContainer, RuntimeState};
use crate::sim::backoff::go_duration;
use crate::sim::containers;
use crate::sim::events::{EventType, Happening};
use crate::sim::ids::runtime_id;
use crate::sim::objects::ObjectStore;
use crate::sim::prober::ProbeKind;
use crate::sim::reasons;
use crate::spec::Container;
use std::rc::Rc;

impl Kubelet {
    /// One stage of starting a container (`start` and `startContainer`).
    pub(super) fn start(
        &mut self,
        key: &PodKey,
        slot: Slot,
        stage: StartStage,
        now: SimTime,
        objects: &ObjectStore,
        reporter: &mut Reporter<'_>,
    ) -> Flow {
        match stage {
            StartStage::Begin => self.back_off_then_image(key, slot, now, reporter),
            StartStage::Pulled(result) => self.pulled(key, slot, result, now, reporter),
            StartStage::Created => self.create_and_start(key, slot, now, objects, reporter),
            StartStage::PostStart(process) => {
                let failed = process
                    .is_some_and(|p| self.runtime.exit_code(p).is_some_and(|code| code != 0));
                let pod = self.workers.get(key).map(|worker| Rc::clone(&worker.pod));
                match pod.as_deref().and_then(|pod| container_at(pod, slot)) {
                    Some(container) if failed => {
                        self.post_start_failed(key, slot, container, now, reporter)
                    }
                    _ => Flow::Next,
                }
            }
        }
    }

    /// The image pull ended: `Pulled`, or `Failed` with ErrImagePull and the
    /// pull back-off's next step.
    fn pulled(
        &mut self,
        key: &PodKey,
        slot: Slot,
        result: Result<u64, String>,
        now: SimTime,
        reporter: &mut Reporter<'_>,
    ) -> Flow {
        let Some(worker) = self.workers.get_mut(key) else {
            return Flow::Next;
        };
        // The spec is shared, not copied, for each stage of each start.
        let pod = Rc::clone(&worker.pod);
        let Some(container) = container_at(&pod, slot) else {
            return Flow::Next;
        };
        let path = field_path(&pod, &container.name);
        let image = &container.image;
        match result {
            Ok(millis) => {
                self.images_present.insert(image.clone());
                let size = images::resolve(image).map_or(0, |i| i.size_bytes);
                let took = go_duration(millis);
                reporter.pod_event(
                    worker,
                    &path,
                    EventType::Normal,
                    reasons::PULLED_IMAGE,
                    reasons::pulled(image, &took, size),
                );
                Flow::Wait(
                    now + CONTAINER_CREATION_MILLIS,
                    Op::Start {
                        slot,
                        stage: StartStage::Created,
                    },
                )
            }
            Err(message) => {
                reporter.pod_event(
                    worker,
                    &path,
                    EventType::Warning,
                    reasons::FAILED,
                    reasons::pull_failed(image, &message),
                );
                self.pull_backoff
                    .next(&pull_key(&worker.uid, image), now, now);
                reporter.pod_event(
                    worker,
                    &path,
                    EventType::Warning,
                    reasons::FAILED,
                    reasons::start_error("ErrImagePull"),
                );
                worker.reasons.insert(
                    container.name.clone(),
                    ("ErrImagePull".to_string(), message),
                );
                worker.note_error(SyncError::Other);
                failed_start(slot, container)
            }
        }
    }

    /// A postStart hook failed: the container is killed and its start fails
    /// (`PostStartHookError`).
    pub(super) fn post_start_failed(
        &mut self,
        key: &PodKey,
        slot: Slot,
        container: &Container,
        now: SimTime,
        reporter: &mut Reporter<'_>,
    ) -> Flow {
        let Some(worker) = self.workers.get_mut(key) else {
            return Flow::Next;
        };
        let path = field_path(&worker.pod, &container.name);
        reporter.pod_event(
            worker,
            &path,
            EventType::Warning,
            reasons::FAILED_POST_START_HOOK,
            reasons::post_start_hook_failed(),
        );
        worker.reasons.insert(
            container.name.clone(),
            (
                "PostStartHookError".to_string(),
                reasons::post_start_hook_failed(),
            ),
        );
        worker.note_error(SyncError::Other);
        if slot.init && !container.is_restartable() {
            worker.plan.push_front(Op::EndSync);
        }
        let deadline = now + worker.pod_grace_millis();
        worker.plan.push_front(Op::AwaitStopped { deadline });
        worker.plan.push_front(Op::Kill {
            name: container.name.clone(),
            message: reasons::killing_after_post_start_hook(),
        });
        Flow::Next
    }

    /// The first stage of a start: a container that exited waits out its
    /// restart back-off (doBackOff), else its image comes (EnsureImageExists).
    fn back_off_then_image(
        &mut self,
        key: &PodKey,
        slot: Slot,
        now: SimTime,
        reporter: &mut Reporter<'_>,
    ) -> Flow {
        let Some(worker) = self.workers.get_mut(key) else {
            return Flow::Next;
        };
        // The spec is shared, not copied, for each stage of each start.
        let pod = Rc::clone(&worker.pod);
        let Some(container) = container_at(&pod, slot) else {
            return Flow::Next;
        };
        let name = container.name.clone();
        let path = field_path(&worker.pod, &name);
        let fail = failed_start(slot, container);
        // doBackOff: a container that exited waits out its back-off.
        let backoff_key = worker.backoff_key(&name);
        let pod_name = format_pod(&worker.pod, &worker.uid);
        match do_back_off(
            &self.restart_backoff,
            &backoff_key,
            worker.runtime.find(&name),
            &name,
            &pod_name,
            now,
        ) {
            BackOffDecision::Wait(crash_loop) => {
                reporter.pod_event(
                    worker,
                    &path,
                    EventType::Warning,
                    reasons::BACK_OFF,
                    crash_loop.event_message,
                );
                let message = crash_loop.message;
                // A repeat keeps the entry (and its key and reason).
                match worker.reasons.get_mut(&name) {
                    Some((reason, kept)) if reason == CRASH_LOOP_BACK_OFF => {
                        if *kept != message {
                            *kept = message;
                        }
                    }
                    _ => {
                        worker
                            .reasons
                            .insert(name.clone(), (CRASH_LOOP_BACK_OFF.to_string(), message));
                    }
                }
                worker.note_error(SyncError::BackOffUntil(crash_loop.until));
                return fail;
            }
            BackOffDecision::Start {
                restart_since: Some(finished),
            } => self.restart_backoff.next(&backoff_key, finished, now),
            BackOffDecision::Start {
                restart_since: None,
            } => {}
        }
        // EnsureImageExists.
        self.ensure_image(key, slot, now, reporter)
    }

    /// Creates and starts the container at `slot` (`CreateContainer`,
    /// `StartContainer`), its Events, probes and postStart hook.
    fn create_and_start(
        &mut self,
        key: &PodKey,
        slot: Slot,
        now: SimTime,
        objects: &ObjectStore,
        reporter: &mut Reporter<'_>,
    ) -> Flow {
        let Some(worker) = self.workers.get_mut(key) else {
            return Flow::Next;
        };
        // The spec is shared, not copied, for each stage of each start.
        let pod = Rc::clone(&worker.pod);
        let Some(container) = container_at(&pod, slot) else {
            return Flow::Next;
        };
        let name = container.name.clone();
        let path = field_path(&worker.pod, &name);
        let fail = failed_start(slot, container);
        let image = container.image.clone();
        let pod_ip = worker.pod_ip.clone().unwrap_or_default();
        let env = match containers::container_env(
            &worker.pod,
            container,
            &pod_ip,
            &self.host_ip,
            objects,
        ) {
            Ok(env) => env,
            Err(error) => {
                reporter.pod_event(
                    worker,
                    &path,
                    EventType::Warning,
                    reasons::FAILED,
                    reasons::start_error(&error.message),
                );
                worker.reasons.insert(
                    name,
                    ("CreateContainerConfigError".to_string(), error.message),
                );
                worker.note_error(SyncError::Other);
                return fail;
            }
        };
        let (Some(sandbox), Some(volumes)) = (&worker.sandbox, &worker.volumes) else {
            return fail;
        };
        let resolved = images::resolve(&image).unwrap_or(images::GENERIC);
        let instance = containers::start_container(
            &mut self.runtime,
            containers::ContainerStart {
                pod: &worker.pod,
                container,
                image: resolved,
                env,
                sandbox,
                volumes,
                now,
            },
        );
        let attempt = worker.runtime.find(&name).map_or(0, |c| c.attempt + 1);
        worker.runtime.containers.insert(
            0,
            RuntimeContainer {
                name: name.clone(),
                attempt,
                state: RuntimeState::Running,
                exit_code: 0,
                reason: String::new(),
                started_at: now,
                finished_at: None,
                probes: ProbeResults::initial(container),
                id: runtime_id(&worker.uid, &name, attempt),
            },
        );
        worker.instances.insert((name.clone(), attempt), instance);
        (worker.collect_garbage().into_iter()).for_each(|log| self.runtime.remove_log(log));
        worker.reasons.remove(&name);
        reporter.pod_event(
            worker,
            &path,
            EventType::Normal,
            reasons::CREATED_CONTAINER,
            reasons::container_created(),
        );
        reporter.pod_event(
            worker,
            &path,
            EventType::Normal,
            reasons::STARTED_CONTAINER,
            reasons::container_started(),
        );
        reporter.note(
            worker,
            Happening::ContainerStarted {
                container: name.clone(),
                attempt,
            },
        );
        self.schedule_probes(key, container, attempt, now);
        self.processes
            .insert(instance.process, (key.clone(), name.clone(), attempt));
        self.schedule_relist(key, now);
        self.run_post_start(key, slot, container, instance.process, now, reporter)
    }

    /// Step 4 of startContainer: runs the postStart hook of `container`
    /// (whose first process is `process`), which the sync waits for.
    fn run_post_start(
        &mut self,
        key: &PodKey,
        slot: Slot,
        container: &Container,
        process: ProcessId,
        now: SimTime,
        reporter: &mut Reporter<'_>,
    ) -> Flow {
        let post_start = container
            .lifecycle
            .as_ref()
            .and_then(|l| l.post_start.clone());
        match post_start.map(|h| (h.exec, h.sleep)) {
            Some((Some(exec), _)) => match self.runtime.exec(process, exec.command, now) {
                Ok((process, _)) => {
                    self.hook_processes.insert(process, key.clone());
                    Flow::Wait(
                        SimTime::from_millis(u64::MAX),
                        Op::Start {
                            slot,
                            stage: StartStage::PostStart(Some(process)),
                        },
                    )
                }
                Err(_) => self.post_start_failed(key, slot, container, now, reporter),
            },
            Some((None, Some(sleep))) => Flow::Wait(
                now + sleep.seconds.max(0) as u64 * 1000,
                Op::Start {
                    slot,
                    stage: StartStage::PostStart(None),
                },
            ),
            _ => Flow::Next,
        }
    }

    /// Schedules the first check of each probe `container` has, for its
    /// instance `attempt`.
    fn schedule_probes(&mut self, key: &PodKey, container: &Container, attempt: u32, now: SimTime) {
        for kind in [
            ProbeKind::Startup,
            ProbeKind::Liveness,
            ProbeKind::Readiness,
        ] {
            if kind.of(container).is_some() {
                self.scheduled.push((
                    now,
                    KubeletEvent::Probe {
                        key: key.clone(),
                        container: container.name.clone(),
                        attempt,
                        kind,
                    },
                ));
            }
        }
    }
}
