//! The API server's warnings on a valid pod (`pkg/api/pod/warnings.go`).
//! Warnings do not refuse the pod; they are printed beside its creation.

use crate::spec::model::Pod;

/// The API server's warnings on a valid pod (`pkg/api/pod/warnings.go`):
/// two ports with the same number and protocol.
pub fn pod_warnings(pod: &Pod) -> Vec<String> {
    let mut warnings = Vec::new();
    let mut seen: Vec<(i64, String, String)> = Vec::new();
    let lists = [
        ("spec.initContainers", &pod.spec.init_containers),
        ("spec.containers", &pod.spec.containers),
    ];
    for (list, containers) in lists {
        for (container_index, container) in containers.iter().enumerate() {
            for (port_index, port) in container.ports.iter().enumerate() {
                let protocol = port.protocol.clone().unwrap_or_else(|| "TCP".into());
                let field = format!("{list}[{container_index}].ports[{port_index}]");
                if let Some((_, _, other)) = seen
                    .iter()
                    .find(|(number, proto, _)| *number == port.container_port && *proto == protocol)
                {
                    warnings.push(format!("{field}: duplicate port definition with {other}"));
                } else {
                    seen.push((port.container_port, protocol, field));
                }
            }
        }
    }
    warnings
}
