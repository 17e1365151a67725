//! The rows of `get`'s tables, as the API server's table printers build them
//! (`pkg/printers/internalversion/printers.go`): pods, the node, events,
//! Services, ConfigMaps and Secrets.

use super::resource::Resource;
use crate::clock::SimTime;
use crate::kubectl::duration::human_duration;
use crate::kubectl::printers::pod_row;
use crate::kubectl::resources::{
    event_name, node_labels, NODE_KERNEL, NODE_OS_IMAGE, NODE_RUNTIME,
};
use crate::sim::Cluster;
use crate::spec::Manifest;
use std::collections::BTreeMap;

/// One object to print: its name, labels and table cells.
pub(super) struct Row {
    /// Its namespace (empty for the node).
    pub(super) namespace: String,
    /// Its name, for NAME arguments and `-o name`.
    pub(super) name: String,
    /// Its labels, for `-l` and `--show-labels`.
    pub(super) labels: BTreeMap<String, String>,
    /// The table's cells.
    pub(super) cells: Vec<String>,
    /// The extra cells of `-o wide`.
    pub(super) wide: Vec<String>,
}

/// Every object of `resource`, as rows.
pub(super) fn rows(cluster: &Cluster, resource: Resource) -> Vec<Row> {
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

/// The row of a stored Service, ConfigMap or Secret.
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
pub(super) fn labels_cell(labels: &BTreeMap<String, String>) -> String {
    if labels.is_empty() {
        return "<none>".to_string();
    }
    labels
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",")
}
