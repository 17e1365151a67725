//! The container cards of a scene: each container's state as kubectl names
//! it, its restarts and readiness, an image pull's progress, a restart
//! back-off's countdown, the last line it logged, and a Service its command
//! waits for that does not exist.

use super::lines::shorten;
use super::model::{ContainerScene, Progress, StateKind};
use crate::clock::SimTime;
use crate::layout::ContainerKind;
use crate::sim::{Cluster, ContainerState, ContainerStatus, PodDetails, PodRecord, StartPhase};
use crate::spec::Container;

/// The cards of the pod's init containers then its app containers, in spec order.
pub(super) fn container_scenes(
    cluster: &Cluster,
    record: &PodRecord,
    details: &PodDetails,
    now: SimTime,
) -> Vec<ContainerScene> {
    let spec = &record.pod.spec;
    let status = &record.status;
    let inits_done = !spec.init_containers.is_empty()
        && spec.init_containers.iter().all(|c| {
            c.is_restartable()
                || status
                    .init_container_statuses
                    .iter()
                    .any(|s| s.name == c.name && completed(s))
        });
    let init = spec.init_containers.iter().map(|c| {
        let kind = ContainerKind::of_init(c);
        (c, kind, &status.init_container_statuses)
    });
    let app = spec
        .containers
        .iter()
        .map(|c| (c, ContainerKind::App, &status.container_statuses));
    init.chain(app)
        .map(|(container, kind, statuses)| {
            let status = statuses.iter().find(|s| s.name == container.name);
            let mut scene = container_scene(container, kind, status);
            scene.locked = kind == ContainerKind::App
                && !spec.init_containers.is_empty()
                && !inits_done
                && scene.state == StateKind::Waiting;
            if let Some(starting) = &details.starting {
                if starting.phase == StartPhase::Pull
                    && starting.container.as_deref() == Some(container.name.as_str())
                {
                    scene.pulling = Some(Progress::between(starting.since, starting.until, now));
                }
            }
            scene.back_off = details
                .back_offs
                .iter()
                .find(|b| b.container == container.name)
                .map(|b| Progress::between(b.since, b.until, now));
            scene.missing_service = looked_up_names(container)
                .find(|name| cluster.cluster_ip(record.pod.namespace(), name).is_none());
            scene.last_log = details
                .logs
                .iter()
                .rev()
                .find(|(name, _, _)| *name == container.name)
                .and_then(|(_, _, log)| cluster.log(*log))
                .and_then(|log| log.last_line())
                .map(|line| shorten(&line));
            scene
        })
        .collect()
}

/// The names a container's command looks up with `nslookup` (the init
/// container pattern that waits for a Service), short names only.
fn looked_up_names(container: &Container) -> impl Iterator<Item = String> + '_ {
    container
        .command
        .iter()
        .chain(&container.args)
        .flat_map(|part| {
            let words: Vec<&str> = part
                .split(|c: char| c.is_whitespace() || c == ';')
                .filter(|w| !w.is_empty())
                .collect();
            words
                .windows(2)
                .filter(|pair| pair[0] == "nslookup")
                .map(|pair| pair[1].to_string())
                .collect::<Vec<_>>()
        })
        .filter(|name| !name.contains('.') && !name.starts_with('$'))
}

fn completed(status: &ContainerStatus) -> bool {
    matches!(
        status.state,
        ContainerState::Terminated { exit_code: 0, .. }
    )
}

fn container_scene(
    container: &Container,
    kind: ContainerKind,
    status: Option<&ContainerStatus>,
) -> ContainerScene {
    let (state, reason, exit_code) = match status.map(|s| &s.state) {
        None => (StateKind::Waiting, String::new(), None),
        Some(ContainerState::Waiting { reason, .. }) => (StateKind::Waiting, reason.clone(), None),
        Some(ContainerState::Running { .. }) => (StateKind::Running, "Running".to_string(), None),
        Some(ContainerState::Terminated {
            exit_code, reason, ..
        }) => (StateKind::Terminated, reason.clone(), Some(*exit_code)),
    };
    ContainerScene {
        name: container.name.clone(),
        kind,
        image: container.image.clone(),
        state,
        reason,
        exit_code,
        restarts: status.map_or(0, |s| s.restart_count),
        ready: status.is_some_and(|s| s.ready),
        pulling: None,
        back_off: None,
        done: kind == ContainerKind::Init && status.is_some_and(completed),
        locked: false,
        last_log: None,
        missing_service: None,
    }
}
