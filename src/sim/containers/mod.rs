//! The container runtime service as the kubelet calls it (CRI's
//! RunPodSandbox, CreateContainer/StartContainer, StopContainer), on top of
//! the process layer in [`crate::runtime`]: a sandbox is the pod's network,
//! its optional shared PID namespace and the `/pause` process; a container is
//! a root filesystem from its image, the pod's volumes mounted on it, and its
//! first process.
//! Split as the runtime service's parts: the sandbox, volumes, a container,
//! and the node itself.

mod container;
mod host;
mod ipam;
mod sandbox;
mod volumes;

pub use container::{container_env, start_container, ContainerStart};
pub use host::{node_environment, node_view, run_on_node, NODE_TOOLS};
pub use ipam::{sandbox_network_failure, HostLocal};
pub use sandbox::{run_pod_sandbox, signal_container, Instance, Sandbox, PAUSE_IMAGE};
pub use volumes::set_up_volumes;
