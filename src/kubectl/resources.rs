//! Services, ConfigMaps, Secrets and the node as the API server returns them
//! (`kubectl get svc web -o yaml`): the stored object with the metadata the
//! server keeps, a Service's allocated addresses and the fields the
//! server defaults (`clusterIPs`, `ipFamilies`, `internalTrafficPolicy`, an
//! empty `status.loadBalancer`), a Secret's `stringData` merged into `data`
//! in base64.

use super::object::{map, string, timestamp, ApiObject};
use crate::clock::SimTime;
use crate::sim::{make_uid, Cluster, StoredMeta};
use crate::spec::{Manifest, Secret, Service};
use serde_yaml::{Mapping, Value};
use std::collections::BTreeMap;

/// Every Service, ConfigMap or Secret of `kind` as the API returns it.
pub fn stored_objects(cluster: &Cluster, kind: &str) -> Vec<ApiObject> {
    cluster
        .objects()
        .filter(|(manifest, _)| manifest.kind() == kind)
        .map(|(manifest, meta)| {
            let (metadata, mut object) = match manifest {
                Manifest::Service(service) => (
                    &service.metadata,
                    service_object(cluster, manifest.namespace(), service),
                ),
                Manifest::ConfigMap(config_map) => (&config_map.metadata, to_value(config_map)),
                Manifest::Secret(secret) => (&secret.metadata, secret_object(secret)),
                Manifest::Pod(pod) => (&pod.metadata, Value::Null),
            };
            add_metadata(&mut object, manifest.namespace(), meta);
            ApiObject {
                namespace: manifest.namespace().to_string(),
                name: metadata.name.clone(),
                labels: metadata.labels.clone(),
                object,
            }
        })
        .collect()
}

/// Adds what the API server sets in `metadata`.
fn add_metadata(object: &mut Value, namespace: &str, meta: &StoredMeta) {
    if let Some(Value::Mapping(metadata)) = object.get_mut("metadata") {
        metadata.insert(string("creationTimestamp"), timestamp(meta.created));
        metadata.insert(string("namespace"), string(namespace));
        metadata.insert(
            string("resourceVersion"),
            string(&meta.resource_version.to_string()),
        );
        metadata.insert(string("uid"), string(&meta.uid));
    }
}

fn to_value<T: serde::Serialize>(object: &T) -> Value {
    serde_yaml::to_value(object).unwrap_or(Value::Null)
}

fn service_object(cluster: &Cluster, namespace: &str, service: &Service) -> Value {
    let mut object = to_value(service);
    let spec_type = service.spec.service_type.as_deref().unwrap_or("ClusterIP");
    if let Some(Value::Mapping(spec)) = object.get_mut("spec") {
        if spec_type != "ExternalName" {
            let ip = cluster
                .cluster_ip(namespace, &service.metadata.name)
                .unwrap_or("None");
            spec.insert(string("clusterIP"), string(ip));
            spec.insert(string("clusterIPs"), Value::Sequence(vec![string(ip)]));
            spec.insert(string("internalTrafficPolicy"), string("Cluster"));
            spec.insert(string("ipFamilies"), Value::Sequence(vec![string("IPv4")]));
            spec.insert(string("ipFamilyPolicy"), string("SingleStack"));
        }
        if matches!(spec_type, "NodePort" | "LoadBalancer") {
            spec.insert(string("externalTrafficPolicy"), string("Cluster"));
        }
    }
    if let Value::Mapping(root) = &mut object {
        root.insert(
            string("status"),
            map(vec![("loadBalancer", map(Vec::new()))]),
        );
    }
    object
}

fn secret_object(secret: &Secret) -> Value {
    let mut stored = secret.clone();
    for (key, value) in std::mem::take(&mut stored.string_data) {
        stored.data.insert(key, encode_base64(value.as_bytes()));
    }
    to_value(&stored)
}

