//! `describePod`: one pod's description, from its name to its events.

use super::containers::write_containers;
use super::env::EnvContext;
use super::events::write_events;
use super::volumes::write_volumes;
use super::writer::{age, rfc1123z, write_annotations, write_map, Writer};
use crate::kubectl::tabwriter::TabWriter;
use crate::sim::{Cluster, PodRecord};
use crate::spec::qos_class;

/// The text `describePod` prints for one pod, aligned.
pub fn describe_pod(cluster: &Cluster, record: &PodRecord, show_events: bool) -> String {
    let mut w = Writer::default();
    let pod = &record.pod;
    let spec = &pod.spec;
    let status = &record.status;
    write_identity(&mut w, record);
    write_status(&mut w, cluster, record);
    let env = EnvContext {
        pod_name: &pod.metadata.name,
        namespace: pod.namespace(),
    };
    if !spec.init_containers.is_empty() {
        write_containers(
            &mut w,
            "Init Containers",
            &spec.init_containers,
            &status.init_container_statuses,
            &env,
        );
    }
    write_containers(
        &mut w,
        "Containers",
        &spec.containers,
        &status.container_statuses,
        &env,
    );
    if !status.conditions.is_empty() {
        w.line(0, "Conditions:");
        w.line(1, "Type\tStatus");
        for condition in &status.conditions {
            let value = if condition.status { "True" } else { "False" };
            w.line(1, format!("{} \t{value} ", condition.condition_type));
        }
    }
    write_volumes(&mut w, &spec.volumes);
    w.line(
        0,
        format!(
            "QoS Class:\t{}",
            qos_class(spec.containers.iter().chain(&spec.init_containers))
        ),
    );
    write_map(&mut w, "Node-Selectors", &spec.node_selector, "=");
    write_tolerations(&mut w, spec);
    if show_events {
        write_events(&mut w, cluster, record);
    }
    TabWriter::DESCRIBE.format(&w.text)
}

/// `printTolerationsMultilineWithIndent`, sorted by key.
fn write_tolerations(w: &mut Writer, spec: &crate::spec::PodSpec) {
    if spec.tolerations.is_empty() {
        w.line(0, "Tolerations:\t<none>");
        return;
    }
    let mut tolerations: Vec<_> = spec.tolerations.iter().collect();
    crate::sort::sort_by(&mut tolerations, |a, b| a.key.cmp(&b.key));
    for (index, toleration) in tolerations.into_iter().enumerate() {
        let mut text = String::from(if index == 0 { "Tolerations:\t" } else { "\t" });
        text.push_str(&toleration.key);
        if !toleration.value.is_empty() {
            text.push('=');
            text.push_str(&toleration.value);
        }
        if !toleration.effect.is_empty() {
            text.push(':');
            text.push_str(&toleration.effect);
        }
        if toleration.operator == "Exists" && toleration.value.is_empty() {
            if !toleration.key.is_empty() || !toleration.effect.is_empty() {
                text.push(' ');
            }
            text.push_str("op=Exists");
        }
        if let Some(seconds) = toleration.toleration_seconds {
            text.push_str(&format!(" for {seconds}s"));
        }
        w.line(0, text);
    }
}

/// The pod's name, priority, account, node, start time, labels and annotations.
fn write_identity(w: &mut Writer, record: &PodRecord) {
    let pod = &record.pod;
    let spec = &pod.spec;
    let status = &record.status;
    w.line(0, format!("Name:\t{}", pod.metadata.name));
    w.line(0, format!("Namespace:\t{}", pod.namespace()));
    if let Some(priority) = spec.priority {
        w.line(0, format!("Priority:\t{priority}"));
    }
    if let Some(class) = spec
        .priority_class_name
        .as_deref()
        .filter(|c| !c.is_empty())
    {
        w.line(0, format!("Priority Class Name:\t{class}"));
    }
    if let Some(account) = spec
        .service_account_name
        .as_deref()
        .filter(|a| !a.is_empty())
    {
        w.line(0, format!("Service Account:\t{account}"));
    }
    match &record.node_name {
        None => w.line(0, "Node:\t<none>"),
        Some(node) => w.line(
            0,
            format!("Node:\t{node}/{}", status.host_ip.as_deref().unwrap_or("")),
        ),
    }
    if let Some(start) = status.start_time {
        w.line(0, format!("Start Time:\t{}", rfc1123z(start)));
    }
    write_map(w, "Labels", &pod.metadata.labels, "=");
    write_annotations(w, &pod.metadata.annotations);
}

/// The pod's status (or `Terminating`), reason, message and IPs.
fn write_status(w: &mut Writer, cluster: &Cluster, record: &PodRecord) {
    let status = &record.status;
    let terminal = matches!(
        status.phase,
        crate::sim::PodPhase::Failed | crate::sim::PodPhase::Succeeded
    );
    match (record.deletion_requested, terminal) {
        (Some(requested), false) => {
            let grace = record.deletion_grace_seconds.unwrap_or(0);
            // `deletionTimestamp` is the request plus the grace period.
            let deadline = requested + grace * 1000;
            w.line(
                0,
                format!(
                    "Status:\tTerminating (lasts {})",
                    age(cluster.now(), deadline)
                ),
            );
            w.line(0, format!("Termination Grace Period:\t{grace}s"));
        }
        _ => w.line(0, format!("Status:\t{}", status.phase.as_str())),
    }
    if let Some(reason) = status.reason.as_deref().filter(|r| !r.is_empty()) {
        w.line(0, format!("Reason:\t{reason}"));
    }
    if let Some(message) = status.message.as_deref().filter(|m| !m.is_empty()) {
        w.line(0, format!("Message:\t{message}"));
    }
    let pod_ip = status.pod_ip.as_deref().unwrap_or("");
    w.line(0, format!("IP:\t{pod_ip}"));
    if pod_ip.is_empty() {
        w.line(0, "IPs:\t<none>");
    } else {
        w.line(0, "IPs:");
        w.line(1, format!("IP:\t{pod_ip}"));
    }
}
