//! The network and file traffic of a scene: the ports listened on in the
//! pod's namespace (with a refused bind), and the packets of the last moment
//! (writes and reads of volume files, connections in, out and over
//! localhost), read from the kubelet's activity ring.

use super::model::{Packet, PacketKind, PortScene};
use super::volumes::volume_files;
use crate::clock::SimTime;
use crate::runtime::InodeId;
use crate::sim::{ActivityKind, Cluster, PodDetails, PodRecord};
use std::collections::BTreeMap;

/// How long a packet takes to travel its line, in virtual milliseconds, at 1×.
pub const PACKET_MILLIS: u64 = 1_200;

/// Packets drawn at once, at most (the newest).
const MAX_PACKETS: usize = 12;

/// The ports listened on in the pod's network namespace, by number.
pub(super) fn port_scenes(
    cluster: &Cluster,
    record: &PodRecord,
    details: &PodDetails,
    now: SimTime,
) -> Vec<PortScene> {
    let Some(ip) = record.status.pod_ip.as_deref() else {
        return Vec::new();
    };
    let runtime = &cluster.kubelet().runtime;
    let container_of = |log: usize| container_of_log(details, log);
    let mut ports: Vec<PortScene> = runtime
        .listeners_in(ip)
        .into_iter()
        .map(|(port, process)| PortScene {
            port,
            owner: runtime.process_log(process).and_then(container_of),
            clash: None,
        })
        .collect();
    // A refused bind in the last minute marks the port it clashed on.
    let since = SimTime::from_millis(now.as_millis().saturating_sub(60_000));
    for activity in cluster.kubelet().activity_since(since) {
        let ActivityKind::ListenRefused { address } = &activity.kind else {
            continue;
        };
        if address.0 != ip {
            continue;
        }
        let Some(container) = container_of(activity.log) else {
            continue;
        };
        match ports.iter_mut().find(|p| p.port == address.1) {
            Some(port) => port.clash = Some(container),
            None => ports.push(PortScene {
                port: address.1,
                owner: None,
                clash: Some(container),
            }),
        }
    }
    crate::sort::sort_by_key(&mut ports, |p| p.port);
    ports
}

/// The container whose instance writes to `log`.
fn container_of_log(details: &PodDetails, log: usize) -> Option<String> {
    details
        .logs
        .iter()
        .find(|(_, _, l)| *l == log)
        .map(|(name, _, _)| name.clone())
}

/// The packets of the last `packet_millis`, oldest first, the newest
/// [`MAX_PACKETS`] at most.
pub(super) fn packets(
    cluster: &Cluster,
    record: &PodRecord,
    details: &PodDetails,
    now: SimTime,
    packet_millis: u64,
) -> Vec<Packet> {
    let since = SimTime::from_millis(now.as_millis().saturating_sub(packet_millis));
    let fs = &cluster.kubelet().runtime.fs;
    let ip = record.status.pod_ip.as_deref().unwrap_or("");
    let mut packets: Vec<Packet> = Vec::new();
    let mut files: Option<BTreeMap<InodeId, String>> = None;
    let mut volume_of = |file: InodeId| {
        files
            .get_or_insert_with(|| volume_files(fs, details))
            .get(&file)
            .cloned()
    };
    let local = |address: &str| address == ip || address == "127.0.0.1";
    for activity in cluster.kubelet().activity_since(since) {
        // A process of this pod's containers, or else one outside the pod
        // (another pod, the node), which only counts when it reaches in.
        let container = container_of_log(details, activity.log);
        let kind = match (&activity.kind, container.is_some()) {
            (ActivityKind::Wrote { file, .. }, true) => {
                volume_of(*file).map(|volume| PacketKind::Write { volume })
            }
            (ActivityKind::Read { file, .. }, true) => {
                volume_of(*file).map(|volume| PacketKind::Read { volume })
            }
            (ActivityKind::Connected { to }, true) if local(&to.0) => {
                Some(PacketKind::Connect { port: to.1 })
            }
            (ActivityKind::Refused { to }, true) if local(&to.0) => {
                Some(PacketKind::Refused { port: to.1 })
            }
            (ActivityKind::Connected { to }, true) => Some(PacketKind::Outbound {
                to: format!("{}:{}", to.0, to.1),
            }),
            (ActivityKind::Connected { to }, false) if !ip.is_empty() && to.0 == ip => {
                Some(PacketKind::Inbound { port: to.1 })
            }
            _ => None,
        };
        let Some(kind) = kind else { continue };
        let container = container.unwrap_or_default();
        let permille = ((now - activity.time) * 1000 / packet_millis.max(1)) as u32;
        // One packet per path: the newest wins.
        packets.retain(|p| !(p.container == container && p.kind == kind));
        packets.push(Packet {
            container,
            kind,
            permille,
        });
    }
    let excess = packets.len().saturating_sub(MAX_PACKETS);
    packets.drain(..excess);
    packets
}
