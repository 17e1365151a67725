//! `describeContainers`: each container's image, ports, command, state,
//! resources, probes, environment and mounts.

use super::env::{write_env, write_env_from, EnvContext};
use super::probe::describe_probe;
use super::writer::{rfc1123z, Writer};
use crate::kubectl::object::image_id;
use crate::sim::{ContainerState, ContainerStatus};
use crate::spec::{effective_requests, Container};

/// `describeContainers`.
pub(super) fn write_containers(
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
