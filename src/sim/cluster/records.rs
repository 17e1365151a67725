//! What the API server stores and answers: a pod's record, an object's
//! metadata, the outcome of an apply, a command's handle. Data only.

use crate::clock::SimTime;
use crate::runtime::ProcessId;
use crate::sim::status::PodStatus;
use crate::spec::Pod;

/// What the API server keeps beside a Service, ConfigMap or Secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredMeta {
    /// When it was created (`metadata.creationTimestamp`).
    pub created: SimTime,
    /// `metadata.uid`.
    pub uid: String,
    /// The store's revision when it last changed (`metadata.resourceVersion`).
    pub resource_version: u64,
}

/// A pod as the API server stores it.
#[derive(Debug, Clone, PartialEq)]
pub struct PodRecord {
    /// The pod as stored: defaulted and admitted (service-account volume, tolerations).
    pub pod: Pod,
    /// The pod as it was submitted (defaulted), to tell `unchanged` from a change.
    pub submitted: Pod,
    /// The unique id the API server gave it.
    pub uid: String,
    /// When it was created (`metadata.creationTimestamp`).
    pub created_at: SimTime,
    /// The node the scheduler bound it to (`spec.nodeName` once bound).
    pub node_name: Option<String>,
    /// When it was marked for deletion (`metadata.deletionTimestamp` is
    /// this plus the grace period).
    pub deletion_requested: Option<SimTime>,
    /// The grace period of the deletion, in seconds.
    pub deletion_grace_seconds: Option<u64>,
    /// Its status as the kubelet reports it.
    pub status: PodStatus,
    /// The store's revision when it last changed (`metadata.resourceVersion`).
    pub resource_version: u64,
}

/// A command started by [`Cluster::exec`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExecHandle {
    /// Its process.
    pub process: ProcessId,
    /// The log its output goes to.
    pub log: usize,
}

/// What happened when an object was applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplyOutcome {
    /// A new object was stored.
    Created,
    /// An existing object (not a pod) was replaced by a changed one.
    Configured,
    /// A pod with this name and the same spec already exists.
    Unchanged,
    /// A pod with this name exists and its spec differs: pods are mostly immutable.
    UpdateForbidden,
    /// The pod's namespace does not exist.
    NamespaceNotFound,
}
