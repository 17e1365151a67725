//! `kubectl get RESOURCE [NAME…]` for pods, services, events, nodes,
//! configmaps, secrets and `all`, with `-o wide|name`, `-l SELECTOR`,
//! `--show-labels`, `-A` and `-n`, printed as the API server's table
//! printers build the rows (`pkg/printers/internalversion/printers.go`).

use super::args::{parse_args, Args, FlagSpec};
use super::context::Context;
use super::duration::human_duration;
use super::effect::{Effect, Follow};
use super::errors::ConsoleError;
use super::object::{pod_object, ApiObject};
use super::output::Printer;
use super::printers::pod_row;
use super::resources::{
    event_name, event_objects, node_labels, node_object, stored_objects, NODE_KERNEL,
    NODE_OS_IMAGE, NODE_RUNTIME,
};
use super::sink::Output;
use super::tabwriter::TabWriter;
use super::watch::PodWatch;
use crate::clock::SimTime;
use crate::sim::Cluster;
use crate::spec::Manifest;
use std::collections::BTreeMap;

const FLAGS: [FlagSpec; 5] = [
    FlagSpec::value("output", Some('o')),
    FlagSpec::switch("all-namespaces", Some('A')),
    FlagSpec::value("selector", Some('l')),
    FlagSpec::switch("show-labels", None),
    FlagSpec::switch("watch", Some('w')),
];

/// The resource types `get` knows, by what kubectl calls them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Resource {
    Pods,
    Services,
    Events,
    Nodes,
    ConfigMaps,
    Secrets,
}

impl Resource {
    /// The type a word names (`po`, `svc`, `pods`, …).
    fn from_word(word: &str) -> Option<Resource> {
        Some(match word {
            "pods" | "pod" | "po" => Resource::Pods,
            "services" | "service" | "svc" => Resource::Services,
            "events" | "event" | "ev" => Resource::Events,
            "nodes" | "node" | "no" => Resource::Nodes,
            "configmaps" | "configmap" | "cm" => Resource::ConfigMaps,
            "secrets" | "secret" => Resource::Secrets,
            _ => return None,
        })
    }

    /// The plural in `pods "x" not found`.
    fn plural(self) -> &'static str {
        match self {
            Resource::Pods => "pods",
            Resource::Services => "services",
            Resource::Events => "events",
            Resource::Nodes => "nodes",
            Resource::ConfigMaps => "configmaps",
            Resource::Secrets => "secrets",
        }
    }

    /// The singular in `-o name` (`pod/x`).
    fn singular(self) -> &'static str {
        match self {
            Resource::Pods => "pod",
            Resource::Services => "service",
            Resource::Events => "event",
            Resource::Nodes => "node",
            Resource::ConfigMaps => "configmap",
            Resource::Secrets => "secret",
        }
    }

    /// The manifest kind stored for it, for Services, ConfigMaps and Secrets.
    fn kind(self) -> &'static str {
        match self {
            Resource::Services => "Service",
            Resource::ConfigMaps => "ConfigMap",
            Resource::Secrets => "Secret",
            _ => "",
        }
    }
}

/// One object to print: its name, labels and table cells.
struct Row {
    namespace: String,
    name: String,
    labels: BTreeMap<String, String>,
    cells: Vec<String>,
    wide: Vec<String>,
}

