//! `EnsureImageExists` (`kuberuntime_image.go` and `images/image_manager.go`):
//! from the pull policy, whether the image is on the node and the pull
//! back-off, a pure decision (refuse, use it, back off, or pull), and the
//! start's stage that applies it.

use super::plan::{Flow, Op, Slot, StartStage, SyncError};
use super::schedule::{PodKey, CONTAINER_CREATION_MILLIS, FAILED_PULL_MILLIS};
use super::worker::{container_at, failed_start, field_path, Reporter};
use super::Kubelet;
use crate::clock::SimTime;
use crate::runtime::images;
use crate::sim::backoff::Backoff;
use crate::sim::events::EventType;
use crate::sim::reasons;
use std::rc::Rc;

/// What `EnsureImageExists` decides for a container's image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum ImageDecision {
    /// Policy `Never` and the image is absent (`ErrImageNeverPull`).
    NeverPull {
        /// The waiting message.
        message: String,
    },
    /// The image is present and the policy lets it be used as it is.
    Present {
        /// The `Pulled` Event's message.
        message: String,
    },
    /// The last pull failed and its back-off runs (`ImagePullBackOff`).
    PullBackOff {
        /// The `BackOff` Event's and the waiting message.
        message: String,
        /// When the back-off ends.
        until: SimTime,
    },
    /// Pull it: the pull takes `millis` and gives the image or the registry's error.
    Pull {
        /// The `Pulling` Event's message.
        message: String,
        /// How long the pull takes.
        millis: u64,
        /// Its duration, or the registry's error.
        result: Result<u64, String>,
    },
}

/// Decides how container image `image` with pull policy `policy` comes to
/// the node at `now`, given whether it is `present` and the pull back-off
/// of `pull_key`.
pub(super) fn ensure_image_exists(
    image: &str,
    policy: &str,
    present: bool,
    pull_backoff: &Backoff,
    pull_key: &str,
    now: SimTime,
) -> ImageDecision {
    if policy == "Never" && !present {
        return ImageDecision::NeverPull {
            message: reasons::image_never_pulled(image),
        };
    }
    if present && policy != "Always" {
        return ImageDecision::Present {
            message: reasons::image_present(image),
        };
    }
    if pull_backoff.is_in_back_off_since_update(pull_key, now) {
        return ImageDecision::PullBackOff {
            message: reasons::back_off_pulling(image),
            until: pull_backoff.until_from_update(pull_key).unwrap_or(now),
        };
    }
    let (millis, result) = match images::resolve(image) {
        Ok(resolved) => {
            let millis = images::pull_duration(&resolved, present);
            (millis, Ok(millis))
        }
        Err(error) => (FAILED_PULL_MILLIS, Err(error.message)),
    };
    ImageDecision::Pull {
        message: reasons::pulling(image),
        millis,
        result,
    }
}

/// The image pull back-off's key for a pod's image.
pub(super) fn pull_key(pod_uid: &str, image: &str) -> String {
    format!("{pod_uid}_{image}")
}

