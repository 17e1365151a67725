//! Which pod and container a command such as `logs` or `exec` is about:
//! `POD` or `pod/POD`, `-c CONTAINER`, else the default container with
//! kubectl's `Defaulted container` notice.

use super::errors::ConsoleError;
use super::sink::Output;
use crate::sim::PodRecord;

/// The pod named by `word` (`NAME`, `pod/NAME` or `pods/NAME`).
pub fn pod_name(word: &str) -> &str {
    match word.split_once('/') {
        Some(("pod" | "pods" | "po", name)) => name,
        _ => word,
    }
}

/// The container `-c` names, or the pod's default: its only container, or
/// its first app container (or the `kubectl.kubernetes.io/default-container`
/// annotation's) with a notice on stderr when the pod has more than one.
pub fn container_name(
    record: &PodRecord,
    requested: Option<&str>,
    output: &mut Output,
) -> Result<String, ConsoleError> {
    let spec = &record.pod.spec;
    let mut all = spec.containers.iter().chain(&spec.init_containers);
    if let Some(name) = requested {
        return if all.any(|c| c.name == name) {
            Ok(name.to_string())
        } else {
            Err(ConsoleError::ContainerNotValid {
                container: name.to_string(),
                pod: record.pod.metadata.name.clone(),
            })
        };
    }
    let annotated = record
        .pod
        .metadata
        .annotations
        .get("kubectl.kubernetes.io/default-container")
        .filter(|name| spec.containers.iter().any(|c| &c.name == *name));
    let chosen = match annotated {
        Some(name) => name.clone(),
        None => spec
            .containers
            .first()
            .map(|c| c.name.clone())
            .unwrap_or_default(),
    };
    if annotated.is_none() && spec.containers.len() + spec.init_containers.len() > 1 {
        let names: Vec<String> = spec
            .containers
            .iter()
            .map(|c| c.name.clone())
            .chain(
                spec.init_containers
                    .iter()
                    .map(|c| format!("{} (init)", c.name)),
            )
            .collect();
        output.stderr(format!(
            "Defaulted container \"{chosen}\" out of: {}",
            names.join(", ")
        ));
    }
    Ok(chosen)
}
