//! The `describe` command: which kind and objects the words name, which
//! descriptions to print, and kubectl's errors and "No resources found".

use super::node::describe_node;
use super::pod::describe_pod;
use super::service::describe_service;
use crate::kubectl::api_resources::is_served;
use crate::kubectl::args::{parse_args, parse_bool, FlagSpec};
use crate::kubectl::context::Context;
use crate::kubectl::effect::Effect;
use crate::kubectl::errors::ConsoleError;
use crate::kubectl::target::pod_name;
use crate::sim::Cluster;

const FLAGS: [FlagSpec; 2] = [
    FlagSpec::switch("all-namespaces", Some('A')),
    FlagSpec::switch("show-events", None),
];

/// Runs `kubectl describe ARGS`.
pub fn describe(context: Context<'_>, arguments: &[String]) -> Result<Effect, ConsoleError> {
    let Context {
        cluster, output, ..
    } = context;
    let args = parse_args("describe", arguments, &FLAGS)?;
    let Some((resource, rest)) = args.positionals.split_first() else {
        return Err(ConsoleError::DescribeResourceRequired);
    };
    // `pod/NAME` names the type and the object in one word (then every
    // word does).
    let (resource, names): (&str, Vec<&str>) = match resource.split_once('/') {
        Some((kind, name)) => (
            kind,
            std::iter::once(name)
                .chain(rest.iter().map(|word| pod_name(word)))
                .collect(),
        ),
        None => (resource, rest.iter().map(String::as_str).collect()),
    };
    let kind = Kind::named(resource)?;
    let show_events_flag = match args.value("show-events") {
        None => None,
        Some(value) => Some(parse_bool(value).ok_or_else(|| ConsoleError::InvalidBool {
            command: "describe",
            flag: "show-events",
            value: value.to_string(),
        })?),
    };
    let all_namespaces = args.is_set("all-namespaces") || kind == Kind::Node;
    let namespace = args.value("namespace").unwrap_or("default");
    // The objects of the kind in scope, as (namespace, name).
    let candidates: Vec<(String, String)> = kind
        .objects(cluster)
        .into_iter()
        .filter(|(object_namespace, _)| all_namespaces || object_namespace == namespace)
        .collect();

    let mut chosen: Vec<&(String, String)> = Vec::new();
    let mut errors = Vec::new();
    for name in &names {
        match candidates.iter().find(|(_, candidate)| candidate == name) {
            Some(object) => chosen.push(object),
            None => errors.push(kind.not_found(name)),
        }
    }
    if names.is_empty() {
        chosen.extend(candidates.iter());
    }
    // kubectl shows events only when it describes one object without error,
    // unless `--show-events` was given.
    let show_events = show_events_flag.unwrap_or(errors.is_empty() && chosen.len() <= 1);
    let describe_one = |object: &(String, String)| kind.describe(cluster, object, show_events);

    // `describe pod PREFIX` of a pod that does not exist describes every pod
    // whose name starts with it (`DescribeMatchingResources`), each followed
    // by an empty line.
    if let ([_, prefix], [_]) = (args.positionals.as_slice(), errors.as_slice()) {
        let matching: Vec<&(String, String)> = candidates
            .iter()
            .filter(|(_, name)| name.starts_with(prefix.as_str()))
            .collect();
        if !args.positionals[0].contains('/') && !matching.is_empty() {
            for object in matching {
                output.stdout(format!("{}\n", describe_one(object)));
            }
            return Ok(Effect::None);
        }
    }

    let descriptions: Vec<String> = chosen.iter().map(|object| describe_one(object)).collect();
    if !descriptions.is_empty() {
        output.stdout_raw(descriptions.join("\n\n"));
    }
    if names.is_empty() && chosen.is_empty() {
        output.stderr(if all_namespaces {
            "No resources found".to_string()
        } else {
            format!("No resources found in {namespace} namespace.")
        });
    }
    for error in errors {
        output.error(error);
    }
    Ok(Effect::None)
}

/// The kinds `describe` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `describe pod`.
    Pod,
    /// `describe service`.
    Service,
    /// `describe node`.
    Node,
}

impl Kind {
    /// The kind a word names (`po`, `svc`, `nodes`, …).
    fn named(word: &str) -> Result<Kind, ConsoleError> {
        match word {
            "pods" | "pod" | "po" => Ok(Kind::Pod),
            "services" | "service" | "svc" => Ok(Kind::Service),
            "nodes" | "node" | "no" => Ok(Kind::Node),
            other if is_served(other) => Err(ConsoleError::NotSimulatedCommand {
                command: format!("describe {other}"),
            }),
            other => Err(ConsoleError::UnknownResourceType {
                resource: other.to_string(),
            }),
        }
    }

    /// Every object of the kind, as (namespace, name), in the API's order.
    fn objects(self, cluster: &Cluster) -> Vec<(String, String)> {
        match self {
            Kind::Pod => cluster
                .pods()
                .map(|r| (r.pod.namespace().to_string(), r.pod.metadata.name.clone()))
                .collect(),
            Kind::Service => cluster
                .objects()
                .filter(|(manifest, _)| manifest.kind() == "Service")
                .map(|(manifest, _)| {
                    (
                        manifest.namespace().to_string(),
                        manifest.name().to_string(),
                    )
                })
                .collect(),
            Kind::Node => vec![(String::new(), cluster.node().name.clone())],
        }
    }

    /// The description of one object, `(namespace, name)`.
    fn describe(self, cluster: &Cluster, object: &(String, String), show_events: bool) -> String {
        let (namespace, name) = object;
        match self {
            Kind::Pod => cluster
                .pod(namespace, name)
                .map(|record| describe_pod(cluster, record, show_events))
                .unwrap_or_default(),
            Kind::Service => describe_service(cluster, namespace, name, show_events),
            Kind::Node => describe_node(cluster, show_events),
        }
    }

    /// The error for a name that is not there.
    fn not_found(self, name: &str) -> ConsoleError {
        match self {
            Kind::Pod => ConsoleError::PodNotFound {
                name: name.to_string(),
            },
            Kind::Service => ConsoleError::ObjectNotFound {
                resource: "services",
                name: name.to_string(),
            },
            Kind::Node => ConsoleError::ObjectNotFound {
                resource: "nodes",
                name: name.to_string(),
            },
        }
    }
}
