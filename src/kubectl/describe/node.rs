//! `describeNode`: the node's description. Its capacity, System Info and
//! lease are fixed facts of the simulated machine, consistent with
//! `kubectl get nodes -o wide`; its pods' requests and limits are summed
//! exactly.

use super::writer::{age, rfc1123z, write_annotations, write_map, Writer};
use crate::clock::SimTime;
use crate::kubectl::resources::{node_labels, NODE_KERNEL, NODE_OS_IMAGE, NODE_RUNTIME};
use crate::kubectl::tabwriter::TabWriter;
use crate::sim::{hex_id, make_uid, Cluster, PodPhase, PodRecord};
use crate::spec::{
    effective_requests, format_quantity, parse_quantity, ParsedQuantity, Quantity, QuantityFormat,
    NANOS,
};
use std::collections::BTreeMap;

/// The node's capacity (and allocatable: kubeadm reserves nothing), in the
/// order `SortableResourceNames` sorts them.
const NODE_CAPACITY: [(&str, &str); 6] = [
    ("cpu", "2"),
    ("ephemeral-storage", "20463184Ki"),
    ("hugepages-1Gi", "0"),
    ("hugepages-2Mi", "0"),
    ("memory", "4015456Ki"),
    ("pods", "110"),
];

/// The node's pod CIDR, as `kubectl get nodes -o yaml` shows it.
const NODE_POD_CIDR: &str = "10.244.1.0/24";

/// The text `describeNode` prints for the node, aligned.
pub(super) fn describe_node(cluster: &Cluster, show_events: bool) -> String {
    let node = cluster.node();
    let labels = node_labels(&node.name);
    let now = cluster.now();
    let mut w = Writer::default();
    w.line(0, format!("Name:\t{}", node.name));
    w.line(0, "Roles:\tcontrol-plane");
    write_map(&mut w, "Labels", &labels, "=");
    let mut annotations = BTreeMap::new();
    annotations.extend(
        [
            (
                "kubeadm.alpha.kubernetes.io/cri-socket",
                "unix:///var/run/cri-dockerd.sock",
            ),
            ("node.alpha.kubernetes.io/ttl", "0"),
            (
                "volumes.kubernetes.io/controller-managed-attach-detach",
                "true",
            ),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string())),
    );
    write_annotations(&mut w, &annotations);
    w.line(
        0,
        format!("CreationTimestamp:\t{}", rfc1123z(SimTime::ZERO)),
    );
    w.line(0, "Taints:\t<none>");
    w.line(0, "Unschedulable:\tfalse");
    // The kubelet renews its lease every ten seconds.
    let renewed = SimTime::from_millis(now.as_millis() / 10_000 * 10_000);
    w.line(0, "Lease:");
    w.line(1, format!("HolderIdentity:\t{}", node.name));
    w.line(1, "AcquireTime:\t<unset>");
    w.line(1, format!("RenewTime:\t{}", rfc1123z(renewed)));
    write_conditions(&mut w);
    w.line(0, "Addresses:");
    w.line(1, format!("InternalIP:\t{}", node.internal_ip));
    w.line(1, format!("Hostname:\t{}", node.name));
    for title in ["Capacity", "Allocatable"] {
        w.line(0, format!("{title}:"));
        for (resource, value) in NODE_CAPACITY {
            w.line(0, format!("  {resource}:\t{value}"));
        }
    }
    write_system_info(&mut w, &node.name);
    w.line(0, format!("PodCIDR:\t{NODE_POD_CIDR}"));
    w.line(0, format!("PodCIDRs:\t{NODE_POD_CIDR}"));
    write_node_pods(&mut w, cluster);
    if show_events {
        w.line(0, "Events:\t<none>");
    }
    TabWriter::DESCRIBE.format(&w.text)
}

/// The node's allocatable amount of `resource`, in nanounits.
fn allocatable(resource: &str) -> i128 {
    NODE_CAPACITY
        .iter()
        .find(|(name, _)| *name == resource)
        .and_then(|(_, value)| parse_quantity(value))
        .map_or(0, |q| q.nanos)
}

/// `describeNodeResource`: the non-terminated pods with their requests and
/// limits, then their totals against what the node can allocate.
fn write_node_pods(w: &mut Writer, cluster: &Cluster) {
    let node = cluster.node();
    let pods: Vec<&PodRecord> = cluster
        .pods()
        .filter(|r| r.node_name.as_deref() == Some(node.name.as_str()))
        .filter(|r| !matches!(r.status.phase, PodPhase::Succeeded | PodPhase::Failed))
        .collect();
    let now = cluster.now();
    w.line(
        0,
        format!("Non-terminated Pods:\t({} in total)", pods.len()),
    );
    w.line(
        1,
        "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge",
    );
    w.line(
        1,
        "---------\t----\t\t------------\t----------\t---------------\t-------------\t---",
    );
    let mut total_requests: BTreeMap<String, ParsedQuantity> = BTreeMap::new();
    let mut total_limits: BTreeMap<String, ParsedQuantity> = BTreeMap::new();
    for record in &pods {
        let (requests, limits) = pod_requests_and_limits(record);
        w.line(
            1,
            format!(
                "{}\t{}\t\t{}\t{}\t{}\t{}\t{}",
                record.pod.namespace(),
                record.pod.metadata.name,
                cell(&requests, "cpu"),
                cell(&limits, "cpu"),
                cell(&requests, "memory"),
                cell(&limits, "memory"),
                age(now, record.created_at)
            ),
        );
        add_into(&mut total_requests, requests);
        add_into(&mut total_limits, limits);
    }
    w.line(
        0,
        "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)",
    );
    w.line(1, "Resource\tRequests\tLimits");
    w.line(1, "--------\t--------\t------");
    for resource in [
        "cpu",
        "memory",
        "ephemeral-storage",
        "hugepages-1Gi",
        "hugepages-2Mi",
    ] {
        w.line(
            1,
            format!(
                "{resource}\t{}\t{}",
                cell(&total_requests, resource),
                cell(&total_limits, resource)
            ),
        );
    }
}

