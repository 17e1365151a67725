//! A pod's sandbox (`RunPodSandbox`): the network namespace, the optional
//! shared PID namespace and `/pause`; and a started container's pieces
//! (`Instance`), which stopping signals.

use crate::clock::SimTime;
use crate::runtime::fs::{InodeId, View};
use crate::runtime::images;
use crate::runtime::net::PodNetwork;
use crate::runtime::{Launch, ProcessId, Runtime, SharedPidNamespace, SignalTarget};
use crate::spec::Pod;

use std::rc::Rc;

/// The pause image every sandbox runs.
pub const PAUSE_IMAGE: &str = "registry.k8s.io/pause:3.10";

/// A pod's sandbox while it runs.
#[derive(Debug, Clone)]
pub struct Sandbox {
    /// The pod's network namespace (IP, MAC, interfaces).
    pub network: Rc<PodNetwork>,
    /// The `/pause` process.
    pub pause: ProcessId,
    /// The PID namespace the containers share, with `shareProcessNamespace`.
    pub pid_namespace: Option<SharedPidNamespace>,
}

/// A started container's pieces in the runtime.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instance {
    /// Its first process.
    pub process: ProcessId,
    /// Its log.
    pub log: usize,
    /// Its root directory, which every process of the container shares.
    pub root: InodeId,
}

/// Starts a sandbox with IP `ip`: the network namespace and `/pause`.
pub fn run_pod_sandbox(
    runtime: &mut Runtime,
    pod: &Pod,
    ip: [u8; 4],
    serial: u64,
    now: SimTime,
) -> Sandbox {
    let network = Rc::new(PodNetwork::new(ip, serial, 4 + serial as u32));
    let pid_namespace = (pod.spec.share_process_namespace == Some(true))
        .then(|| SharedPidNamespace::new(1_000_000 + serial as usize));
    let image = images::resolve(PAUSE_IMAGE).unwrap_or(images::GENERIC);
    let root = runtime.fs.new_directory();
    let log = runtime.new_log();
    let pause = runtime.spawn(Launch {
        argv: vec!["/pause".to_string()],
        env: Vec::new(),
        cwd: "/".to_string(),
        view: View {
            root,
            mounts: Vec::new(),
        },
        hostname: pod.metadata.name.clone(),
        flavor: image.shell,
        log,
        tools: image.tools,
        started: now,
        network: Some(network.clone()),
        pid_namespace: pid_namespace.clone(),
    });
    Sandbox {
        network,
        pause,
        pid_namespace,
    }
}

/// Sends `signal` to a container's first process.
pub fn signal_container(runtime: &mut Runtime, instance: &Instance, signal: i32) {
    runtime.signal(instance.process, SignalTarget::Process, signal);
}
