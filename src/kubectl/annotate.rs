//! `kubectl annotate pod NAME key=value… key-… [--overwrite] [--list]`:
//! changes a pod's annotations as `annotate.go` does, with its checks
//! (`ParsePairs`, `validateAnnotations`, `validateNoAnnotationOverwrites`).

use super::args::{parse_args, FlagSpec};
use super::context::Context;
use super::effect::Effect;
use super::errors::ConsoleError;
use super::target::pod_name;
use std::collections::BTreeMap;

const FLAGS: [FlagSpec; 2] = [
    FlagSpec::switch("overwrite", None),
    FlagSpec::switch("list", None),
];

/// Runs `kubectl annotate ARGS`.
pub fn annotate(context: Context<'_>, arguments: &[String]) -> Result<Effect, ConsoleError> {
    let Context {
        cluster, output, ..
    } = context;
    let args = parse_args("annotate", arguments, &FLAGS)?;
    let (resources, (set, remove)) = resources_and_changes(&args.positionals)?;
    if resources.is_empty() {
        return Err(ConsoleError::AnnotateResourcesRequired);
    }
    let list = args.is_set("list");
    if set.is_empty() && remove.is_empty() && !list {
        return Err(ConsoleError::AnnotateUsage);
    }
    let both: Vec<String> = remove
        .iter()
        .filter(|key| set.contains_key(*key))
        .cloned()
        .collect();
    if !both.is_empty() {
        return Err(ConsoleError::ModifyAndRemoveAnnotations { keys: both });
    }
    let (resource, name) = match resources {
        [word] if word.contains('/') => (word.split('/').next().unwrap_or(""), pod_name(word)),
        [resource, name] => (resource.as_str(), name.as_str()),
        [word] => (word.as_str(), ""),
        _ => {
            return Err(ConsoleError::NotSimulatedCommand {
                command: "annotate of several objects".to_string(),
            })
        }
    };
    match resource {
        "pod" | "pods" | "po" => {}
        "service" | "services" | "svc" | "configmap" | "configmaps" | "cm" | "secret"
        | "secrets" | "node" | "nodes" | "no" => {
            return Err(ConsoleError::NotSimulatedCommand {
                command: format!("annotate {resource}"),
            })
        }
        _ => {
            return Err(ConsoleError::UnknownResourceType {
                resource: resource.to_string(),
            })
        }
    }
    if name.is_empty() {
        return Err(ConsoleError::NoNameSpecified);
    }
    let namespace = args.value("namespace").unwrap_or("default").to_string();
    let record = cluster
        .pod(&namespace, name)
        .ok_or_else(|| ConsoleError::PodNotFound {
            name: name.to_string(),
        })?;
    let mut annotations = record.pod.metadata.annotations.clone();
    if !args.is_set("overwrite") {
        let taken: Vec<(String, String)> = set
            .iter()
            .filter_map(|(key, value)| match annotations.get(key) {
                Some(current) if current != value => Some((key.clone(), current.clone())),
                _ => None,
            })
            .collect();
        if !taken.is_empty() {
            return Err(ConsoleError::AnnotationOverwrite { taken });
        }
    }
    annotations.extend(set);
    for key in &remove {
        annotations.remove(key);
    }
    if list {
        // `--list` shows the annotations as they would be, and changes nothing.
        for (key, value) in &annotations {
            output.stdout(format!("{key}={value}"));
        }
        return Ok(Effect::None);
    }
    cluster.set_pod_annotations(&namespace, name, annotations);
    output.stdout(format!("pod/{name} annotated"));
    Ok(Effect::None)
}

/// The annotations to set and the keys to remove.
type Changes = (BTreeMap<String, String>, Vec<String>);

/// The words split into the objects and the changes
/// (`GetResourcesAndPairs`): the annotations to set and the keys to remove.
fn resources_and_changes(positionals: &[String]) -> Result<(&[String], Changes), ConsoleError> {
    // `GetResourcesAndPairs`: resources first, then the changes.
    let is_pair = |word: &str| {
        (word.contains('=') && !word.starts_with('=')) || (word.ends_with('-') && word != "-")
    };
    let split = positionals
        .iter()
        .position(|w| is_pair(w))
        .unwrap_or(positionals.len());
    let (resources, pairs) = positionals.split_at(split);
    if let Some(late) = pairs.iter().find(|w| !is_pair(w)) {
        return Err(ConsoleError::ResourcesBeforePairs {
            pair_type: "annotation",
            word: late.clone(),
        });
    }
    let mut set = BTreeMap::new();
    let mut remove = Vec::new();
    for pair in pairs {
        match pair.split_once('=') {
            Some((key, value)) => {
                set.insert(key.to_string(), value.to_string());
            }
            None => remove.push(pair[..pair.len() - 1].to_string()),
        }
    }
    Ok((resources, (set, remove)))
}