impl Kubelet {
    /// The image stage of a start: applies [`ensure_image_exists`]'s
    /// decision (its Events, the waiting reason, the next stage).
    pub(super) fn ensure_image(
        &mut self,
        key: &PodKey,
        slot: Slot,
        now: SimTime,
        reporter: &mut Reporter<'_>,
    ) -> Flow {
        let Some(worker) = self.workers.get_mut(key) else {
            return Flow::Next;
        };
        let pod = Rc::clone(&worker.pod);
        let Some(container) = container_at(&pod, slot) else {
            return Flow::Next;
        };
        let name = container.name.clone();
        let path = field_path(&worker.pod, &name);
        let fail = failed_start(slot, container);
        let image = &container.image;
        let backoff_key = pull_key(&worker.uid, image);
        let present = self.images_present.contains(image);
        let policy = container.pull_policy();
        match ensure_image_exists(
            image,
            policy,
            present,
            &self.pull_backoff,
            &backoff_key,
            now,
        ) {
            ImageDecision::NeverPull { message } => {
                let reason = reasons::ERR_IMAGE_NEVER_PULL_POLICY;
                reporter.pod_event(worker, &path, EventType::Warning, reason, message.clone());
                let error = reasons::start_error("ErrImageNeverPull");
                reporter.pod_event(worker, &path, EventType::Warning, reasons::FAILED, error);
                worker.reasons.insert(name, (reason.to_string(), message));
                worker.note_error(SyncError::Other);
                fail
            }
            ImageDecision::Present { message } => {
                reporter.pod_event(
                    worker,
                    &path,
                    EventType::Normal,
                    reasons::PULLED_IMAGE,
                    message,
                );
                let stage = StartStage::Created;
                Flow::Wait(now + CONTAINER_CREATION_MILLIS, Op::Start { slot, stage })
            }
            ImageDecision::PullBackOff { message, until } => {
                reporter.pod_event(
                    worker,
                    &path,
                    EventType::Normal,
                    reasons::BACK_OFF,
                    message.clone(),
                );
                let error = reasons::start_error("ImagePullBackOff");
                reporter.pod_event(worker, &path, EventType::Warning, reasons::FAILED, error);
                worker
                    .reasons
                    .insert(name, ("ImagePullBackOff".to_string(), message));
                worker.note_error(SyncError::BackOffUntil(until));
                fail
            }
            ImageDecision::Pull {
                message,
                millis,
                result,
            } => {
                reporter.pod_event(
                    worker,
                    &path,
                    EventType::Normal,
                    reasons::PULLING_IMAGE,
                    message,
                );
                let stage = StartStage::Pulled(result);
                Flow::Wait(now + millis, Op::Start { slot, stage })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pull back-off whose last failure was at `failed_at` millis, if any.
    fn backoff(failed_at: Option<u64>) -> Backoff {
        let mut backoff = Backoff::new(10_000, 300_000);
        if let Some(at) = failed_at {
            let at = SimTime::from_millis(at);
            backoff.next("key", at, at);
        }
        backoff
    }

    #[test]
    fn ensure_image_exists_follows_the_pull_policy_presence_and_back_off() {
        let pulling = |image: &str| format!("Pulling image \"{image}\"");
        let cases = [
            (
                "an absent image with policy Never is refused",
                ("nginx", "Never", false, None, 0),
                ImageDecision::NeverPull {
                    message: "Container image \"nginx\" is not present with pull policy of Never"
                        .to_string(),
                },
            ),
            (
                "a present image with policy Never is used",
                ("nginx", "Never", true, None, 0),
                ImageDecision::Present {
                    message: "Container image \"nginx\" already present on machine and can be accessed by the pod".to_string(),
                },
            ),
            (
                "a present image with policy IfNotPresent is used",
                ("nginx", "IfNotPresent", true, None, 0),
                ImageDecision::Present {
                    message: "Container image \"nginx\" already present on machine and can be accessed by the pod".to_string(),
                },
            ),
            (
                "a failed pull backs off for 10s from the failure",
                ("nginx", "Always", false, Some(1_000), 5_000),
                ImageDecision::PullBackOff {
                    message: "Back-off pulling image \"nginx\"".to_string(),
                    until: SimTime::from_millis(11_000),
                },
            ),
            (
                "an image the registry does not know is pulled and fails",
                ("no-such-image-anywhere", "IfNotPresent", false, None, 0),
                ImageDecision::Pull {
                    message: pulling("no-such-image-anywhere"),
                    millis: FAILED_PULL_MILLIS,
                    result: images::resolve("no-such-image-anywhere")
                        .map(|_| 0)
                        .map_err(|e| e.message),
                },
            ),
        ];
        for (sentence, (image, policy, present, failed_at, now), expected) in cases {
            let decided = ensure_image_exists(
                image,
                policy,
                present,
                &backoff(failed_at),
                "key",
                SimTime::from_millis(now),
            );
            assert_eq!(decided, expected, "{sentence}");
        }
        let known = images::resolve("nginx").expect("nginx is a known image");
        let millis = images::pull_duration(&known, false);
        assert_eq!(
            ensure_image_exists(
                "nginx",
                "Always",
                false,
                &backoff(None),
                "key",
                SimTime::from_millis(0)
            ),
            ImageDecision::Pull {
                message: pulling("nginx"),
                millis,
                result: Ok(millis),
            },
            "an absent image with policy Always is pulled"
        );
    }
}
