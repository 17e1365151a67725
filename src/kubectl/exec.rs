//! `kubectl exec POD [-c CONTAINER] -- COMMAND`: runs a command in a running
//! container and prints what it wrote, waiting (on the virtual clock) until it
//! exits, as kubectl waits.

use super::args::{parse_args, FlagSpec};
use super::console::{Console, Output};
use super::errors::ConsoleError;
use super::target::{container_name, pod_name};
use crate::runtime::ExecError;
use crate::sim::{hex_id, PodPhase};

const FLAGS: [FlagSpec; 4] = [
    FlagSpec::value("container", Some('c')),
    FlagSpec::switch("stdin", Some('i')),
    FlagSpec::switch("tty", Some('t')),
    FlagSpec::switch("quiet", Some('q')),
];

/// How long the console waits for an exec'd command before it stops waiting
/// (an hour of virtual time; a real terminal would wait for Ctrl-C).
const EXEC_WAIT_MILLIS: u64 = 3_600_000;

/// Runs `kubectl exec ARGS`.
pub fn exec(
    console: &mut Console,
    arguments: &[String],
    output: &mut Output,
) -> Result<(), ConsoleError> {
    let dash = arguments.iter().position(|a| a == "--");
    let (before, command) = match dash {
        Some(index) => (&arguments[..index], arguments[index + 1..].to_vec()),
        None => (arguments, Vec::new()),
    };
    let args = parse_args("exec", before, &FLAGS)?;
    let Some((word, deprecated_command)) = args.positionals.split_first() else {
        return Err(ConsoleError::PodNameRequired { command: "exec" });
    };
    let command = if command.is_empty() && !deprecated_command.is_empty() {
        output.stderr("kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.");
        deprecated_command.to_vec()
    } else {
        command
    };
    if command.is_empty() {
        return Err(ConsoleError::ExecCommandRequired);
    }
    let name = pod_name(word).to_string();
    let namespace = args.value("namespace").unwrap_or("default").to_string();
    let record = console
        .cluster()
        .pod(&namespace, &name)
        .ok_or_else(|| ConsoleError::PodNotFound { name: name.clone() })?;
    let container = container_name(record, args.value("container"), output)?;
    match record.status.phase {
        PodPhase::Succeeded => return Err(ConsoleError::ExecCompletedPod { phase: "Succeeded" }),
        PodPhase::Failed => return Err(ConsoleError::ExecCompletedPod { phase: "Failed" }),
        _ => {}
    }
    let record_uid = record.uid.clone();
    let cluster = console.cluster_mut();
    let handle = match cluster.exec(&namespace, &name, &container, command) {
        Ok(handle) => handle,
        Err(ExecError::ContainerNotRunning) => {
            return Err(ConsoleError::BadRequest {
                message: format!("container {container} is not running in pod {name}"),
            })
        }
        Err(error @ ExecError::NotFound { .. }) => {
            return Err(ConsoleError::ExecFailed {
                message: format!(
                    "failed to exec in container: failed to start exec \"{}\": {error}",
                    hex_id(&[
                        record_uid.as_bytes(),
                        container.as_bytes(),
                        &cluster.now().as_millis().to_le_bytes()
                    ])
                ),
            })
        }
    };
    let deadline = cluster.now() + EXEC_WAIT_MILLIS;
    while cluster.exit_code(handle.process).is_none() && cluster.now() < deadline {
        cluster.step_until(deadline);
    }
    let text = cluster
        .log(handle.log)
        .map(|l| l.text())
        .unwrap_or_default();
    if !text.is_empty() {
        output.stdout_raw(text);
    }
    match cluster.exit_code(handle.process) {
        Some(0) => Ok(()),
        Some(code) => {
            output.stderr(format!("command terminated with exit code {code}"));
            Ok(())
        }
        None => {
            output.stderr(
                "podplay: the command still runs after an hour of virtual time; stopped waiting",
            );
            Ok(())
        }
    }
}
