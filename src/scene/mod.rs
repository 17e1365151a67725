//! What the pod diagram shows at one virtual instant, read from the cluster:
//! the pod's phase and conditions, the pause container and the network it
//! holds, each container's state as kubectl names it (with a pull's progress
//! and a back-off's countdown), the volumes with their files, and the packets
//! of what the processes did in the last moments (writes, reads, connections).
//!
//! Pure data: the UI draws it and never asks the cluster itself. Built fresh
//! for every frame, so it holds no history; the cluster is the truth.

mod containers;
mod lines;
mod model;
mod narrate;
mod traffic;
mod volumes;

pub use model::{
    ContainerScene, FileScene, Packet, PacketKind, PauseScene, PodScene, PortScene, Progress,
    StateKind, VolumeScene,
};
pub use traffic::PACKET_MILLIS;
pub use volumes::MAX_INDEXED_FILES;

use crate::kubectl::pod_row;
use crate::narration::Narration;
use crate::sim::{Cluster, StartPhase};
use containers::container_scenes;
use narrate::narrate;
use traffic::{packets, port_scenes};
use volumes::volume_scenes;

/// The picture of the pod `name` in `namespace` at the cluster's current time;
/// `packet_millis` is how long a packet stays visible.
pub fn pod_scene(
    cluster: &Cluster,
    namespace: &str,
    name: &str,
    packet_millis: u64,
) -> Option<PodScene> {
    let record = cluster.pod(namespace, name)?;
    let now = cluster.now();
    let key = (namespace.to_string(), name.to_string());
    let details = cluster.kubelet().pod_details(&key, now).unwrap_or_default();
    let row = pod_row(record, now);
    let containers = container_scenes(cluster, record, &details, now);
    let volumes = volume_scenes(cluster, record, &details);
    let ports = port_scenes(cluster, record, &details, now);
    let packets = packets(cluster, record, &details, now, packet_millis);
    let pause = PauseScene {
        running: details.sandbox_running,
        creating: details
            .starting
            .as_ref()
            .filter(|s| s.phase == StartPhase::Sandbox)
            .map(|s| Progress::between(s.since, s.until, now)),
        shared_pid: record.pod.spec.share_process_namespace == Some(true),
        hostname: record
            .pod
            .spec
            .hostname
            .clone()
            .unwrap_or_else(|| record.pod.metadata.name.clone()),
        ip: record.status.pod_ip.clone(),
        mac: details.mac.map(|mac| {
            mac.iter()
                .map(|b| format!("{b:02x}"))
                .collect::<Vec<_>>()
                .join(":")
        }),
    };
    let mut scene = PodScene {
        name: name.to_string(),
        namespace: namespace.to_string(),
        phase: record.status.phase.as_str().to_string(),
        status: row.status,
        ready: row.ready,
        conditions: record
            .status
            .conditions
            .iter()
            .map(|c| (c.condition_type.to_string(), c.status))
            .collect(),
        terminating: record.deletion_requested.is_some(),
        pause,
        containers,
        ports,
        volumes,
        packets,
        narration: Narration::NoPod,
    };
    scene.narration = narrate(&scene, record, &details, now);
    Some(scene)
}
