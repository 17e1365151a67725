//! `describeService`: a Service's description. Its `Endpoints` line lists
//! what its EndpointSlices hold: the ready pods it selects, as
//! `IP:targetPort`, as many as kube-proxy routes to.

use super::writer::{write_annotations, write_map, Writer};
use crate::kubectl::tabwriter::TabWriter;
use crate::sim::{target_port, Cluster};
use crate::spec::{IntOrString, Manifest, Service, ServicePort};

/// The text `describeService` prints for one Service, aligned.
pub(super) fn describe_service(
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
