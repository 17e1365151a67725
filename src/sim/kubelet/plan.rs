//! A sync's plan: the operations SyncPod applies in order (kill, create the
//! sandbox, start a container stage by stage), what executing one leads to,
//! and why a sync fell short. Data only, for the worker and the sync.

use crate::clock::SimTime;
use crate::runtime::ProcessId;

/// Which container of the spec: an init container or an app container, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    /// Whether it is in `spec.initContainers`.
    pub init: bool,
    /// Its index there.
    pub index: usize,
}

/// How far a container start has come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum StartStage {
    /// Check the back-off, then the image.
    Begin,
    /// The pull ended: the milliseconds it took, or the registry's error.
    Pulled(Result<u64, String>),
    /// The container is created; start its process.
    Created,
    /// Its postStart hook runs: a command (its process), or a sleep.
    PostStart(Option<ProcessId>),
}

/// A container being stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Stopping {
    /// Its name.
    pub(super) name: String,
    /// Its instance.
    pub(super) attempt: u32,
    /// Its preStop hook, while it runs: SIGTERM follows it.
    pub(super) hook: Option<HookRun>,
}

/// A lifecycle hook that runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum HookRun {
    /// A command in the container.
    Process(ProcessId),
    /// A `sleep` action, until this time.
    Until(SimTime),
}

/// One operation of a sync, in SyncPod's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Op {
    /// Step 2/3: stop a running container (`Killing` event, SIGTERM).
    Kill { name: String, message: String },
    /// Wait until the stopped containers exit; SIGKILL the rest at `deadline`.
    AwaitStopped { deadline: SimTime },
    /// Step 2: stop the sandbox.
    StopSandbox,
    /// Step 4: create the sandbox; `done` once its creation time has passed.
    CreateSandbox { attempt: u32, done: bool },
    /// Steps 6 and 8: start a container.
    Start { slot: Slot, stage: StartStage },
    /// After termination: tear the volumes down and forget the pod.
    Remove,
    /// End the sync here (a regular init container did not start).
    EndSync,
}

/// What executing an operation leads to.
pub(super) enum Flow {
    /// Go on with the next operation now.
    Next,
    /// Resume with this operation at this time.
    Wait(SimTime, Op),
    /// A regular init container could not start: end this sync.
    Abort,
}

/// Why a sync did not do all it wanted (`completeWork`'s requeue decision).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SyncError {
    /// A back-off that ends at this time.
    BackOffUntil(SimTime),
    /// Any other error: retry after `backOffPeriod`.
    Other,
}