/// Standard base64 with padding, as the API server stores a Secret's data.
fn encode_base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let word = chunk.iter().enumerate().fold(0u32, |word, (i, byte)| {
            word | u32::from(*byte) << (16 - 8 * i)
        });
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(word >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The node's operating system, as its `nodeInfo` names it.
pub const NODE_OS_IMAGE: &str = "Debian GNU/Linux 12 (bookworm)";
/// The node's kernel release.
pub const NODE_KERNEL: &str = "6.1.0-28-amd64";
/// The node's container runtime and version.
pub const NODE_RUNTIME: &str = "docker://27.5.1";

/// The node's labels, as kubeadm and the kubelet set them.
pub fn node_labels(name: &str) -> BTreeMap<String, String> {
    // Filled by `extend`, not `collect` (which compiles a sort for this call).
    let mut labels = BTreeMap::new();
    labels.extend(
        [
            ("beta.kubernetes.io/arch", "amd64"),
            ("beta.kubernetes.io/os", "linux"),
            ("kubernetes.io/arch", "amd64"),
            ("kubernetes.io/hostname", name),
            ("kubernetes.io/os", "linux"),
            ("node-role.kubernetes.io/control-plane", ""),
            (
                "node.kubernetes.io/exclude-from-external-load-balancers",
                "",
            ),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string())),
    );
    labels
}

/// The node as the API returns it: what the simulation knows of it (its
/// addresses, its Ready condition, the versions `get nodes -o wide` shows).
pub fn node_object(cluster: &Cluster) -> ApiObject {
    let node = cluster.node();
    let labels = node_labels(&node.name);
    let label_map: Mapping = labels.iter().map(|(k, v)| (string(k), string(v))).collect();
    let object = map(vec![
        ("apiVersion", string("v1")),
        ("kind", string("Node")),
        (
            "metadata",
            map(vec![
                (
                    "annotations",
                    map(vec![
                        (
                            "kubeadm.alpha.kubernetes.io/cri-socket",
                            string("unix:///var/run/cri-dockerd.sock"),
                        ),
                        ("node.alpha.kubernetes.io/ttl", string("0")),
                        (
                            "volumes.kubernetes.io/controller-managed-attach-detach",
                            string("true"),
                        ),
                    ]),
                ),
                ("creationTimestamp", timestamp(SimTime::ZERO)),
                ("labels", Value::Mapping(label_map)),
                ("name", string(&node.name)),
                ("resourceVersion", string("1000")),
                (
                    "uid",
                    string(&make_uid("", &format!("node/{}", node.name), 0)),
                ),
            ]),
        ),
        (
            "spec",
            map(vec![
                ("podCIDR", string("10.244.1.0/24")),
                ("podCIDRs", Value::Sequence(vec![string("10.244.1.0/24")])),
            ]),
        ),
        ("status", node_status(&node.name, &node.internal_ip)),
    ]);
    ApiObject {
        namespace: String::new(),
        name: node.name.clone(),
        labels,
        object,
    }
}

/// The node's `status`: its addresses, its conditions (no pressure, Ready),
/// the kubelet's endpoint and the versions `get nodes -o wide` shows.
fn node_status(name: &str, internal_ip: &str) -> Value {
    let condition = |kind: &str, status: &str, reason: &str, message: &str| {
        map(vec![
            ("lastHeartbeatTime", timestamp(SimTime::ZERO)),
            ("lastTransitionTime", timestamp(SimTime::ZERO)),
            ("message", string(message)),
            ("reason", string(reason)),
            ("status", string(status)),
            ("type", string(kind)),
        ])
    };
    map(vec![
        (
            "addresses",
            Value::Sequence(vec![
                map(vec![
                    ("address", string(internal_ip)),
                    ("type", string("InternalIP")),
                ]),
                map(vec![
                    ("address", string(name)),
                    ("type", string("Hostname")),
                ]),
            ]),
        ),
        (
            "conditions",
            Value::Sequence(vec![
                condition(
                    "MemoryPressure",
                    "False",
                    "KubeletHasSufficientMemory",
                    "kubelet has sufficient memory available",
                ),
                condition(
                    "DiskPressure",
                    "False",
                    "KubeletHasNoDiskPressure",
                    "kubelet has no disk pressure",
                ),
                condition(
                    "PIDPressure",
                    "False",
                    "KubeletHasSufficientPID",
                    "kubelet has sufficient PID available",
                ),
                condition(
                    "Ready",
                    "True",
                    "KubeletReady",
                    "kubelet is posting ready status",
                ),
            ]),
        ),
        (
            "daemonEndpoints",
            map(vec![(
                "kubeletEndpoint",
                map(vec![("Port", Value::Number(10250.into()))]),
            )]),
        ),
        (
            "nodeInfo",
            map(vec![
                ("architecture", string("amd64")),
                ("containerRuntimeVersion", string(NODE_RUNTIME)),
                ("kernelVersion", string(NODE_KERNEL)),
                ("kubeletVersion", string(crate::KUBERNETES_VERSION)),
                ("operatingSystem", string("linux")),
                ("osImage", string(NODE_OS_IMAGE)),
            ]),
        ),
    ])
}

