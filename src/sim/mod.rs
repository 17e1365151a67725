//! The simulated cluster: one virtual clock, one event queue, one node.
//!
//! Time is virtual ([`SimTime`]); nothing here reads the wall clock. Events are
//! ordered by (time, sequence number), and the clock jumps from one event to the
//! next, so the same inputs always give the same history.

mod actions;
mod activity;
mod backoff;
mod cluster;
mod containers;
mod events;
mod generate;
mod ids;
mod kubelet;
mod node;
mod objects;
mod prober;
mod reasons;
mod status;

pub use actions::{compute_pod_actions, PodActions, RuntimePod};
pub use activity::{Activity, ActivityKind};
pub use backoff::go_duration;
pub use cluster::{target_port, ApplyOutcome, Cluster, ExecHandle, PodRecord, StoredMeta};
pub use containers::Instance;
pub use events::{Event, EventType, Happening, TimelineEntry};
pub use ids::{hex_id, make_uid, runtime_id};
pub use kubelet::{BackOffWait, Kubelet, NodeContainer, PodDetails, PodKey, StartPhase, StartWait};
pub use node::{Node, NODE_NAME, STATIC_POD_PATH};
pub use status::{ContainerState, ContainerStatus, PodCondition, PodPhase, PodStatus};

#[cfg(test)]
mod tests;
