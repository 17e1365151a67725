//! Every Event reason the simulation records, named as upstream names them
//! (`pkg/kubelet/events/event.go`, the eviction manager's and the
//! scheduler's), so "where is this reason spelled" has one answer. A leaf:
//! the kubelet and the cluster both read it, and it reads nothing.

/// A container was created (`CreatedContainer`).
pub const CREATED_CONTAINER: &str = "Created";
/// A container was started (`StartedContainer`).
pub const STARTED_CONTAINER: &str = "Started";
/// A container could not be created or started (`FailedToCreateContainer`,
/// also `FailedToPullImage`: both are `Failed`).
pub const FAILED: &str = "Failed";
/// A container is being stopped (`KillingContainer`).
pub const KILLING_CONTAINER: &str = "Killing";
/// A container waits out its restart back-off (`BackOffStartContainer`),
/// or an image its pull back-off (`BackOffPullImage`): both are `BackOff`.
pub const BACK_OFF: &str = "BackOff";
/// An image pull began (`PullingImage`).
pub const PULLING_IMAGE: &str = "Pulling";
/// An image was pulled or is present (`PulledImage`).
pub const PULLED_IMAGE: &str = "Pulled";
/// An absent image under pull policy Never (`ErrImageNeverPullPolicy`).
pub const ERR_IMAGE_NEVER_PULL_POLICY: &str = "ErrImageNeverPull";
/// The sandbox could not be created, its network not set up
/// (`FailedCreatePodSandBox`).
pub const FAILED_CREATE_POD_SANDBOX: &str = "FailedCreatePodSandBox";
/// A volume could not be mounted (`FailedMountVolume`).
pub const FAILED_MOUNT_VOLUME: &str = "FailedMount";
/// A probe failed (`ContainerUnhealthy`).
pub const CONTAINER_UNHEALTHY: &str = "Unhealthy";
/// A postStart hook failed (`FailedPostStartHook`).
pub const FAILED_POST_START_HOOK: &str = "FailedPostStartHook";
/// The eviction manager evicted the pod (`eviction.Reason`).
pub const EVICTED: &str = "Evicted";
/// The scheduler bound the pod to a node.
pub const SCHEDULED: &str = "Scheduled";