/// Runs `kubectl get ARGS`; with `-w` on pods, returns the watch that goes on.
pub fn get(context: Context<'_>, arguments: &[String]) -> Result<Effect, ConsoleError> {
    let Context {
        cluster, output, ..
    } = context;
    let args = parse_args("get", arguments, &FLAGS)?;
    let Some((first, names)) = args.positionals.split_first() else {
        return Err(ConsoleError::ResourceTypeRequired);
    };
    // `pods/NAME` names the type and the object in one word.
    let (word, names): (String, Vec<String>) = match first.split_once('/') {
        Some((kind, name)) => (
            kind.to_string(),
            std::iter::once(name.to_string())
                .chain(names.iter().cloned())
                .collect(),
        ),
        None => (first.clone(), names.to_vec()),
    };
    let format = Printer::for_format(args.value("output"))?;
    let selector = parse_selector(args.value("selector").unwrap_or(""));
    let resources: Vec<Resource> = if word == "all" {
        vec![Resource::Pods, Resource::Services]
    } else {
        vec![
            Resource::from_word(&word).ok_or(ConsoleError::UnknownResourceType {
                resource: word.clone(),
            })?,
        ]
    };
    if format.prints_objects() {
        return print_objects(cluster, &args, &resources, &names, &format, output)
            .map(|()| Effect::None);
    }
    let all_namespaces = args.is_set("all-namespaces");
    let namespace = args.value("namespace").unwrap_or("default");
    let mut printed_any = false;
    // The header and rows printed for pods, for a watch to line up with.
    let mut printed_pods: Vec<Vec<String>> = Vec::new();
    for resource in &resources {
        let mut rows = rows(cluster, *resource);
        rows.retain(|row| {
            (all_namespaces || *resource == Resource::Nodes || row.namespace == namespace)
                && selector
                    .iter()
                    .all(|requirement| requirement.matches(&row.labels))
        });
        if !names.is_empty() {
            let mut chosen = Vec::new();
            for name in &names {
                match rows.iter().position(|r| &r.name == name) {
                    Some(index) => chosen.push(rows.remove(index)),
                    None => output.error(ConsoleError::ObjectNotFound {
                        resource: resource.plural(),
                        name: name.clone(),
                    }),
                }
            }
            rows = chosen;
        }
        if rows.is_empty() {
            continue;
        }
        if printed_any && format != Printer::Name {
            output.stdout("");
        }
        printed_any = true;
        let prefixed = word == "all";
        if *resource == Resource::Pods {
            let mut header: Vec<String> = headers(Resource::Pods)
                .0
                .iter()
                .map(|h| h.to_string())
                .collect();
            if all_namespaces {
                header.insert(0, "NAMESPACE".to_string());
            }
            printed_pods.push(header);
            printed_pods.extend(rows.iter().map(|row| {
                let mut cells = row.cells.clone();
                if all_namespaces {
                    cells.insert(0, row.namespace.clone());
                }
                cells
            }));
        }
        print_table(
            *resource,
            rows,
            &format,
            all_namespaces,
            prefixed,
            args.is_set("show-labels"),
            output,
        );
    }
    if !printed_any && names.is_empty() {
        output.stderr(if all_namespaces || resources == [Resource::Nodes] {
            "No resources found".to_string()
        } else {
            format!("No resources found in {namespace} namespace.")
        });
    }
    if args.is_set("watch") && resources == [Resource::Pods] && format != Printer::Name {
        return Ok(Effect::Follow(Follow::Pods(PodWatch::new(
            cluster,
            (!all_namespaces).then(|| namespace.to_string()),
            names,
            &printed_pods,
        ))));
    }
    Ok(Effect::None)
}

/// `-o yaml|json|jsonpath=…|custom-columns=…`: the objects as the API
/// returns them, after the not-found errors kubectl gathers on the way.
fn print_objects(
    cluster: &Cluster,
    args: &Args,
    resources: &[Resource],
    names: &[String],
    printer: &Printer,
    output: &mut Output,
) -> Result<(), ConsoleError> {
    let all_namespaces = args.is_set("all-namespaces");
    let namespace = args.value("namespace").unwrap_or("default");
    let selector = parse_selector(args.value("selector").unwrap_or(""));
    let mut objects = Vec::new();
    let mut errors = Vec::new();
    for resource in resources {
        let mut found: Vec<ApiObject> = api_objects(cluster, *resource);
        found.retain(|found| {
            (all_namespaces || *resource == Resource::Nodes || found.namespace == namespace)
                && selector.iter().all(|s| s.matches(&found.labels))
        });
        if names.is_empty() {
            objects.extend(found.into_iter().map(|found| found.object));
            continue;
        }
        for name in names {
            match found.iter().position(|found| &found.name == name) {
                Some(index) => objects.push(found.remove(index).object),
                None => errors.push(ConsoleError::ObjectNotFound {
                    resource: resource.plural(),
                    name: name.clone(),
                }),
            }
        }
    }
    // One object named: that object, or its error alone.
    let single = names.len() == 1 && resources.len() == 1;
    if single && objects.is_empty() {
        return Err(errors.remove(0));
    }
    printer.print(objects, single, output)?;
    for error in errors {
        output.error(error);
    }
    Ok(())
}

/// Every object of `resource` as the API returns it.
fn api_objects(cluster: &Cluster, resource: Resource) -> Vec<ApiObject> {
    match resource {
        Resource::Pods => cluster
            .pods()
            .map(|record| ApiObject {
                namespace: record.pod.namespace().to_string(),
                name: record.pod.metadata.name.clone(),
                labels: record.pod.metadata.labels.clone(),
                object: pod_object(record),
            })
            .collect(),
        Resource::Services | Resource::ConfigMaps | Resource::Secrets => {
            stored_objects(cluster, resource.kind())
        }
        Resource::Nodes => vec![node_object(cluster)],
        Resource::Events => event_objects(cluster),
    }
}

