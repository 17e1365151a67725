//! The node's container list, as `crictl ps -a`, `crictl pods` and
//! `docker ps -a` show it: every sandbox and container, newest first.

use super::Kubelet;
use crate::clock::SimTime;
use crate::runtime::images;
use crate::sim::actions::RuntimeState;
use crate::sim::containers;
use crate::sim::ids::runtime_id;
use std::collections::BTreeSet;

/// A container (or a pod's sandbox) as the node's runtime lists it
/// (`crictl ps -a`, `crictl pods`, `docker ps -a`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeContainer {
    /// The runtime's id (64 hex digits).
    pub id: String,
    /// The id of the pod's sandbox.
    pub pod_id: String,
    /// The container's name in the spec, or `POD` for the sandbox.
    pub name: String,
    /// The pod's name.
    pub pod: String,
    /// The pod's namespace.
    pub namespace: String,
    /// The pod's uid.
    pub uid: String,
    /// How many instances of it came before.
    pub attempt: u32,
    /// The image.
    pub image: String,
    /// The command line of its first process.
    pub command: Vec<String>,
    /// When it was created.
    pub created: SimTime,
    /// Whether it runs; else how it ended and when.
    pub exited: Option<(i32, SimTime)>,
}

impl Kubelet {
    /// Every sandbox and container the node's runtime holds, newest first:
    /// running ones and, per container, the last one that exited (the
    /// kubelet's garbage collector keeps one dead instance each).
    pub fn node_containers(&self) -> Vec<NodeContainer> {
        let mut listed = Vec::new();
        for worker in self.workers.values() {
            let Some((created, stopped)) = worker.sandbox_times else {
                continue;
            };
            let sandbox_attempt = worker.runtime.sandbox.map_or(0, |s| s.attempt);
            let pod_id = runtime_id(&worker.uid, "POD", sandbox_attempt);
            let entry =
                |name: &str, attempt: u32, image: &str, command: Vec<String>| NodeContainer {
                    id: runtime_id(&worker.uid, name, attempt),
                    pod_id: pod_id.clone(),
                    name: name.to_string(),
                    pod: worker.pod.metadata.name.clone(),
                    namespace: worker.pod.namespace().to_string(),
                    uid: worker.uid.clone(),
                    attempt,
                    image: image.to_string(),
                    command,
                    created,
                    exited: None,
                };
            listed.push(NodeContainer {
                exited: stopped.map(|at| (0, at)),
                ..entry(
                    "POD",
                    sandbox_attempt,
                    containers::PAUSE_IMAGE,
                    vec!["/pause".to_string()],
                )
            });
            let mut dead_kept = BTreeSet::new();
            for instance in &worker.runtime.containers {
                let exited = instance.state == RuntimeState::Exited;
                if exited && !dead_kept.insert(instance.name.clone()) {
                    continue;
                }
                let Some(container) = worker.pod.spec.container(&instance.name) else {
                    continue;
                };
                let image = images::resolve(&container.image).unwrap_or(images::GENERIC);
                let command = images::container_argv(&image, &container.command, &container.args);
                listed.push(NodeContainer {
                    created: instance.started_at,
                    exited: exited.then(|| {
                        (
                            instance.exit_code,
                            instance.finished_at.unwrap_or(instance.started_at),
                        )
                    }),
                    ..entry(&instance.name, instance.attempt, &container.image, command)
                });
            }
        }
        crate::sort::sort_by(&mut listed, |a, b| {
            b.created.cmp(&a.created).then(a.id.cmp(&b.id))
        });
        listed
    }
}
