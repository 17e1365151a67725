//! The node itself: its filesystem view and its own programs, for hostPath
//! volumes, the kubelet's pod directories and commands run on the node.

use crate::clock::SimTime;
use crate::runtime::fs::{InodeId, View};
use crate::runtime::{Launch, ProcessId, Runtime};
use crate::sim::node::NODE_NAME;

/// The node's own filesystem root, where hostPath volumes and the kubelet's
/// pod directories live.
pub fn node_view(node_root: InodeId) -> View {
    View {
        root: node_root,
        mounts: Vec::new(),
    }
}

/// The programs of the node itself: CentOS's, plus the clients tutorials
/// install on a node (curl, wget, redis-cli, nc).
pub const NODE_TOOLS: crate::runtime::images::Tools = crate::runtime::images::Tools {
    base: crate::runtime::images::Toolset::Centos,
    extras: &["curl", "wget", "redis-cli", "nc"],
};

/// The environment of a shell on the node: root's home and CentOS's path.
pub fn node_environment() -> Vec<(String, String)> {
    vec![
        ("HOME".to_string(), "/root".to_string()),
        (
            "PATH".to_string(),
            "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".to_string(),
        ),
    ]
}

/// Starts `bash -c SCRIPT` on the node itself, as root in `/root`: the
/// node's filesystem, the node's network (pods are reached by their IPs).
pub fn run_on_node(
    runtime: &mut Runtime,
    node_root: InodeId,
    script: &str,
    now: SimTime,
) -> (ProcessId, usize) {
    let view = node_view(node_root);
    let _ = runtime.fs.make_directory(&view, "/", "/root", true);
    let _ = runtime.fs.make_directory(&view, "/", "/tmp", true);
    let log = runtime.new_terminal_log();
    let process = runtime.spawn(Launch {
        argv: vec!["bash".to_string(), "-c".to_string(), script.to_string()],
        env: node_environment(),
        cwd: "/root".to_string(),
        view,
        hostname: NODE_NAME.to_string(),
        flavor: crate::runtime::shell::Flavor::Bash,
        log,
        tools: NODE_TOOLS,
        started: now,
        network: None,
        pid_namespace: None,
    });
    (process, log)
}
