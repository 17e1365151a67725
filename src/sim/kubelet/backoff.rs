//! `doBackOff` (`kuberuntime_manager.go`): whether a container that exited
//! waits out its restart back-off (CrashLoopBackOff) before it starts again,
//! as a pure decision from the back-off's state; the caller records it.

use crate::clock::SimTime;
use crate::sim::actions::{RuntimeContainer, RuntimeState};
use crate::sim::backoff::{go_duration, Backoff};
use crate::sim::reasons;

/// The waiting reason of a container in its restart back-off.
pub(super) const CRASH_LOOP_BACK_OFF: &str = "CrashLoopBackOff";

/// A container that must wait out its restart back-off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct CrashLoop {
    /// The `BackOff` Event's message.
    pub(super) event_message: String,
    /// The container's waiting message (its reason is [`CRASH_LOOP_BACK_OFF`]).
    pub(super) message: String,
    /// When the back-off ends.
    pub(super) until: SimTime,
}

/// What `doBackOff` decides for a container about to start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum BackOffDecision {
    /// Start it; when it exited before, the restart counts from when it
    /// finished (`backOff.Next(key, finishedAt)`).
    Start {
        /// When the exited instance finished, if there is one.
        restart_since: Option<SimTime>,
    },
    /// Do not start it yet.
    Wait(CrashLoop),
}

/// Decides whether container `name` of pod `pod` (as `format.Pod` prints
/// it) waits: only when its newest instance `newest` has exited and the
/// back-off of `key` since it finished has not passed at `now`.
pub(super) fn do_back_off(
    backoff: &Backoff,
    key: &str,
    newest: Option<&RuntimeContainer>,
    name: &str,
    pod: &str,
    now: SimTime,
) -> BackOffDecision {
    let Some(exited) = newest.filter(|c| c.state == RuntimeState::Exited) else {
        return BackOffDecision::Start {
            restart_since: None,
        };
    };
    let finished = exited.finished_at.unwrap_or(now);
    if !backoff.is_in_back_off_since(key, finished, now) {
        return BackOffDecision::Start {
            restart_since: Some(finished),
        };
    }
    let period = backoff.get(key);
    BackOffDecision::Wait(CrashLoop {
        event_message: reasons::back_off_restarting(name, pod),
        message: format!(
            "back-off {} restarting failed container={name} pod={pod}",
            go_duration(period)
        ),
        until: finished + period,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::actions::{ProbeResult, ProbeResults};

    fn instance(state: RuntimeState, finished_at: Option<u64>) -> RuntimeContainer {
        RuntimeContainer {
            name: "web".to_string(),
            attempt: 0,
            state,
            exit_code: 1,
            reason: "Error".to_string(),
            started_at: SimTime::from_millis(0),
            finished_at: finished_at.map(SimTime::from_millis),
            probes: ProbeResults {
                liveness: ProbeResult::Success,
                readiness: ProbeResult::Success,
                startup: ProbeResult::Success,
            },
            id: String::new(),
        }
    }

    /// A back-off with `restarts` restarts recorded, each at `at` millis.
    fn backoff_after(restarts: &[u64]) -> Backoff {
        let mut backoff = Backoff::new(10_000, 300_000);
        for &at in restarts {
            let at = SimTime::from_millis(at);
            backoff.next("key", at, at);
        }
        backoff
    }

    fn wait(period: &str, until: u64) -> BackOffDecision {
        BackOffDecision::Wait(CrashLoop {
            event_message: "Back-off restarting failed container web in pod p_default(u)"
                .to_string(),
            message: format!("back-off {period} restarting failed container=web pod=p_default(u)"),
            until: SimTime::from_millis(until),
        })
    }

    #[test]
    fn do_back_off_holds_an_exited_container_only_while_its_back_off_runs() {
        let start = |since: Option<u64>| BackOffDecision::Start {
            restart_since: since.map(SimTime::from_millis),
        };
        let cases = [
            (
                "a container never started starts at once",
                backoff_after(&[]),
                None,
                1_000,
                start(None),
            ),
            (
                "a running container is not held back",
                backoff_after(&[0]),
                Some(instance(RuntimeState::Running, None)),
                1_000,
                start(None),
            ),
            (
                "a first exit restarts at once and starts the back-off from its end",
                backoff_after(&[]),
                Some(instance(RuntimeState::Exited, Some(5_000))),
                5_000,
                start(Some(5_000)),
            ),
            (
                "an exit within the back-off waits 10s from when it finished",
                backoff_after(&[5_000]),
                Some(instance(RuntimeState::Exited, Some(6_000))),
                6_000,
                wait("10s", 16_000),
            ),
            (
                "an exit after a second restart waits the doubled 20s",
                backoff_after(&[5_000, 20_000]),
                Some(instance(RuntimeState::Exited, Some(21_000))),
                21_000,
                wait("20s", 41_000),
            ),
            (
                "once the period has passed since the exit the container restarts",
                backoff_after(&[5_000]),
                Some(instance(RuntimeState::Exited, Some(6_000))),
                16_000,
                start(Some(6_000)),
            ),
        ];
        for (sentence, backoff, newest, now, expected) in cases {
            let decided = do_back_off(
                &backoff,
                "key",
                newest.as_ref(),
                "web",
                "p_default(u)",
                SimTime::from_millis(now),
            );
            assert_eq!(decided, expected, "{sentence}");
        }
    }
}
