//! `kubectl describe pod NAME…` / `kubectl describe pods`: kubectl v1.36's
//! `describePod` (`pkg/describe/describe.go`), field for field; the
//! command's dispatch also serves Services and the node
//! (`describe_objects.rs`). A served kind not simulated says so.
//!
//! The text is built as kubectl builds it: a `PrefixWriter` indents two spaces
//! per level, cells end in `\t`, and the whole description goes through Go's
//! tabwriter (minwidth 0, padding 2), so every run of lines with tabs aligns
//! on its own. `DescribeEvents` flushes the tabwriter before its table; its
//! `Events:` line has no tab, so formatting the text in one go is the same.

use super::args::{parse_args, parse_bool, FlagSpec};
use super::context::Context;
use super::duration::human_duration;
use super::effect::Effect;
use super::errors::ConsoleError;
use super::tabwriter::TabWriter;
use super::target::pod_name;
use crate::clock::SimTime;
use crate::runtime::images::Reference;
use crate::runtime::{format_time, EPOCH_SECONDS};
use crate::sim::{hex_id, Cluster, ContainerState, ContainerStatus, PodRecord};
use crate::spec::{effective_requests, qos_class, Container, Probe, Quantity, Volume, NANOS};
use std::collections::BTreeMap;

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
    let kind = match resource {
        "pods" | "pod" | "po" => Kind::Pod,
        "services" | "service" | "svc" => Kind::Service,
        "nodes" | "node" | "no" => Kind::Node,
        other if super::api_resources::is_served(other) => {
            return Err(ConsoleError::NotSimulatedCommand {
                command: format!("describe {other}"),
            })
        }
        other => {
            return Err(ConsoleError::UnknownResourceType {
                resource: other.to_string(),
            })
        }
    };
    let show_events_flag = match args.value("show-events") {
        None => None,
        Some(value) => Some(parse_bool(value).ok_or_else(|| ConsoleError::InvalidBool {
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
    let describe_one = |(object_namespace, name): &(String, String)| -> String {
        match kind {
            Kind::Pod => cluster
                .pod(object_namespace, name)
                .map(|record| describe_pod(cluster, record, show_events))
                .unwrap_or_default(),
            Kind::Service => super::describe_objects::describe_service(
                cluster,
                object_namespace,
                name,
                show_events,
            ),
            Kind::Node => super::describe_objects::describe_node(cluster, show_events),
        }
    };

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
    Pod,
    Service,
    Node,
}

impl Kind {
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

/// The text `describePod` prints for one pod, aligned.
pub fn describe_pod(cluster: &Cluster, record: &PodRecord, show_events: bool) -> String {
    let mut w = Writer::default();
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
    write_map(&mut w, "Labels", &pod.metadata.labels, "=");
    write_annotations(&mut w, &pod.metadata.annotations);
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

/// kubectl's `PrefixWriter`: text indented two spaces per level.
#[derive(Default)]
pub(super) struct Writer {
    pub(super) text: String,
}

impl Writer {
    /// Writes one line at `level`, with the terminal's escape and carriage
    /// return characters made visible as `printers.WriteEscaped` does.
    pub(super) fn line(&mut self, level: usize, content: impl AsRef<str>) {
        for _ in 0..level {
            self.text.push_str("  ");
        }
        for ch in content.as_ref().chars() {
            match ch {
                '\x1b' => self.text.push_str("^["),
                '\r' => self.text.push_str("\\r"),
                other => self.text.push(other),
            }
        }
        self.text.push('\n');
    }
}

/// A time as Go's `time.RFC1123Z` prints it, in UTC.
pub(super) fn rfc1123z(time: SimTime) -> String {
    format_time(seconds_of(time), "%a, %d %b %Y %T +0000")
}

/// Unix seconds of a virtual time; API timestamps keep whole seconds.
fn seconds_of(time: SimTime) -> i64 {
    EPOCH_SECONDS + (time.as_millis() / 1000) as i64
}

/// `translateTimestampSince`: how long ago a (whole-second) timestamp was.
pub(super) fn age(now: SimTime, then: SimTime) -> String {
    let then = SimTime::from_millis(then.as_millis() / 1000 * 1000);
    human_duration(now.millis_since(then))
}

/// `printLabelsMultiline`: `Title:\tk=v` then `\tk=v` per further key, or `<none>`.
pub(super) fn write_map(
    w: &mut Writer,
    title: &str,
    map: &BTreeMap<String, String>,
    separator: &str,
) {
    if map.is_empty() {
        w.line(0, format!("{title}:\t<none>"));
        return;
    }
    for (index, (key, value)) in map.iter().enumerate() {
        let head = if index == 0 {
            format!("{title}:")
        } else {
            String::new()
        };
        w.line(0, format!("{head}\t{key}{separator}{value}"));
    }
}

/// The annotation kubectl hides from describe.
const LAST_APPLIED: &str = "kubectl.kubernetes.io/last-applied-configuration";

/// Annotations longer than this (key and value) are printed on lines of their own.
const MAX_ANNOTATION_LEN: usize = 140;

/// `printAnnotationsMultiline`.
pub(super) fn write_annotations(w: &mut Writer, annotations: &BTreeMap<String, String>) {
    let shown: Vec<(&String, &String)> = annotations
        .iter()
        .filter(|(key, _)| key.as_str() != LAST_APPLIED)
        .collect();
    if shown.is_empty() {
        w.line(0, "Annotations:\t<none>");
        return;
    }
    for (index, (key, value)) in shown.into_iter().enumerate() {
        let head = if index == 0 { "Annotations:" } else { "" };
        let value = value.strip_suffix('\n').unwrap_or(value);
        if value.len() + key.len() + 2 > MAX_ANNOTATION_LEN || value.contains('\n') {
            w.line(0, format!("{head}\t{key}:"));
            for part in value.split('\n') {
                w.line(0, format!("\t  {}", shorten(part, MAX_ANNOTATION_LEN - 2)));
            }
        } else {
            w.line(0, format!("{head}\t{key}: {value}"));
        }
    }
}

/// Go's `shorten`: at most `max` bytes, then `...`.
fn shorten(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}...", &text[..end])
}

/// What a `fieldRef` environment variable can be resolved from. kubectl's
/// scheme knows no field label conversions but `metadata.name` and
/// `metadata.namespace`, so every other field shows an empty value.
struct EnvContext<'a> {
    pod_name: &'a str,
    namespace: &'a str,
}

/// `describeContainers`.
fn write_containers(
    w: &mut Writer,
    label: &str,
    containers: &[Container],
    statuses: &[ContainerStatus],
    env: &EnvContext,
) {
    let none = if containers.is_empty() { " <none>" } else { "" };
    w.line(0, format!("{label}:{none}"));
    for container in containers {
        let status = statuses.iter().find(|s| s.name == container.name);
        w.line(1, format!("{}:", container.name));
        if let Some(status) = status {
            w.line(
                2,
                format!(
                    "Container ID:\t{}",
                    status.container_id.as_deref().unwrap_or("")
                ),
            );
        }
        w.line(2, format!("Image:\t{}", container.image));
        if let Some(status) = status {
            let image_id = match status.container_id {
                Some(_) => image_id(&container.image),
                None => String::new(),
            };
            w.line(2, format!("Image ID:\t{image_id}"));
        }
        let ports = describe_ports(container, |port| port.container_port);
        if ports.contains(',') {
            w.line(2, format!("Ports:\t{ports}"));
        } else {
            w.line(2, format!("Port:\t{}", or_none(&ports)));
        }
        let host_ports = describe_ports(container, |port| port.host_port.unwrap_or(0));
        if host_ports.contains(',') {
            w.line(2, format!("Host Ports:\t{host_ports}"));
        } else {
            w.line(2, format!("Host Port:\t{}", or_none(&host_ports)));
        }
        for (title, words) in [("Command", &container.command), ("Args", &container.args)] {
            if !words.is_empty() {
                w.line(2, format!("{title}:"));
                for word in words.iter() {
                    for part in word.split('\n') {
                        w.line(3, part);
                    }
                }
            }
        }
        if let Some(status) = status {
            write_state(w, "State", &status.state);
            if let Some(last @ ContainerState::Terminated { .. }) = &status.last_state {
                write_state(w, "Last State", last);
            }
            w.line(
                2,
                format!("Ready:\t{}", if status.ready { "True" } else { "False" }),
            );
            w.line(2, format!("Restart Count:\t{}", status.restart_count));
        }
        if let Some(resources) = &container.resources {
            let requests = effective_requests(container);
            for (title, list) in [("Limits", &resources.limits), ("Requests", &requests)] {
                if !list.is_empty() {
                    w.line(2, format!("{title}:"));
                }
                for (name, quantity) in list {
                    w.line(3, format!("{name}:\t{}", quantity.canonical()));
                }
            }
        }
        for (title, probe) in [
            ("Liveness", &container.liveness_probe),
            ("Readiness", &container.readiness_probe),
            ("Startup", &container.startup_probe),
        ] {
            if let Some(probe) = probe {
                w.line(2, format!("{title}:\t{}", describe_probe(probe)));
            }
        }
        write_env_from(w, container);
        write_env(w, container, env);
        write_mounts(w, container);
    }
}

/// The repository digest the runtime reports as `imageID`, made up
/// deterministically from the image's full reference.
pub(super) fn image_id(image: &str) -> String {
    let reference = Reference::parse(image);
    if reference.tag.starts_with("sha256:") {
        return reference.full();
    }
    format!(
        "{}/{}@sha256:{}",
        reference.registry,
        reference.repository,
        hex_id(&[reference.full().as_bytes()])
    )
}

fn or_none(text: &str) -> &str {
    if text.is_empty() {
        "<none>"
    } else {
        text
    }
}

/// `describeContainerPorts` / `describeContainerHostPorts`: `80/TCP (http), …`.
fn describe_ports(
    container: &Container,
    number: impl Fn(&crate::spec::ContainerPort) -> i64,
) -> String {
    container
        .ports
        .iter()
        .map(|port| {
            let protocol = port.protocol.as_deref().unwrap_or("TCP");
            match port.name.as_deref().filter(|n| !n.is_empty()) {
                Some(name) => format!("{}/{protocol} ({name})", number(port)),
                None => format!("{}/{protocol}", number(port)),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `describeStatus`: a container state and its sub-lines.
fn write_state(w: &mut Writer, title: &str, state: &ContainerState) {
    match state {
        ContainerState::Running { started_at } => {
            w.line(2, format!("{title}:\tRunning"));
            w.line(3, format!("Started:\t{}", rfc1123z(*started_at)));
        }
        ContainerState::Waiting { reason, .. } => {
            w.line(2, format!("{title}:\tWaiting"));
            if !reason.is_empty() {
                w.line(3, format!("Reason:\t{reason}"));
            }
        }
        ContainerState::Terminated {
            exit_code,
            reason,
            started_at,
            finished_at,
        } => {
            w.line(2, format!("{title}:\tTerminated"));
            if !reason.is_empty() {
                w.line(3, format!("Reason:\t{reason}"));
            }
            w.line(3, format!("Exit Code:\t{exit_code}"));
            w.line(3, format!("Started:\t{}", rfc1123z(*started_at)));
            w.line(3, format!("Finished:\t{}", rfc1123z(*finished_at)));
        }
    }
}

/// `DescribeProbe`: `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`.
pub fn describe_probe(probe: &Probe) -> String {
    let attributes = format!(
        "delay={}s timeout={}s period={}s #success={} #failure={}",
        probe.initial_delay_seconds.unwrap_or(0),
        probe.timeout_seconds.unwrap_or(0),
        probe.period_seconds.unwrap_or(0),
        probe.success_threshold.unwrap_or(0),
        probe.failure_threshold.unwrap_or(0),
    );
    if let Some(exec) = &probe.exec {
        return format!("exec [{}] {attributes}", exec.command.join(" "));
    }
    if let Some(http) = &probe.http_get {
        let scheme = http.scheme.as_deref().unwrap_or("").to_lowercase();
        let host = http.host.as_deref().unwrap_or("");
        let port = http.port.to_string();
        let authority = if port.is_empty() {
            host.to_string()
        } else if host.contains(':') {
            format!("[{host}]:{port}")
        } else {
            format!("{host}:{port}")
        };
        let path = http.path.as_deref().unwrap_or("");
        let path = if !path.is_empty() && !path.starts_with('/') && !authority.is_empty() {
            format!("/{path}")
        } else {
            path.to_string()
        };
        let scheme = if scheme.is_empty() {
            String::new()
        } else {
            format!("{scheme}:")
        };
        let authority = if authority.is_empty() && scheme.is_empty() {
            String::new()
        } else {
            format!("//{authority}")
        };
        return format!("http-get {scheme}{authority}{path} {attributes}");
    }
    if let Some(tcp) = &probe.tcp_socket {
        return format!(
            "tcp-socket {}:{} {attributes}",
            tcp.host.as_deref().unwrap_or(""),
            tcp.port
        );
    }
    format!("unknown {attributes}")
}

/// `describeContainerEnvFrom`.
fn write_env_from(w: &mut Writer, container: &Container) {
    if container.env_from.is_empty() {
        return;
    }
    w.line(2, "Environment Variables from:");
    for source in &container.env_from {
        let (from, reference) = match (&source.config_map_ref, &source.secret_ref) {
            (Some(reference), _) => ("ConfigMap", Some(reference)),
            (None, Some(reference)) => ("Secret", Some(reference)),
            (None, None) => ("", None),
        };
        let name = reference.map_or("", |r| r.name.as_str());
        let optional = reference.and_then(|r| r.optional).unwrap_or(false);
        match source.prefix.as_deref().filter(|p| !p.is_empty()) {
            None => w.line(3, format!("{name}\t{from}\tOptional: {optional}")),
            Some(prefix) => w.line(
                3,
                format!("{name}\t{from} with prefix '{prefix}'\tOptional: {optional}"),
            ),
        }
    }
}

/// `describeContainerEnvVars`.
fn write_env(w: &mut Writer, container: &Container, context: &EnvContext) {
    if container.env.is_empty() {
        w.line(2, "Environment:\t<none>");
        return;
    }
    w.line(2, "Environment:");
    for env in &container.env {
        let Some(from) = &env.value_from else {
            let value = env.value.as_deref().unwrap_or("");
            for (index, part) in value.split('\n').enumerate() {
                if index == 0 {
                    w.line(3, format!("{}:\t{part}", env.name));
                } else {
                    w.line(3, format!("\t{part}"));
                }
            }
            continue;
        };
        if let Some(field) = &from.field_ref {
            let value = match field.field_path.as_str() {
                "metadata.name" => context.pod_name,
                "metadata.namespace" => context.namespace,
                _ => "",
            };
            w.line(
                3,
                format!(
                    "{}:\t{value} ({}:{})",
                    env.name,
                    field.api_version.as_deref().unwrap_or(""),
                    field.field_path
                ),
            );
        } else if let Some(resource) = &from.resource_field_ref {
            let value = resource_value(container, &resource.resource, resource.divisor.as_ref());
            w.line(3, format!("{}:\t{value} ({})", env.name, resource.resource));
        } else if let Some(key) = &from.secret_key_ref {
            w.line(
                3,
                format!(
                    "{}:\t<set to the key '{}' in secret '{}'>\tOptional: {}",
                    env.name,
                    key.key,
                    key.name,
                    key.optional.unwrap_or(false)
                ),
            );
        } else if let Some(key) = &from.config_map_key_ref {
            w.line(
                3,
                format!(
                    "{}:\t<set to the key '{}' of config map '{}'>\tOptional: {}",
                    env.name,
                    key.key,
                    key.name,
                    key.optional.unwrap_or(false)
                ),
            );
        }
    }
}

/// `ExtractContainerResourceValue` for what describe shows: the container's
/// own limit or request divided by the divisor (rounded up), `node
/// allocatable` for an unset CPU or memory limit.
fn resource_value(container: &Container, resource: &str, divisor: Option<&Quantity>) -> String {
    let requests = effective_requests(container);
    let empty = BTreeMap::new();
    let limits = container.resources.as_ref().map_or(&empty, |r| &r.limits);
    let (list, name) = match resource.split_once('.') {
        Some(("limits", name)) => (limits, name),
        Some(("requests", name)) => (&requests, name),
        _ => return String::new(),
    };
    let value = list
        .get(name)
        .and_then(Quantity::parsed)
        .map_or(0, |q| q.nanos);
    if value == 0 && matches!(resource, "limits.cpu" | "limits.memory") {
        return "node allocatable".to_string();
    }
    let default_divisor = NANOS;
    let divisor = divisor
        .and_then(Quantity::parsed)
        .map_or(default_divisor, |q| q.nanos)
        .max(1);
    // CPU values are reported in whole cores rounded up; memory in bytes.
    ((value + divisor - 1) / divisor).to_string()
}

/// `describeContainerVolumes`: the mounts sorted by path.
fn write_mounts(w: &mut Writer, container: &Container) {
    if container.volume_mounts.is_empty() {
        w.line(2, "Mounts:\t<none>");
        return;
    }
    w.line(2, "Mounts:");
    let mut mounts: Vec<_> = container.volume_mounts.iter().collect();
    crate::sort::sort_by(&mut mounts, |a, b| a.mount_path.cmp(&b.mount_path));
    for mount in mounts {
        let mut flags = vec![if mount.is_read_only() { "ro" } else { "rw" }.to_string()];
        if let Some(sub_path) = mount.sub_path.as_deref().filter(|p| !p.is_empty()) {
            flags.push(format!("path={sub_path:?}"));
        }
        w.line(
            3,
            format!(
                "{} from {} ({})",
                mount.mount_path,
                mount.name,
                flags.join(",")
            ),
        );
    }
}

/// `describeVolumes`.
fn write_volumes(w: &mut Writer, volumes: &[Volume]) {
    if volumes.is_empty() {
        w.line(0, "Volumes:\t<none>");
        return;
    }
    w.line(0, "Volumes:");
    for volume in volumes {
        w.line(1, format!("{}:", volume.name));
        if let Some(host_path) = &volume.host_path {
            w.line(2, "Type:\tHostPath (bare host directory volume)");
            w.line(2, format!("Path:\t{}", host_path.path));
            w.line(
                2,
                format!(
                    "HostPathType:\t{}",
                    host_path.path_type.as_deref().unwrap_or("<none>")
                ),
            );
        } else if let Some(empty_dir) = &volume.empty_dir {
            let size_limit = empty_dir
                .size_limit
                .as_ref()
                .filter(|q| q.parsed().is_some_and(|q| q.nanos > 0))
                .map_or("<unset>".to_string(), Quantity::canonical);
            w.line(
                2,
                "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)",
            );
            w.line(
                2,
                format!("Medium:\t{}", empty_dir.medium.as_deref().unwrap_or("")),
            );
            w.line(2, format!("SizeLimit:\t{size_limit}"));
        } else if let Some(secret) = &volume.secret {
            w.line(2, "Type:\tSecret (a volume populated by a Secret)");
            w.line(2, format!("SecretName:\t{}", secret.secret_name));
            w.line(
                2,
                format!("Optional:\t{}", secret.optional.unwrap_or(false)),
            );
        } else if let Some(config_map) = &volume.config_map {
            w.line(2, "Type:\tConfigMap (a volume populated by a ConfigMap)");
            w.line(2, format!("Name:\t{}", config_map.name));
            w.line(
                2,
                format!("Optional:\t{}", config_map.optional.unwrap_or(false)),
            );
        } else if let Some(nfs) = &volume.nfs {
            w.line(
                2,
                "Type:\tNFS (an NFS mount that lasts the lifetime of a pod)",
            );
            w.line(2, format!("Server:\t{}", nfs.server));
            w.line(2, format!("Path:\t{}", nfs.path));
            w.line(2, format!("ReadOnly:\t{}", nfs.read_only.unwrap_or(false)));
        } else if let Some(claim) = &volume.persistent_volume_claim {
            w.line(
                2,
                "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)",
            );
            w.line(2, format!("ClaimName:\t{}", claim.claim_name));
            w.line(
                2,
                format!("ReadOnly:\t{}", claim.read_only.unwrap_or(false)),
            );
        } else if let Some(projected) = &volume.projected {
            w.line(
                2,
                "Type:\tProjected (a volume that contains injected data from multiple sources)",
            );
            for source in &projected.sources {
                if source.downward_api.is_some() {
                    w.line(2, "DownwardAPI:\ttrue");
                } else if let Some(config_map) = &source.config_map {
                    w.line(2, format!("ConfigMapName:\t{}", config_map.name));
                    w.line(2, "Optional:\tfalse");
                } else if let Some(token) = &source.service_account_token {
                    w.line(
                        2,
                        format!(
                            "TokenExpirationSeconds:\t{}",
                            token.expiration_seconds.unwrap_or(3600)
                        ),
                    );
                }
            }
        } else {
            w.line(1, "<unknown>");
        }
    }
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

/// `DescribeEvents`: the pod's events by last time seen.
fn write_events(w: &mut Writer, cluster: &Cluster, record: &PodRecord) {
    let mut events: Vec<_> = cluster.pod_events(record).collect();
    if events.is_empty() {
        w.line(0, "Events:\t<none>");
        return;
    }
    crate::sort::sort_by_key(&mut events, |event| event.last_timestamp.as_millis() / 1000);
    let now = cluster.now();
    w.line(0, "Events:");
    w.line(1, "Type\tReason\tAge\tFrom\tMessage");
    w.line(1, "----\t------\t----\t----\t-------");
    for event in events {
        let first = age(now, event.first_timestamp);
        let interval = if event.count > 1 {
            format!(
                "{} (x{} over {first})",
                age(now, event.last_timestamp),
                event.count
            )
        } else {
            first
        };
        let mut message = event.message.trim().to_string();
        if !event.field_path.is_empty() {
            message = format!("{}: {message}", event.field_path);
        }
        w.line(
            1,
            format!(
                "{}\t{}\t{interval}\t{}\t{message}",
                event.event_type.as_str(),
                event.reason,
                event.source
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::{ExecAction, HttpGetAction, IntOrString, TcpSocketAction};

    fn probe() -> Probe {
        Probe {
            initial_delay_seconds: None,
            timeout_seconds: Some(1),
            period_seconds: Some(10),
            success_threshold: Some(1),
            failure_threshold: Some(3),
            ..Default::default()
        }
    }

    #[test]
    fn an_http_probe_prints_its_url_with_an_empty_host() {
        let mut p = probe();
        p.http_get = Some(HttpGetAction {
            path: Some("/healthz".into()),
            port: IntOrString::Int(8080),
            scheme: Some("HTTP".into()),
            ..Default::default()
        });
        assert_eq!(
            describe_probe(&p),
            "http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3"
        );
    }

    #[test]
    fn exec_and_tcp_probes_print_as_go_formats_them() {
        let mut p = probe();
        p.initial_delay_seconds = Some(5);
        p.exec = Some(ExecAction {
            command: vec!["cat".into(), "/tmp/healthy".into()],
        });
        assert_eq!(
            describe_probe(&p),
            "exec [cat /tmp/healthy] delay=5s timeout=1s period=10s #success=1 #failure=3"
        );
        let mut p = probe();
        p.tcp_socket = Some(TcpSocketAction {
            port: IntOrString::String("redis".into()),
            host: None,
        });
        assert_eq!(
            describe_probe(&p),
            "tcp-socket :redis delay=0s timeout=1s period=10s #success=1 #failure=3"
        );
    }
}
