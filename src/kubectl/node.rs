//! Commands run on the node itself: `docker ps [-a]` (or `docker container
//! ls|list`; the kubelet talks to
//! Docker through cri-dockerd, which names containers
//! `k8s_<container>_<pod>_<namespace>_<uid>_<attempt>` and sandboxes
//! `k8s_POD_…`), `crictl ps [-a]` and `crictl pods`.

use super::errors::ConsoleError;
use super::sink::Output;
use super::tabwriter::TabWriter;
use crate::sim::{hex_id, Cluster, NodeContainer};

/// docker's table writer (`formatter.NewContext`: minwidth 10, padding 3).
const DOCKER: TabWriter = TabWriter {
    min_width: 10,
    padding: 3,
};

/// crictl's table writer (minwidth 20, padding 3).
const CRICTL: TabWriter = TabWriter {
    min_width: 20,
    padding: 3,
};

/// `docker ARGS` on the node.
pub fn docker(
    cluster: &Cluster,
    arguments: &[String],
    output: &mut Output,
) -> Result<(), ConsoleError> {
    let (command, flags) = arguments
        .split_first()
        .map_or(("", &[][..]), |(c, f)| (c.as_str(), f));
    // `docker container ls|list|ps` is `docker ps` by its management name.
    let (command, flags) = match (command, flags.split_first()) {
        ("container", Some((sub, rest))) if matches!(sub.as_str(), "ls" | "list" | "ps") => {
            ("ps", rest)
        }
        _ => (command, flags),
    };
    let all = flags.iter().any(|f| f == "-a" || f == "--all");
    match command {
        "ps" => {
            let now = cluster.now();
            let mut table =
                String::from("CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n");
            for c in listed(cluster, all) {
                let image = if c.name == "POD" {
                    c.image.clone()
                } else {
                    image_id(&c.image)[..12].to_string()
                };
                let status = match c.exited {
                    None => format!("Up {}", docker_duration(now - c.created)),
                    Some((code, at)) => {
                        format!("Exited ({code}) {} ago", docker_duration(now - at))
                    }
                };
                table.push_str(&format!(
                    "{}\t{image}\t{}\t{} ago\t{status}\t\tk8s_{}_{}_{}_{}_{}\n",
                    &c.id[..12],
                    quoted_command(&c.command),
                    docker_duration(now - c.created),
                    c.name,
                    c.pod,
                    c.namespace,
                    c.uid,
                    c.attempt
                ));
            }
            output.stdout_raw(DOCKER.format(&table));
            Ok(())
        }
        other => Err(ConsoleError::NotSimulatedNodeCommand {
            command: format!("docker {other}").trim_end().to_string(),
        }),
    }
}

/// `crictl ARGS` on the node.
pub fn crictl(
    cluster: &Cluster,
    arguments: &[String],
    output: &mut Output,
) -> Result<(), ConsoleError> {
    let (command, flags) = arguments
        .split_first()
        .map_or(("", &[][..]), |(c, f)| (c.as_str(), f));
    let all = flags.iter().any(|f| f == "-a" || f == "--all");
    let now = cluster.now();
    let containers = cluster.kubelet().node_containers();
    match command {
        "ps" => {
            let mut table =
                String::from("CONTAINER\tIMAGE\tCREATED\tSTATE\tNAME\tATTEMPT\tPOD ID\tPOD\n");
            for c in containers
                .iter()
                .filter(|c| c.name != "POD" && (all || c.exited.is_none()))
            {
                table.push_str(&format!(
                    "{}\t{}\t{} ago\t{}\t{}\t{}\t{}\t{}\n",
                    &c.id[..13],
                    &image_id(&c.image)[..13],
                    docker_duration(now - c.created),
                    if c.exited.is_some() {
                        "Exited"
                    } else {
                        "Running"
                    },
                    c.name,
                    c.attempt,
                    &c.pod_id[..13],
                    c.pod
                ));
            }
            output.stdout_raw(CRICTL.format(&table));
            Ok(())
        }
        "pods" => {
            let mut table =
                String::from("POD ID\tCREATED\tSTATE\tNAME\tNAMESPACE\tATTEMPT\tRUNTIME\n");
            for c in containers.iter().filter(|c| c.name == "POD") {
                table.push_str(&format!(
                    "{}\t{} ago\t{}\t{}\t{}\t{}\t(default)\n",
                    &c.id[..13],
                    docker_duration(now - c.created),
                    if c.exited.is_some() {
                        "NotReady"
                    } else {
                        "Ready"
                    },
                    c.pod,
                    c.namespace,
                    c.attempt
                ));
            }
            output.stdout_raw(CRICTL.format(&table));
            Ok(())
        }
        other => Err(ConsoleError::NotSimulatedNodeCommand {
            command: format!("crictl {other}").trim_end().to_string(),
        }),
    }
}

/// The node's containers, running ones only unless `all`.
fn listed(cluster: &Cluster, all: bool) -> Vec<NodeContainer> {
    cluster
        .kubelet()
        .node_containers()
        .into_iter()
        .filter(|c| all || c.exited.is_none())
        .collect()
}

/// An image's id (`sha256:` digits), the same for every use of the image.
fn image_id(image: &str) -> String {
    hex_id(&[b"image", image.as_bytes()])
}

/// docker's COMMAND cell: the command line quoted, cut to 20 characters with `…`.
fn quoted_command(argv: &[String]) -> String {
    let line = argv
        .iter()
        .map(|a| {
            if a.contains(' ') {
                format!("'{a}'")
            } else {
                a.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let cut: String = if line.chars().count() > 20 {
        line.chars().take(19).chain(['…']).collect()
    } else {
        line
    };
    format!("\"{cut}\"")
}

/// go-units' `HumanDuration`, which docker and crictl print.
fn docker_duration(millis: u64) -> String {
    let seconds = millis / 1000;
    let minutes = seconds / 60;
    let hours = (millis as f64 / 3_600_000.0 + 0.5) as u64;
    match () {
        _ if seconds < 1 => "Less than a second".to_string(),
        _ if seconds == 1 => "1 second".to_string(),
        _ if seconds < 60 => format!("{seconds} seconds"),
        _ if minutes == 1 => "About a minute".to_string(),
        _ if minutes < 60 => format!("{minutes} minutes"),
        _ if hours == 1 => "About an hour".to_string(),
        _ if hours < 48 => format!("{hours} hours"),
        _ if hours < 24 * 7 * 2 => format!("{} days", hours / 24),
        _ if hours < 24 * 30 * 2 => format!("{} weeks", hours / 24 / 7),
        _ if hours < 24 * 365 * 2 => format!("{} months", hours / 24 / 30),
        _ => format!("{} years", millis / 3_600_000 / 24 / 365),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_docker_prints_them() {
        let cases = [
            (500, "Less than a second"),
            (1_000, "1 second"),
            (59_000, "59 seconds"),
            (90_000, "About a minute"),
            (540_000, "9 minutes"),
            (3_600_000, "About an hour"),
            (7_200_000, "2 hours"),
        ];
        for (millis, text) in cases {
            assert_eq!(docker_duration(millis), text);
        }
    }

    #[test]
    fn a_long_command_is_cut_at_twenty_characters() {
        let argv: Vec<String> = ["bash", "-c", "for i in {1..100};do echo $i"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(quoted_command(&argv), "\"bash -c 'for i in {…\"");
    }
}
