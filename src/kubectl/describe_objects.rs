//! `kubectl describe service|node`: kubectl v1.36's `describeService` and
//! `describeNode` (`pkg/describe/describe.go`), written with the same
//! `PrefixWriter` and tabwriter as the pod's description.
//!
//! A Service's `Endpoints` line lists what its EndpointSlices hold: the ready
//! pods it selects, as `IP:targetPort`, as many as kube-proxy routes to. The
//! node's capacity, System Info and lease are fixed facts of the simulated
//! machine, consistent with `kubectl get nodes -o wide`.

use super::describe::{age, rfc1123z, write_annotations, write_map, Writer};
use super::resources::{node_labels, NODE_KERNEL, NODE_OS_IMAGE, NODE_RUNTIME};
use super::tabwriter::TabWriter;
use crate::clock::SimTime;
use crate::sim::{hex_id, make_uid, target_port, Cluster, PodPhase, PodRecord};
use crate::spec::{
    effective_requests, format_quantity, parse_quantity, IntOrString, Manifest, ParsedQuantity,
    Quantity, QuantityFormat, Service, ServicePort, NANOS,
};
use std::collections::BTreeMap;

/// The text `describeService` prints for one Service, aligned.
pub fn describe_service(
    cluster: &Cluster,
    namespace: &str,
    name: &str,
    show_events: bool,
) -> String {
    let Some(service) = cluster.objects().find_map(|(manifest, _)| match manifest {
        Manifest::Service(service)
            if manifest.namespace() == namespace && service.metadata.name == name =>
        {
            Some(service)
        }
        _ => None,
    }) else {
        return String::new();
    };
    let spec = &service.spec;
    let spec_type = spec.service_type.as_deref().unwrap_or("ClusterIP");
    let mut w = Writer::default();
    w.line(0, format!("Name:\t{name}"));
    w.line(0, format!("Namespace:\t{namespace}"));
    write_map(&mut w, "Labels", &service.metadata.labels, "=");
    write_annotations(&mut w, &service.metadata.annotations);
    let selector: Vec<String> = spec
        .selector
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    let selector = if selector.is_empty() {
        "<none>".to_string()
    } else {
        selector.join(",")
    };
    w.line(0, format!("Selector:\t{selector}"));
    w.line(0, format!("Type:\t{spec_type}"));
    if spec_type == "ExternalName" {
        w.line(0, "IP Families:\t<none>");
        w.line(0, "IP:\t");
        w.line(0, "IPs:\t<none>");
    } else {
        let ip = cluster.cluster_ip(namespace, name).unwrap_or("None");
        w.line(0, "IP Family Policy:\tSingleStack");
        w.line(0, "IP Families:\tIPv4");
        w.line(0, format!("IP:\t{ip}"));
        w.line(0, format!("IPs:\t{ip}"));
    }
    for port in &spec.ports {
        let port_name = port
            .name
            .as_deref()
            .filter(|n| !n.is_empty())
            .unwrap_or("<unset>");
        let protocol = port.protocol.as_deref().unwrap_or("TCP");
        w.line(0, format!("Port:\t{port_name}\t{}/{protocol}", port.port));
        let target = match &port.target_port {
            None => port.port.to_string(),
            Some(IntOrString::Int(number)) => number.to_string(),
            Some(IntOrString::String(text)) => text.clone(),
        };
        w.line(0, format!("TargetPort:\t{target}/{protocol}"));
        if let Some(node_port) = port.node_port {
            w.line(0, format!("NodePort:\t{port_name}\t{node_port}/{protocol}"));
        }
        w.line(
            0,
            format!(
                "Endpoints:\t{}",
                endpoints(cluster, namespace, service, port)
            ),
        );
    }
    let affinity = spec.session_affinity.as_deref().unwrap_or("None");
    w.line(0, format!("Session Affinity:\t{affinity}"));
    if matches!(spec_type, "NodePort" | "LoadBalancer") {
        w.line(0, "External Traffic Policy:\tCluster");
    }
    if spec_type != "ExternalName" {
        w.line(0, "Internal Traffic Policy:\tCluster");
    }
    if show_events {
        w.line(0, "Events:\t<none>");
    }
    TabWriter::DESCRIBE.format(&w.text)
}

/// `formatEndpointSlices` for one port: the ready endpoints the EndpointSlice
/// controller lists (the pods the Service selects that are Ready and not
/// terminating), at most three, then `+ N more...`. A Service without a
/// selector has no slices (`<none>`); one whose slice is empty prints nothing.
fn endpoints(cluster: &Cluster, namespace: &str, service: &Service, port: &ServicePort) -> String {
    if service.spec.selector.is_empty() {
        // The API server keeps the `kubernetes` Service's slice: itself.
        if (namespace, service.metadata.name.as_str()) == ("default", "kubernetes") {
            return format!("{}:6443", cluster.node().internal_ip);
        }
        return "<none>".to_string();
    }
    let addresses: Vec<String> = cluster
        .endpoint_pods(namespace, service)
        .filter_map(|record| {
            let pod_ip = record.status.pod_ip.clone()?;
            let target = target_port(record, port)?;
            Some(format!("{pod_ip}:{target}"))
        })
        .collect();
    const MAX: usize = 3;
    if addresses.len() > MAX {
        format!(
            "{} + {} more...",
            addresses[..MAX].join(","),
            addresses.len() - MAX
        )
    } else {
        addresses.join(",")
    }
}

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
pub fn describe_node(cluster: &Cluster, show_events: bool) -> String {
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
    w.line(0, "Addresses:");
    w.line(1, format!("InternalIP:\t{}", node.internal_ip));
    w.line(1, format!("Hostname:\t{}", node.name));
    for title in ["Capacity", "Allocatable"] {
        w.line(0, format!("{title}:"));
        for (resource, value) in NODE_CAPACITY {
            w.line(0, format!("  {resource}:\t{value}"));
        }
    }
    let seed = node.name.as_bytes();
    w.line(0, "System Info:");
    w.line(
        0,
        format!("  Machine ID:\t{}", &hex_id(&[b"machine-id", seed])[..32]),
    );
    w.line(
        0,
        format!(
            "  System UUID:\t{}",
            make_uid("", &format!("system/{}", node.name), 0)
        ),
    );
    w.line(
        0,
        format!(
            "  Boot ID:\t{}",
            make_uid("", &format!("boot/{}", node.name), 0)
        ),
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