/// A zero quantity, as an absent request prints (`0`).
const ZERO: ParsedQuantity = ParsedQuantity {
    nanos: 0,
    format: QuantityFormat::DecimalSi,
};

/// A cell of `describe node`'s resource tables: the amount of `resource` in
/// `map` and its share of the node's allocatable, `100m (5%)`.
fn cell(map: &BTreeMap<String, ParsedQuantity>, resource: &str) -> String {
    let quantity = map.get(resource).copied().unwrap_or(ZERO);
    format!(
        "{} ({}%)",
        format_quantity(quantity),
        percent(quantity, allocatable(resource), resource)
    )
}

/// The whole percentage of `allocatable` a quantity is: CPU in millicores,
/// the rest in whole units (rounded up, as `Value()` rounds).
fn percent(quantity: ParsedQuantity, allocatable: i128, resource: &str) -> i128 {
    let unit = if resource == "cpu" {
        NANOS / 1000
    } else {
        NANOS
    };
    let scaled = |nanos: i128| (nanos + unit - 1).div_euclid(unit);
    let whole = scaled(allocatable);
    if whole == 0 {
        return 0;
    }
    (scaled(quantity.nanos) as f64 / whole as f64 * 100.0) as i128
}

/// `Quantity.Add` into a running total; the total keeps its first format.
fn add_into(total: &mut BTreeMap<String, ParsedQuantity>, more: BTreeMap<String, ParsedQuantity>) {
    for (resource, quantity) in more {
        total
            .entry(resource)
            .and_modify(|sum| sum.nanos += quantity.nanos)
            .or_insert(quantity);
    }
}

/// `resourcehelper.PodRequests` and `PodLimits`: the app containers' sum, or
/// the largest init container's when that is larger.
fn pod_requests_and_limits(
    record: &PodRecord,
) -> (
    BTreeMap<String, ParsedQuantity>,
    BTreeMap<String, ParsedQuantity>,
) {
    let spec = &record.pod.spec;
    let limits_of = |container: &crate::spec::Container| {
        container
            .resources
            .as_ref()
            .map(|r| r.limits.clone())
            .unwrap_or_default()
    };
    let combine = |of: &dyn Fn(&crate::spec::Container) -> BTreeMap<String, Quantity>| {
        let mut sum: BTreeMap<String, ParsedQuantity> = BTreeMap::new();
        for container in &spec.containers {
            add_into(&mut sum, parsed(of(container)));
        }
        for container in &spec.init_containers {
            for (resource, quantity) in parsed(of(container)) {
                let entry = sum.entry(resource).or_insert(quantity);
                if quantity.nanos > entry.nanos {
                    *entry = quantity;
                }
            }
        }
        sum
    };
    (combine(&effective_requests), combine(&limits_of))
}

fn parsed(map: BTreeMap<String, Quantity>) -> BTreeMap<String, ParsedQuantity> {
    map.into_iter()
        .filter_map(|(name, quantity)| Some((name, quantity.parsed()?)))
        .collect()
}

/// The node's conditions: no pressure, and Ready since it started.
fn write_conditions(w: &mut Writer) {
    w.line(
        0,
        "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage",
    );
    w.line(
        1,
        "----\t------\t-----------------\t------------------\t------\t-------",
    );
    let since = rfc1123z(SimTime::ZERO);
    for (kind, status, reason, message) in [
        (
            "MemoryPressure",
            "False",
            "KubeletHasSufficientMemory",
            "kubelet has sufficient memory available",
        ),
        (
            "DiskPressure",
            "False",
            "KubeletHasNoDiskPressure",
            "kubelet has no disk pressure",
        ),
        (
            "PIDPressure",
            "False",
            "KubeletHasSufficientPID",
            "kubelet has sufficient PID available",
        ),
        (
            "Ready",
            "True",
            "KubeletReady",
            "kubelet is posting ready status",
        ),
    ] {
        w.line(
            1,
            format!("{kind} \t{status} \t{since} \t{since} \t{reason} \t{message}"),
        );
    }
}

/// `System Info:`: the machine's fixed ids and versions.
fn write_system_info(w: &mut Writer, name: &str) {
    let seed = name.as_bytes();
    w.line(0, "System Info:");
    w.line(
        0,
        format!("  Machine ID:\t{}", &hex_id(&[b"machine-id", seed])[..32]),
    );
    w.line(
        0,
        format!(
            "  System UUID:\t{}",
            make_uid("", &format!("system/{}", name), 0)
        ),
    );
    w.line(
        0,
        format!("  Boot ID:\t{}", make_uid("", &format!("boot/{}", name), 0)),
    );
    w.line(0, format!("  Kernel Version:\t{NODE_KERNEL}"));
    w.line(0, format!("  OS Image:\t{NODE_OS_IMAGE}"));
    w.line(0, "  Operating System:\tlinux");
    w.line(0, "  Architecture:\tamd64");
    w.line(0, format!("  Container Runtime Version:\t{NODE_RUNTIME}"));
    w.line(
        0,
        format!("  Kubelet Version:\t{}", crate::KUBERNETES_VERSION),
    );
}
