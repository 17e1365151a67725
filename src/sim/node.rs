//! The cluster's one node: its name, its address and where its kubelet reads
//! static pod manifests. A leaf: the cluster, the kubelet and the runtime
//! service all name the node, and it names none of them.

/// The one node pods run on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// The node's name, as `kubectl get nodes` shows it.
    pub name: String,
    /// The node's InternalIP, the pods' `hostIP`.
    pub internal_ip: String,
}

/// The name of the cluster's one node.
pub const NODE_NAME: &str = "node-1";

/// Where the kubelet looks for static pod manifests (`staticPodPath`).
pub const STATIC_POD_PATH: &str = "/etc/kubernetes/manifests";
