//! `kubectl top pod` and `kubectl top node`. kubectl first asks the API
//! server's discovery for the `metrics.k8s.io` group, and the simulated
//! cluster has no metrics-server (kubeadm installs none), so both end with
//! `error: Metrics API not available` (kubectl `pkg/cmd/top/top_pod.go`,
//! `RunTopPod`, and `top_node.go`, `RunTopNode`: `if !metricsAPIAvailable
//! { return errors.New("Metrics API not available") }`). Anything else
//! `kubectl top` is given is not simulated yet.

use crate::kubectl::context::Context;
use crate::kubectl::effect::Effect;
use crate::kubectl::errors::ConsoleError;

/// `kubectl top RESOURCE …`.
pub fn top(_context: Context<'_>, arguments: &[String]) -> Result<Effect, ConsoleError> {
    match arguments.first().map(String::as_str) {
        Some("pod" | "pods" | "po" | "node" | "nodes" | "no") => {
            Err(ConsoleError::MetricsApiNotAvailable)
        }
        _ => Err(ConsoleError::NotSimulatedCommand {
            command: "top".into(),
        }),
    }
}
