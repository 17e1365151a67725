//! `kubectl logs POD [-c CONTAINER] [-p] [--tail N] [--timestamps]`: the
//! container's log as the kubelet serves it (its current file only, see
//! `runtime::ContainerLog::read`), or the kubelet's refusal
//! (`validateContainerLogStatus` in `pkg/kubelet/kubelet_pods.go`).

use super::args::{parse_args, FlagSpec};
use super::context::Context;
use super::effect::{Effect, Follow};
use super::errors::ConsoleError;
use super::log_stream::LogFollow;
use super::target::{container_name, pod_name};
use crate::runtime::ReadOptions;
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
    // A flag's value is read with the flags, before anything is looked up.
    let tail = match args.value("tail") {
        None => None,
        Some(value) => Some(
            value
                .parse::<i64>()
                .map_err(|_| ConsoleError::InvalidNumber {
                    command: "logs",
                    flag: "tail",
                    value: value.to_string(),
                })?,
        ),
    };
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
    let timestamps = args.is_set("timestamps");
    // A negative --tail is "all", as the kubelet's `tail < 0` reads the whole file.
    let tail = tail.and_then(|count| usize::try_from(count).ok());
    let text = log.read(ReadOptions { tail, timestamps });
    let position = log.end();
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
            position,
            timestamps,
        })
        .map_or(Effect::None, |log| Effect::Follow(Follow::Logs(log))))
}
