//! What a pod's resources mean to the API server: a container's effective
//! requests (a limit with no request sets it) and the pod's QoS class
//! (`qos.ComputePodQOS`), compared exactly through `quantity.rs`.

use super::model::{Container, Quantity};
use std::collections::BTreeMap;

/// A container's requests as the API server stores them: a limit with no
/// request sets the request (`SetDefaults_Pod`).
pub fn effective_requests(container: &Container) -> BTreeMap<String, Quantity> {
    let Some(resources) = &container.resources else {
        return BTreeMap::new();
    };
    let mut requests = resources.requests.clone();
    for (name, limit) in &resources.limits {
        requests
            .entry(name.clone())
            .or_insert_with(|| limit.clone());
    }
    requests
}

/// `qos.ComputePodQOS` over the app and init containers.
pub fn qos_class<'a>(containers: impl Iterator<Item = &'a Container>) -> &'static str {
    let mut requests: BTreeMap<&str, i128> = BTreeMap::new();
    let mut limits: BTreeMap<&str, i128> = BTreeMap::new();
    let mut guaranteed = true;
    let positive = |quantity: &Quantity| quantity.parsed().map_or(0, |q| q.nanos);
    let mut requests_owned = Vec::new();
    let containers: Vec<&Container> = containers.collect();
    for container in &containers {
        requests_owned.push(effective_requests(container));
    }
    for (container, container_requests) in containers.iter().zip(&requests_owned) {
        for (name, quantity) in container_requests {
            let value = positive(quantity);
            if matches!(name.as_str(), "cpu" | "memory") && value > 0 {
                *requests.entry(name.as_str()).or_insert(0) += value;
            }
        }
        let mut limited = (false, false);
        if let Some(resources) = &container.resources {
            for (name, quantity) in &resources.limits {
                let value = positive(quantity);
                if matches!(name.as_str(), "cpu" | "memory") && value > 0 {
                    *limits.entry(name.as_str()).or_insert(0) += value;
                    match name.as_str() {
                        "cpu" => limited.0 = true,
                        _ => limited.1 = true,
                    }
                }
            }
        }
        if limited != (true, true) {
            guaranteed = false;
        }
    }
    if requests.is_empty() && limits.is_empty() {
        return "BestEffort";
    }
    if guaranteed
        && requests.len() == limits.len()
        && requests
            .iter()
            .all(|(name, value)| limits.get(name) == Some(value))
    {
        return "Guaranteed";
    }
    "Burstable"
}

#[cfg(test)]
mod tests {
    use super::qos_class;
    use crate::spec::{Container, Quantity, ResourceRequirements};

    fn container(limits: &[(&str, &str)], requests: &[(&str, &str)]) -> Container {
        let list = |pairs: &[(&str, &str)]| {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), Quantity(v.to_string())))
                .collect()
        };
        Container {
            name: "c".into(),
            resources: Some(ResourceRequirements {
                limits: list(limits),
                requests: list(requests),
            }),
            ..Default::default()
        }
    }

    #[test]
    fn a_pod_without_requests_or_limits_is_best_effort() {
        assert_eq!(qos_class([container(&[], &[])].iter()), "BestEffort");
    }

    #[test]
    fn limits_alone_for_cpu_and_memory_make_a_pod_guaranteed() {
        let c = container(&[("cpu", "500m"), ("memory", "128Mi")], &[]);
        assert_eq!(qos_class([c].iter()), "Guaranteed");
    }

    #[test]
    fn equal_requests_written_differently_still_match_their_limits() {
        let c = container(
            &[("cpu", "0.5"), ("memory", "1Gi")],
            &[("cpu", "500m"), ("memory", "1024Mi")],
        );
        assert_eq!(qos_class([c].iter()), "Guaranteed");
    }

    #[test]
    fn requests_below_limits_or_a_missing_limit_make_a_pod_burstable() {
        let lower = container(&[("cpu", "1"), ("memory", "1Gi")], &[("cpu", "500m")]);
        assert_eq!(qos_class([lower].iter()), "Burstable");
        let memory_only = container(&[("memory", "1Gi")], &[]);
        assert_eq!(qos_class([memory_only].iter()), "Burstable");
        let guaranteed = container(&[("cpu", "1"), ("memory", "1Gi")], &[]);
        let best_effort = container(&[], &[]);
        assert_eq!(qos_class([guaranteed, best_effort].iter()), "Burstable");
    }
}