fn print_table(
    resource: Resource,
    rows: Vec<Row>,
    format: &Printer,
    all_namespaces: bool,
    prefixed: bool,
    show_labels: bool,
    output: &mut Output,
) {
    if *format == Printer::Name {
        for row in rows {
            output.stdout(format!("{}/{}", resource.singular(), row.name));
        }
        return;
    }
    let (headers, wide_headers) = headers(resource);
    let mut table = String::new();
    if all_namespaces && resource != Resource::Nodes {
        table.push_str("NAMESPACE\t");
    }
    table.push_str(&headers.join("\t"));
    if *format == Printer::Wide {
        for header in wide_headers {
            table.push('\t');
            table.push_str(header);
        }
    }
    if show_labels {
        table.push_str("\tLABELS");
    }
    table.push('\n');
    for row in rows {
        if all_namespaces && resource != Resource::Nodes {
            table.push_str(&row.namespace);
            table.push('\t');
        }
        let mut cells = row.cells;
        if prefixed {
            cells[0] = format!("{}/{}", resource.singular(), cells[0]);
        }
        if *format == Printer::Wide {
            cells.extend(row.wide);
        }
        if show_labels {
            cells.push(labels_cell(&row.labels));
        }
        table.push_str(&cells.join("\t"));
        table.push('\n');
    }
    output.stdout(TabWriter::GET.format(&table));
}

/// The columns of each resource's table, and the extra ones of `-o wide`.
fn headers(resource: Resource) -> (&'static [&'static str], &'static [&'static str]) {
    match resource {
        Resource::Pods => (
            &["NAME", "READY", "STATUS", "RESTARTS", "AGE"],
            &["IP", "NODE", "NOMINATED NODE", "READINESS GATES"],
        ),
        Resource::Services => (
            &[
                "NAME",
                "TYPE",
                "CLUSTER-IP",
                "EXTERNAL-IP",
                "PORT(S)",
                "AGE",
            ],
            &["SELECTOR"],
        ),
        Resource::Events => (&["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"], &[]),
        Resource::Nodes => (
            &["NAME", "STATUS", "ROLES", "AGE", "VERSION"],
            &[
                "INTERNAL-IP",
                "EXTERNAL-IP",
                "OS-IMAGE",
                "KERNEL-VERSION",
                "CONTAINER-RUNTIME",
            ],
        ),
        Resource::ConfigMaps => (&["NAME", "DATA", "AGE"], &[]),
        Resource::Secrets => (&["NAME", "TYPE", "DATA", "AGE"], &[]),
    }
}

/// Every object of `resource`, as rows.
fn rows(cluster: &Cluster, resource: Resource) -> Vec<Row> {
    let now = cluster.now();
    let age = |created: SimTime| human_duration(now.millis_since(created));
    match resource {
        Resource::Pods => cluster
            .pods()
            .map(|record| {
                let row = pod_row(record, now);
                Row {
                    namespace: record.pod.namespace().to_string(),
                    name: row.name.clone(),
                    labels: record.pod.metadata.labels.clone(),
                    cells: vec![row.name, row.ready, row.status, row.restarts, row.age],
                    wide: vec![row.ip, row.node, "<none>".into(), "<none>".into()],
                }
            })
            .collect(),
        Resource::Nodes => {
            let node = cluster.node();
            vec![Row {
                namespace: String::new(),
                name: node.name.clone(),
                labels: node_labels(&node.name),
                cells: vec![
                    node.name.clone(),
                    "Ready".into(),
                    "control-plane".into(),
                    age(SimTime::ZERO),
                    crate::KUBERNETES_VERSION.into(),
                ],
                wide: vec![
                    node.internal_ip.clone(),
                    "<none>".into(),
                    NODE_OS_IMAGE.into(),
                    NODE_KERNEL.into(),
                    NODE_RUNTIME.into(),
                ],
            }]
        }
        Resource::Events => {
            let mut events: Vec<_> = cluster.events().iter().enumerate().collect();
            crate::sort::sort_by(&mut events, |(_, a), (_, b)| {
                a.name
                    .cmp(&b.name)
                    .then(a.first_timestamp.cmp(&b.first_timestamp))
            });
            events
                .into_iter()
                .map(|(index, event)| {
                    let seen = if event.count > 1 {
                        format!(
                            "{} (x{} over {})",
                            age(event.last_timestamp),
                            event.count,
                            age(event.first_timestamp)
                        )
                    } else {
                        age(event.first_timestamp)
                    };
                    Row {
                        namespace: event.namespace.clone(),
                        name: event_name(index, event),
                        labels: BTreeMap::new(),
                        cells: vec![
                            seen,
                            event.event_type.as_str().into(),
                            event.reason.into(),
                            format!("{}/{}", event.kind.to_lowercase(), event.name),
                            event.message.trim().to_string(),
                        ],
                        wide: Vec::new(),
                    }
                })
                .collect()
        }
        Resource::Services | Resource::ConfigMaps | Resource::Secrets => cluster
            .objects()
            .filter(|(manifest, _)| manifest.kind() == resource.kind())
            .map(|(manifest, meta)| object_row(cluster, manifest, meta.created, now))
            .collect(),
    }
}

