//! `kubectl logs POD [-c CONTAINER] [-p] [--tail N] [--timestamps]`: the
//! container's log as the kubelet serves it, or the kubelet's refusal
//! (`validateContainerLogStatus` in `pkg/kubelet/kubelet_pods.go`).

use super::args::{parse_args, FlagSpec};
use super::context::Context;
use super::effect::{Effect, Follow};
use super::errors::ConsoleError;
use super::log_stream::{render, LogFollow};
use super::target::{container_name, pod_name};
use crate::runtime::LogLine;
use crate::sim::ContainerState;

const FLAGS: [FlagSpec; 5] = [
    FlagSpec::value("container", Some('c')),
    FlagSpec::switch("previous", Some('p')),
    FlagSpec::value("tail", None),
    FlagSpec::switch("timestamps", None),
    FlagSpec::switch("follow", Some('f')),
];

/// Runs `kubectl logs ARGS`; with `-f` on a running container, returns the
/// stream that goes on.
pub fn logs(context: Context<'_>, arguments: &[String]) -> Result<Effect, ConsoleError> {
    let Context {
        cluster, output, ..
    } = context;
    let args = parse_args("logs", arguments, &FLAGS)?;
    let Some(word) = args.positionals.first() else {
        return Err(ConsoleError::PodNameRequired { command: "logs" });
    };
    let name = pod_name(word);
    let namespace = args.value("namespace").unwrap_or("default");
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
        return Ok(Effect::None);
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
        return Ok(Effect::None);
    }
    Ok(cluster
        .container_log_index(namespace, name, &container, false)
        .map(|index| LogFollow {
            key,
            container,
            log: index,
            printed: lines.len(),
            timestamps: args.is_set("timestamps"),
        })
        .map_or(Effect::None, |log| Effect::Follow(Follow::Logs(log))))
}
