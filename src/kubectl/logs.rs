//! `kubectl logs POD [-c CONTAINER] [-p] [--tail N] [--timestamps]`: the
//! container's log as the kubelet serves it, or the kubelet's refusal
//! (`validateContainerLogStatus` in `pkg/kubelet/kubelet_pods.go`).

use super::args::{parse_args, FlagSpec};
use super::console::{Console, Output};
use super::errors::ConsoleError;
use super::target::{container_name, pod_name};
use crate::clock::SimTime;
use crate::runtime::{format_time, LogLine, EPOCH_SECONDS};
use crate::sim::{Cluster, ContainerState, PodKey};

const FLAGS: [FlagSpec; 5] = [
    FlagSpec::value("container", Some('c')),
    FlagSpec::switch("previous", Some('p')),
    FlagSpec::value("tail", None),
    FlagSpec::switch("timestamps", None),
    FlagSpec::switch("follow", Some('f')),
];

/// `kubectl logs -f`: the rest of a running container's log, printed as the
/// clock advances until the container stops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogFollow {
    /// The pod's namespace and name.
    key: PodKey,
    /// The container.
    container: String,
    /// The log followed.
    log: usize,
    /// How many of its lines were printed.
    printed: usize,
    /// `--timestamps`.
    timestamps: bool,
}

impl LogFollow {
    /// The lines written since the last call; `None` once the container has
    /// stopped (and the stream with it).
    pub fn more(&mut self, cluster: &Cluster) -> Option<String> {
        let log = cluster.log(self.log)?;
        let text = render(log.lines.iter().skip(self.printed), self.timestamps);
        self.printed = log.lines.len();
        let running = cluster
            .kubelet()
            .running_instance(&self.key, &self.container)
            .is_some();
        let same = cluster.container_log_index(&self.key.0, &self.key.1, &self.container, false)
            == Some(self.log);
        (running && same).then_some(text)
    }
}

/// Log lines as kubectl prints them, with `--timestamps` prefixes.
fn render<'a>(lines: impl Iterator<Item = &'a LogLine>, timestamps: bool) -> String {
    let mut text = String::new();
    for line in lines {
        if timestamps {
            text.push_str(&rfc3339_nano(line.time));
            text.push(' ');
        }
        text.push_str(&line.text);
        text.push('\n');
    }
    text
}

/// Runs `kubectl logs ARGS`; with `-f` on a running container, returns the
/// stream that goes on.
pub fn logs(
    console: &Console,
    arguments: &[String],
    output: &mut Output,
) -> Result<Option<LogFollow>, ConsoleError> {
    let args = parse_args("logs", arguments, &FLAGS)?;
    let Some(word) = args.positionals.first() else {
        return Err(ConsoleError::PodNameRequired { command: "logs" });
    };
    let name = pod_name(word);
    let namespace = args.value("namespace").unwrap_or("default");
    let cluster = console.cluster();
    let record = cluster
        .pod(namespace, name)
        .ok_or_else(|| ConsoleError::PodNotFound {
            name: name.to_string(),
        })?;
    let container = container_name(record, args.value("container"), output)?;
    let tail = match args.value("tail") {
        None => None,
        Some(value) => Some(
            value
                .parse::<i64>()
                .map_err(|_| ConsoleError::InvalidNumber {
                    flag: "tail",
                    value: value.to_string(),
                })?,
        ),
    };
    let status = record
        .status
        .container_statuses
        .iter()
        .chain(&record.status.init_container_statuses)
        .find(|c| c.name == container);
    let quoted = |what: &str| format!("container \"{container}\" in pod \"{name}\" {what}");
    // Which instance: the newest one, or the one before it.
    let before_newest = match status {
        None => {
            return Err(ConsoleError::BadRequest {
                message: quoted("is waiting to start: ContainerCreating"),
            })
        }
        Some(status) if args.is_set("previous") => match (&status.state, &status.last_state) {
            (_, None) => {
                return Err(ConsoleError::BadRequest {
                    message: format!(
                        "previous terminated container \"{container}\" in pod \"{name}\" not found"
                    ),
                })
            }
            // A container waiting to restart keeps its last run as lastState.
            (ContainerState::Waiting { .. }, Some(_)) => false,
            _ => true,
        },
        Some(status) => match (&status.state, &status.last_state) {
            (ContainerState::Waiting { reason, .. }, None) => {
                let why = match reason.as_str() {
                    "ErrImagePull" => "image can't be pulled",
                    "ImagePullBackOff" => "trying and failing to pull image",
                    other => other,
                };
                return Err(ConsoleError::BadRequest {
                    message: quoted(&format!("is waiting to start: {why}")),
                });
            }
            _ => false,
        },
    };
    let Some(log) = cluster.container_log(namespace, name, &container, before_newest) else {
        return Ok(None);
    };
    let lines: Vec<&LogLine> = log.lines.iter().collect();
    let start = match tail {
        Some(count) if count >= 0 => lines.len().saturating_sub(count as usize),
        _ => 0,
    };
    let mut text = render(lines[start..].iter().copied(), args.is_set("timestamps"));
    if tail.is_none() || tail.is_some_and(|t| t < 0) {
        let unfinished = log.text();
        let complete: usize = lines.iter().map(|l| l.text.len() + 1).sum();
        text.push_str(unfinished.get(complete..).unwrap_or(""));
    }
    if !text.is_empty() {
        output.stdout_raw(text);
    }
    let key = (namespace.to_string(), name.to_string());
    let running = cluster
        .kubelet()
        .running_instance(&key, &container)
        .is_some();
    if !args.is_set("follow") || before_newest || !running {
        return Ok(None);
    }
    Ok(cluster
        .container_log_index(namespace, name, &container, false)
        .map(|index| LogFollow {
            key,
            container,
            log: index,
            printed: lines.len(),
            timestamps: args.is_set("timestamps"),
        }))
}

/// A virtual time as the kubelet's log timestamps print it
/// (`2026-01-01T00:00:05.123000000Z`).
fn rfc3339_nano(time: SimTime) -> String {
    let millis = time.as_millis();
    let seconds = EPOCH_SECONDS + (millis / 1000) as i64;
    format!(
        "{}.{:03}000000Z",
        format_time(seconds, "%FT%T"),
        millis % 1000
    )
}
