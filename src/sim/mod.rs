//! The simulated cluster: one virtual clock, one event queue, one node.
//!
//! Time is virtual ([`SimTime`]); nothing here reads the wall clock. Events are
//! ordered by (time, sequence number), and the clock jumps from one event to the
//! next, so the same inputs always give the same history.

mod clock;
mod cluster;
mod status;

pub use clock::{EventQueue, SimTime};
pub use cluster::{ApplyOutcome, Cluster, Node, PodRecord};
pub use status::{ContainerState, ContainerStatus, PodCondition, PodPhase, PodStatus};
