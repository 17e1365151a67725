//! Every Event the simulation records, worded in one place: the reasons,
//! named as upstream names them (`pkg/kubelet/events/event.go`, the eviction
//! manager's and the scheduler's), and the messages, each a function of the
//! values it interpolates, worded as the upstream file named on it words
//! them. So "where is this Event spelled" has one answer. A leaf: the
//! kubelet and the cluster both read it, and it reads nothing.

use std::fmt::Display;

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

// The messages, in the order of a pod's life.

/// `Scheduled`: the scheduler bound pod `namespace/name` to `node`
/// (`pkg/scheduler/schedule_one.go`).
pub fn scheduled(namespace: &str, name: &str, node: &str) -> String {
    format!("Successfully assigned {namespace}/{name} to {node}")
}

/// `FailedMount`: volume `volume` could not be set up, for `error`
/// (`pkg/volume/util/operationexecutor/operation_generator.go`).
pub fn mount_failed(volume: &str, error: &str) -> String {
    format!("MountVolume.SetUp failed for volume \"{volume}\" : {error}")
}

/// `BackOff`: container `name` of pod `pod` (as `format.Pod` prints it)
/// waits out its restart back-off (`kuberuntime_manager.go`, `doBackOff`).
pub fn back_off_restarting(name: &str, pod: &str) -> String {
    format!("Back-off restarting failed container {name} in pod {pod}")
}

/// `ErrImageNeverPull`: `image` is absent and its pull policy is Never
/// (`pkg/kubelet/images/image_manager.go`, also the waiting message).
pub fn image_never_pulled(image: &str) -> String {
    format!("Container image \"{image}\" is not present with pull policy of Never")
}

/// `Pulled`: `image` is on the node and its pull policy lets it be used
/// (`image_manager.go`).
pub fn image_present(image: &str) -> String {
    format!("Container image \"{image}\" already present on machine and can be accessed by the pod")
}

/// `BackOff`: the last pull of `image` failed and its back-off runs
/// (`image_manager.go`, also the waiting message).
pub fn back_off_pulling(image: &str) -> String {
    format!("Back-off pulling image \"{image}\"")
}

/// `Pulling`: a pull of `image` begins (`image_manager.go`).
pub fn pulling(image: &str) -> String {
    format!("Pulling image \"{image}\"")
}

/// `Pulled`: `image` of `size` bytes was pulled in `took`, a Go duration
/// (`image_manager.go`).
pub fn pulled(image: &str, took: &str, size: u64) -> String {
    format!("Successfully pulled image \"{image}\" in {took} ({took} including waiting). Image size: {size} bytes.")
}

/// `Failed`: the pull of `image` failed with the registry's `error`
/// (`image_manager.go`).
pub fn pull_failed(image: &str, error: &str) -> String {
    format!("Failed to pull image \"{image}\": {error}")
}

/// `Failed`: a start failed with `error`, a waiting reason such as
/// `ErrImagePull` or the config error's message (`kuberuntime_container.go`,
/// `startContainer`).
pub fn start_error(error: &str) -> String {
    format!("Error: {error}")
}

/// `Created`: the container was created (`kuberuntime_container.go`).
pub fn container_created() -> String {
    "Container created".to_string()
}

/// `Started`: the container was started (`kuberuntime_container.go`).
pub fn container_started() -> String {
    "Container started".to_string()
}

/// `FailedPostStartHook`: the postStart hook failed
/// (`kuberuntime_container.go`, also the waiting message).
pub fn post_start_hook_failed() -> String {
    "PostStartHook failed".to_string()
}

/// `Unhealthy`: a `probe` probe (`Liveness`, `Readiness`, `Startup`) failed
/// with `output` (`pkg/kubelet/prober/prober.go`).
pub fn probe_failed(probe: &str, output: &str) -> String {
    format!("{probe} probe failed: {output}")
}

/// `Killing`: container `name` is stopped with the pod or as it is
/// removed (`kuberuntime_container.go`, `killContainer`'s default).
pub fn stopping_container(name: &str) -> String {
    format!("Stopping container {name}")
}

/// `Killing`: the container is stopped because its postStart hook failed
/// (`kuberuntime_container.go`).
pub fn killing_after_post_start_hook() -> String {
    "FailedPostStartHook".to_string()
}

/// `Killing`: app container `name` failed its `probe` (`liveness`,
/// `startup`) probe, and is `restarted` or not (`kuberuntime_manager.go`,
/// `computePodActions`).
pub fn container_failed_probe(name: &str, probe: &str, restarted: bool) -> String {
    let then = if restarted { ", will be restarted" } else { "" };
    format!("Container {name} failed {probe} probe{then}")
}

/// `Killing`: sidecar `name` failed its `probe` (`liveness`, `startup`)
/// probe (`kuberuntime_manager.go`, `computeInitContainerActions`).
pub fn init_container_failed_probe(name: &str, probe: &str) -> String {
    format!("Init container {name} failed {probe} probe")
}

/// `Evicted`: emptyDir `volume` holds more than its `limit`
/// (`pkg/kubelet/eviction/eviction_manager.go`, `emptyDirMessageFmt`,
/// trailing space and all).
pub fn empty_dir_over_limit(volume: &str, limit: impl Display) -> String {
    format!("Usage of EmptyDir volume \"{volume}\" exceeds the limit \"{limit}\". ")
}

/// `Evicted` under memory pressure: the node is low on memory, the
/// threshold and what was available, and each container using more than
/// it requested, with its usage and request (`pkg/kubelet/eviction/helpers.go`,
/// `evictionMessage`: `nodeLowMessageFmt`, `thresholdMetMessageFmt`,
/// `containerMessageFmt`, each sentence ending in a space).
pub fn node_low_on_memory(
    threshold: &str,
    available: &str,
    over_request: &[(&str, String, String)],
) -> String {
    let mut message = format!(
        "The node was low on resource: memory. Threshold quantity: {threshold}, available: {available}. "
    );
    for (container, usage, request) in over_request {
        message.push_str(&format!(
            "Container {container} was using {usage}, request is {request}, has larger consumption of memory. "
        ));
    }
    message
}