/// The name of the cluster's `index`th Event: its object's name and the
/// first time in Unix nanoseconds as hex; events of one instant are told
/// apart by their order.
pub fn event_name(index: usize, event: &crate::sim::Event) -> String {
    let millis = crate::runtime::EPOCH_SECONDS as u64 * 1000 + event.first_timestamp.as_millis();
    format!("{}.{:x}", event.name, millis * 1_000_000 + index as u64)
}

/// Every Event as the core/v1 API returns it (`kubectl get events -o yaml`).
///
/// The kubelet records through client-go's core/v1 recorder: `source`,
/// `firstTimestamp`, `lastTimestamp`, `count`, and `reportingComponent` and
/// `reportingInstance` copied from the source. The scheduler records through
/// the events.k8s.io/v1 API, which the core/v1 view shows with `eventTime`,
/// `action: Binding`, an empty `source` and no timestamps or count. They are
/// listed by namespace and name (`nginx.188a3c5e1f2b0000`), as stored. The cluster's revision counter does not count Events, so
/// they carry no `resourceVersion` (nor does their `involvedObject`).
pub fn event_objects(cluster: &Cluster) -> Vec<ApiObject> {
    let mut objects: Vec<ApiObject> = cluster
        .events()
        .iter()
        .enumerate()
        .map(|(index, event)| {
            let name = event_name(index, event);
            let mut involved = vec![
                ("apiVersion", string("v1")),
                ("kind", string(event.kind)),
                ("name", string(&event.name)),
                ("namespace", string(&event.namespace)),
                ("uid", string(&event.uid)),
            ];
            if !event.field_path.is_empty() {
                involved.push(("fieldPath", string(&event.field_path)));
            }
            let mut entries = vec![
                ("apiVersion", string("v1")),
                ("kind", string("Event")),
                ("involvedObject", map(involved)),
                (
                    "metadata",
                    map(vec![
                        ("creationTimestamp", timestamp(event.first_timestamp)),
                        ("name", string(&name)),
                        ("namespace", string(&event.namespace)),
                        ("uid", string(&make_uid(&event.namespace, &name, 0))),
                    ]),
                ),
                ("reason", string(event.reason)),
                ("message", string(&event.message)),
                ("type", string(event.event_type.as_str())),
                ("reportingComponent", string(event.source)),
            ];
            if event.source == "default-scheduler" {
                let seconds = crate::runtime::EPOCH_SECONDS
                    + (event.first_timestamp.as_millis() / 1000) as i64;
                let micro = format!(
                    "{}.{:06}Z",
                    crate::runtime::format_time(seconds, "%FT%T"),
                    event.first_timestamp.as_millis() % 1000 * 1000
                );
                entries.extend([
                    ("action", string("Binding")),
                    ("eventTime", string(&micro)),
                    ("firstTimestamp", Value::Null),
                    ("lastTimestamp", Value::Null),
                    (
                        "reportingInstance",
                        string(&format!("default-scheduler-{}", crate::sim::NODE_NAME)),
                    ),
                    ("source", Value::Mapping(Mapping::new())),
                ]);
            } else {
                entries.extend([
                    ("count", Value::from(event.count)),
                    ("eventTime", Value::Null),
                    ("firstTimestamp", timestamp(event.first_timestamp)),
                    ("lastTimestamp", timestamp(event.last_timestamp)),
                    ("reportingInstance", string(crate::sim::NODE_NAME)),
                    (
                        "source",
                        map(vec![
                            ("component", string(event.source)),
                            ("host", string(crate::sim::NODE_NAME)),
                        ]),
                    ),
                ]);
            }
            ApiObject {
                namespace: event.namespace.clone(),
                name,
                labels: BTreeMap::new(),
                object: map(entries),
            }
        })
        .collect();
    // The API lists them in its storage's key order: namespace, then name.
    crate::sort::sort_by(&mut objects, |a, b| {
        (&a.namespace, &a.name).cmp(&(&b.namespace, &b.name))
    });
    objects
}

#[cfg(test)]
mod tests {
    use super::encode_base64;

    #[test]
    fn base64_pads_as_the_api_server_stores_secret_data() {
        assert_eq!(encode_base64(b"abc"), "YWJj");
        assert_eq!(encode_base64(b"ab"), "YWI=");
        assert_eq!(encode_base64(b"a"), "YQ==");
        assert_eq!(encode_base64(b""), "");
    }
}
