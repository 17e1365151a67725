//! `kubectl label pod NAME key=value… key-… [--overwrite]`: changes a pod's
//! labels, which Services select their endpoints by.

use super::args::{parse_args, FlagSpec};
use super::context::Context;
use super::effect::Effect;
use super::errors::ConsoleError;
use super::target::pod_name;
use std::collections::BTreeMap;

const FLAGS: [FlagSpec; 1] = [FlagSpec::switch("overwrite", None)];

/// Runs `kubectl label ARGS`.
pub fn label(context: Context<'_>, arguments: &[String]) -> Result<Effect, ConsoleError> {
    let Context {
        cluster, output, ..
    } = context;
    let args = parse_args("label", arguments, &FLAGS)?;
    let mut words = args.positionals.iter();
    let (resource, name) = match words.next().map(String::as_str) {
        Some(word) if word.contains('/') => (
            word.split('/').next().unwrap_or(""),
            pod_name(word).to_string(),
        ),
        Some(word) => (word, words.next().cloned().unwrap_or_default()),
        None => return Err(ConsoleError::LabelUsage),
    };
    if !matches!(resource, "pod" | "pods" | "po") {
        return Err(ConsoleError::UnknownResourceType {
            resource: resource.to_string(),
        });
    }
    let mut set = BTreeMap::new();
    let mut remove = Vec::new();
    for spec in words {
        match spec.split_once('=') {
            Some((key, value)) if !value.contains('=') => {
                set.insert(key.to_string(), value.to_string());
            }
            Some(_) => {
                return Err(ConsoleError::LabelSpec {
                    message: format!("invalid label spec: {spec}"),
                })
            }
            None => match spec.strip_suffix('-') {
                Some(key) => remove.push(key.to_string()),
                None => {
                    return Err(ConsoleError::LabelSpec {
                        message: format!("unknown label spec: {spec}"),
                    })
                }
            },
        }
    }
    if set.is_empty() && remove.is_empty() {
        return Err(ConsoleError::LabelUsage);
    }
    let namespace = args.value("namespace").unwrap_or("default").to_string();
    let record = cluster
        .pod(&namespace, &name)
        .ok_or_else(|| ConsoleError::PodNotFound { name: name.clone() })?;
    let mut labels = record.pod.metadata.labels.clone();
    if !args.is_set("overwrite") {
        if let Some((key, value)) = set.iter().find_map(|(k, _)| labels.get_key_value(k)) {
            return Err(ConsoleError::LabelSpec {
                message: format!("'{key}' already has a value ({value}), and --overwrite is false"),
            });
        }
    }
    let before = labels.clone();
    labels.extend(set.clone());
    for key in &remove {
        labels.remove(key);
    }
    let word = if labels == before {
        "not labeled"
    } else if set.is_empty() {
        "unlabeled"
    } else {
        "labeled"
    };
    cluster.set_pod_labels(&namespace, &name, labels);
    output.stdout(format!("pod/{name} {word}"));
    Ok(Effect::None)
}
