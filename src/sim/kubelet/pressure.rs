//! The eviction manager under node memory pressure, as pure decisions
//! (`pkg/kubelet/eviction`): the signal `memory.available` is the node's
//! memory less what its containers hold; below the default hard threshold
//! `memory.available<100Mi` (`DefaultEvictionHard`) the node is under
//! `MemoryPressure` and the manager evicts one pod per pass, the first
//! of `rankMemoryPressure`'s order: pods using more than they request
//! first, then lower priority first, then the most usage above request
//! first (`helpers.go`: `exceedMemoryRequests`, `priority`, `memory`).
//!
//! The node's memory is its capacity as `kubectl describe node` shows it
//! (4015456Ki); the simulated node runs nothing but the pods, so their
//! containers' memory is all that is used.

use crate::sort::sort_by;
use crate::spec::{format_quantity, ParsedQuantity, Quantity, QuantityFormat, NANOS};

/// The node's memory, in bytes (its capacity, `4015456Ki`).
pub(super) const NODE_MEMORY_BYTES: u64 = 4_015_456 * 1024;

/// The default hard eviction threshold for `memory.available`, in bytes.
pub(super) const MEMORY_AVAILABLE_THRESHOLD: u64 = 100 << 20;

/// The threshold as the eviction message quotes it.
const MEMORY_AVAILABLE_THRESHOLD_TEXT: &str = "100Mi";

/// A container of a pod, as the eviction manager's stats see it.
#[derive(Debug, Clone)]
pub(super) struct ContainerMemory {
    /// The container's name.
    pub(super) name: String,
    /// Its working set, in bytes.
    pub(super) usage: u64,
    /// Its `requests.memory`, if any.
    pub(super) request: Option<Quantity>,
}

/// A pod the eviction manager may evict.
#[derive(Debug, Clone)]
pub(super) struct PodMemory {
    /// The pod's priority (`spec.priority`, 0 by default).
    pub(super) priority: i32,
    /// Its running containers.
    pub(super) containers: Vec<ContainerMemory>,
}

impl PodMemory {
    /// What its containers hold together, in bytes.
    fn usage(&self) -> u64 {
        self.containers.iter().map(|c| c.usage).sum()
    }

    /// What its containers request together, in bytes.
    fn request(&self) -> u64 {
        self.containers
            .iter()
            .filter_map(|c| c.request.as_ref()?.value())
            .sum()
    }
}

/// `memory.available` when the pods hold `used` bytes.
pub(super) fn memory_available(used: u64) -> u64 {
    NODE_MEMORY_BYTES.saturating_sub(used)
}

/// Whether `available` bytes put the node under memory pressure.
pub(super) fn under_memory_pressure(available: u64) -> bool {
    available < MEMORY_AVAILABLE_THRESHOLD
}

/// The pods' indices in the order the eviction manager evicts them
/// (`rankMemoryPressure`).
pub(super) fn rank_memory_pressure(pods: &[PodMemory]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..pods.len()).collect();
    sort_by(&mut order, |&a, &b| {
        let (a, b) = (&pods[a], &pods[b]);
        let exceeds = |pod: &PodMemory| pod.usage() > pod.request();
        let over = |pod: &PodMemory| i128::from(pod.usage()) - i128::from(pod.request());
        exceeds(b)
            .cmp(&exceeds(a))
            .then(a.priority.cmp(&b.priority))
            .then(over(b).cmp(&over(a)))
    });
    order
}

/// A number of bytes as `resource.NewQuantity(n, BinarySI).String()`.
fn binary_quantity(bytes: u64) -> String {
    format_quantity(ParsedQuantity {
        nanos: i128::from(bytes) * NANOS,
        format: QuantityFormat::BinarySi,
    })
}

/// Why `pod` is evicted when `available` bytes were left
/// (`evictionMessage`): each container using more than it requests named.
pub(super) fn memory_eviction_message(pod: &PodMemory, available: u64) -> String {
    let over_request: Vec<(&str, String, String)> = pod
        .containers
        .iter()
        .filter(|c| c.usage > c.request.as_ref().and_then(Quantity::value).unwrap_or(0))
        .map(|c| {
            let request = c
                .request
                .as_ref()
                .map_or("0".to_string(), Quantity::canonical);
            (c.name.as_str(), binary_quantity(c.usage), request)
        })
        .collect();
    crate::sim::reasons::node_low_on_memory(
        MEMORY_AVAILABLE_THRESHOLD_TEXT,
        &binary_quantity(available),
        &over_request,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const MI: u64 = 1 << 20;

    fn pod(priority: i32, containers: &[(&str, u64, Option<&str>)]) -> PodMemory {
        PodMemory {
            priority,
            containers: containers
                .iter()
                .map(|(name, usage, request)| ContainerMemory {
                    name: name.to_string(),
                    usage: *usage,
                    request: request.map(|r| Quantity(r.to_string())),
                })
                .collect(),
        }
    }

    #[test]
    fn which_pod_is_evicted_first() {
        // (case, pods, the order they are evicted in)
        let cases: Vec<(&str, Vec<PodMemory>, Vec<usize>)> = vec![
            (
                "a pod over its request goes before one within it, however big",
                vec![
                    pod(0, &[("big", 3000 * MI, Some("4Gi"))]),
                    pod(0, &[("small", 60 * MI, Some("50Mi"))]),
                ],
                vec![1, 0],
            ),
            (
                "among pods over their requests, the lower priority goes first",
                vec![
                    pod(1000, &[("a", 900 * MI, None)]),
                    pod(0, &[("b", 100 * MI, None)]),
                ],
                vec![1, 0],
            ),
            (
                "at equal priority, the most usage above request goes first",
                vec![
                    pod(0, &[("a", 300 * MI, Some("200Mi"))]),
                    pod(0, &[("b", 900 * MI, Some("100Mi"))]),
                    pod(0, &[("c", 500 * MI, None)]),
                ],
                vec![1, 2, 0],
            ),
        ];
        for (case, pods, expected) in cases {
            assert_eq!(rank_memory_pressure(&pods), expected, "{case}");
        }
    }

    #[test]
    fn the_node_is_under_pressure_below_100_mi_available() {
        assert!(!under_memory_pressure(memory_available(0)));
        assert!(!under_memory_pressure(100 * MI));
        assert!(under_memory_pressure(100 * MI - 1));
        assert!(under_memory_pressure(memory_available(
            NODE_MEMORY_BYTES + 1
        )));
    }

    #[test]
    fn the_message_names_the_containers_over_their_requests() {
        let victim = pod(
            0,
            &[
                ("hog", 4000 * MI, Some("50Mi")),
                ("quiet", MI, Some("64Mi")),
            ],
        );
        assert_eq!(
            memory_eviction_message(&victim, 20_000 * 1024),
            "The node was low on resource: memory. Threshold quantity: 100Mi, available: 20000Ki. Container hog was using 4000Mi, request is 50Mi, has larger consumption of memory. "
        );
    }
}
