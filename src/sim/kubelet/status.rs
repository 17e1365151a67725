//! The pod's API status as the kubelet reports it (`generateAPIPodStatus`
//! through `generate.rs`), memoized per worker so an unchanged pod costs a
//! comparison, not a generation.

use super::schedule::PodKey;
use super::worker::StatusInputs;
use super::Kubelet;
use crate::clock::SimTime;
use crate::sim::generate::{api_pod_status, PodFacts};
use crate::sim::status::PodStatus;
use std::rc::Rc;

impl Kubelet {
    /// The pod's status as the kubelet would report it now, or `None` when
    /// it is `previous` unchanged (or the kubelet has no such pod).
    pub fn api_status(
        &mut self,
        key: &PodKey,
        previous: &PodStatus,
        now: SimTime,
    ) -> Option<PodStatus> {
        let worker = self.workers.get_mut(key)?;
        if let Some((inputs, last)) = &worker.status_memo {
            if inputs.matches(worker) && last == previous {
                return None;
            }
        }
        let facts = PodFacts {
            pod: &worker.pod,
            runtime: &worker.runtime,
            reasons: &worker.reasons,
            sandbox_ready: worker.sandbox.is_some(),
            pod_ip: worker.pod_ip.clone(),
            host_ip: self.host_ip.clone(),
            start_time: worker.start_time,
            terminal: worker.terminal,
            evicted: worker.evicted.clone(),
        };
        let status = api_pod_status(&facts, previous, now);
        let inputs = StatusInputs {
            pod: Rc::clone(&worker.pod),
            runtime: worker.runtime.clone(),
            reasons: worker.reasons.clone(),
            sandbox_ready: worker.sandbox.is_some(),
            pod_ip: worker.pod_ip.clone(),
            start_time: worker.start_time,
            terminal: worker.terminal,
            evicted: worker.evicted.clone(),
        };
        worker.status_memo = Some((inputs, status.clone()));
        (status != *previous).then_some(status)
    }
}
