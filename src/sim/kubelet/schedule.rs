//! The kubelet's timed work: its periods and delays (sync, relist, resync,
//! back-off, eviction) and the events it queues on the cluster's clock. A
//! leaf of the kubelet: it knows no worker and no runtime.

use crate::clock::SimTime;
use crate::sim::prober::ProbeKind;

/// A pod's (namespace, name).
pub type PodKey = (String, String);

/// How long creating a sandbox (the pause container and its network) takes.
pub(super) const SANDBOX_CREATION_MILLIS: u64 = 500;

/// How long creating a container takes once its image is present.
pub(super) const CONTAINER_CREATION_MILLIS: u64 = 100;

/// How long a pull that the registry refuses takes.
pub(super) const FAILED_PULL_MILLIS: u64 = 800;

/// The pod worker's resync interval (the kubelet's `syncFrequency`).
pub(super) const RESYNC_MILLIS: u64 = 60_000;

/// The requeue delay after a sync error (`backOffPeriod`).
pub(super) const ERROR_REQUEUE_MILLIS: u64 = 10_000;

/// The generic PLEG's relist period.
pub(super) const RELIST_MILLIS: u64 = 1_000;

/// Container restarts and image pulls back off from 10 s to 300 s.
pub(super) const INITIAL_BACKOFF_MILLIS: u64 = 10_000;
pub(super) const MAX_BACKOFF_MILLIS: u64 = 300_000;

/// The volume manager retries a failed mount after 500 ms, doubling to 2m2s.
pub(super) const MOUNT_RETRY_MILLIS: u64 = 500;
pub(super) const MAX_MOUNT_RETRY_MILLIS: u64 = 122_000;

/// How often the eviction manager looks at usage (`evictionMonitoringPeriod`).
pub(super) const EVICTION_PERIOD_MILLIS: u64 = 10_000;

/// `containerLogMonitorInterval`: how often the container log manager looks
/// at the running containers' logs (default 10 s,
/// `pkg/kubelet/apis/config/v1beta1/defaults.go`; its `Start` runs
/// `rotateLogs` through `wait.Forever` on that period).
pub(super) const LOG_MONITOR_MILLIS: u64 = 10_000;

/// The first ticks of the kubelet's periodic managers (eviction, log
/// rotation), one period after it starts.
pub(super) fn first_ticks() -> Vec<(SimTime, KubeletEvent)> {
    vec![
        (
            SimTime::from_millis(EVICTION_PERIOD_MILLIS),
            KubeletEvent::EvictionCheck,
        ),
        (
            SimTime::from_millis(LOG_MONITOR_MILLIS),
            KubeletEvent::LogRotation,
        ),
    ]
}

/// The shortest grace period the kubelet gives a container.
pub(super) const MINIMUM_GRACE_MILLIS: u64 = 2_000;

/// Something the kubelet will do at a given time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KubeletEvent {
    /// The pod worker's requeued sync (only the latest `generation` counts).
    Sync { key: PodKey, generation: u64 },
    /// The operation the worker waits on is due (only the latest `generation`).
    Resume { key: PodKey, generation: u64 },
    /// The PLEG relists and tells the worker its containers changed.
    Relist { key: PodKey },
    /// A probe's period has come round for one container instance.
    Probe {
        key: PodKey,
        container: String,
        attempt: u32,
        kind: ProbeKind,
    },
    /// A probe check's timeout (the `serial`-th check).
    ProbeDeadline { serial: u64 },
    /// The eviction manager's periodic look at the pods' emptyDir usage.
    EvictionCheck,
    /// The container log manager's periodic look at the running containers' logs.
    LogRotation,
}