fn object_row(cluster: &Cluster, manifest: &Manifest, created: SimTime, now: SimTime) -> Row {
    let age = human_duration(now.millis_since(created));
    let metadata = match manifest {
        Manifest::Pod(p) => &p.metadata,
        Manifest::Service(s) => &s.metadata,
        Manifest::ConfigMap(c) => &c.metadata,
        Manifest::Secret(s) => &s.metadata,
    };
    let (cells, wide) = match manifest {
        Manifest::Service(service) => {
            let spec = &service.spec;
            let ports: Vec<String> = spec
                .ports
                .iter()
                .map(|p| {
                    let protocol = p.protocol.as_deref().unwrap_or("TCP");
                    match p.node_port {
                        Some(node_port) => format!("{}:{node_port}/{protocol}", p.port),
                        None => format!("{}/{protocol}", p.port),
                    }
                })
                .collect();
            let selector = if spec.selector.is_empty() {
                "<none>".to_string()
            } else {
                labels_cell(&spec.selector)
            };
            (
                vec![
                    metadata.name.clone(),
                    spec.service_type
                        .clone()
                        .unwrap_or_else(|| "ClusterIP".into()),
                    cluster
                        .cluster_ip(manifest.namespace(), &metadata.name)
                        .unwrap_or("None")
                        .to_string(),
                    "<none>".into(),
                    if ports.is_empty() {
                        "<none>".into()
                    } else {
                        ports.join(",")
                    },
                    age,
                ],
                vec![selector],
            )
        }
        Manifest::ConfigMap(config_map) => (
            vec![
                metadata.name.clone(),
                (config_map.data.len() + config_map.binary_data.len()).to_string(),
                age,
            ],
            Vec::new(),
        ),
        Manifest::Secret(secret) => {
            // Filled by `extend`, not `collect` (which compiles a sort for this call).
            let mut keys = std::collections::BTreeSet::new();
            keys.extend(secret.data.keys().chain(secret.string_data.keys()));
            (
                vec![
                    metadata.name.clone(),
                    secret
                        .secret_type
                        .clone()
                        .unwrap_or_else(|| "Opaque".into()),
                    keys.len().to_string(),
                    age,
                ],
                Vec::new(),
            )
        }
        Manifest::Pod(_) => (vec![metadata.name.clone()], Vec::new()),
    };
    Row {
        namespace: manifest.namespace().to_string(),
        name: metadata.name.clone(),
        labels: metadata.labels.clone(),
        cells,
        wide,
    }
}

/// Labels as `--show-labels` prints them: `a=b,c=d`, or `<none>`.
fn labels_cell(labels: &BTreeMap<String, String>) -> String {
    if labels.is_empty() {
        return "<none>".to_string();
    }
    labels
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// One requirement of a label selector.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Requirement {
    Equals(String, String),
    NotEquals(String, String),
    Exists(String),
    NotExists(String),
}

impl Requirement {
    fn matches(&self, labels: &BTreeMap<String, String>) -> bool {
        match self {
            Requirement::Equals(k, v) => labels.get(k) == Some(v),
            Requirement::NotEquals(k, v) => labels.get(k) != Some(v),
            Requirement::Exists(k) => labels.contains_key(k),
            Requirement::NotExists(k) => !labels.contains_key(k),
        }
    }
}

/// `-l app=web,tier!=db,canary,!legacy`.
fn parse_selector(text: &str) -> Vec<Requirement> {
    text.split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            if let Some((k, v)) = part.split_once("!=") {
                Requirement::NotEquals(k.trim().into(), v.trim().into())
            } else if let Some((k, v)) = part.split_once("==").or_else(|| part.split_once('=')) {
                Requirement::Equals(k.trim().into(), v.trim().into())
            } else if let Some(k) = part.strip_prefix('!') {
                Requirement::NotExists(k.trim().into())
            } else {
                Requirement::Exists(part.into())
            }
        })
        .collect()
}
