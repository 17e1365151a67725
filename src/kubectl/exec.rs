//! `kubectl exec POD [-c CONTAINER] -- COMMAND`: runs a command in a running
//! container and prints what it wrote, waiting (on the virtual clock) until it
//! exits, as kubectl waits.

use super::args::{parse_args, FlagSpec};
use super::context::Context;
use super::effect::Effect;
use super::errors::ConsoleError;
use super::session::{ExecTarget, PromptStyle, RedisSession, Session};
use super::target::{container_name, pod_name};
use crate::runtime::images::{self, Toolset};
use crate::runtime::ExecError;
use crate::sim::{hex_id, Cluster, PodPhase};

const FLAGS: [FlagSpec; 4] = [
    FlagSpec::value("container", Some('c')),
    FlagSpec::switch("stdin", Some('i')),
    FlagSpec::switch("tty", Some('t')),
    FlagSpec::switch("quiet", Some('q')),
];

/// How long the console waits for an exec'd command before it stops waiting
/// (a minute of virtual time; a real terminal would wait for Ctrl-C). A busy
/// loop costs real time for every virtual second, so the wait stays short.
pub(super) const EXEC_WAIT_MILLIS: u64 = 60_000;

/// Runs `kubectl exec ARGS`.
pub fn exec(context: Context<'_>, arguments: &[String]) -> Result<Effect, ConsoleError> {
    let Context {
        cluster, output, ..
    } = context;
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
    let record = cluster
        .pod(&namespace, &name)
        .ok_or_else(|| ConsoleError::PodNotFound { name: name.clone() })?;
    let container = container_name(record, args.value("container"), output)?;
    match record.status.phase {
        PodPhase::Succeeded => return Err(ConsoleError::ExecCompletedPod { phase: "Succeeded" }),
        PodPhase::Failed => return Err(ConsoleError::ExecCompletedPod { phase: "Failed" }),
        _ => {}
    }
    let target = ExecTarget {
        namespace,
        pod: name,
        container,
        uid: record.uid.clone(),
    };
    // `-it` with a shell and nothing else opens an interactive session.
    let interactive = args.is_set("stdin") && args.is_set("tty");
    // `-it … -- redis-cli [-h HOST] [-p PORT]` opens redis-cli's prompt.
    if interactive {
        if let Some(redis) = RedisSession::parse(&command, Some(target.clone())) {
            return Ok(Effect::OpenRedis(redis));
        }
    }
    if let [shell] = command.as_slice() {
        let base = shell.rsplit('/').next().unwrap_or(shell);
        if interactive && matches!(base, "sh" | "bash" | "ash") {
            // Starting the shell fails as exec does when the image lacks it.
            let probe = vec![shell.clone(), "-c".into(), "true".into()];
            run_to_end(cluster, &target, probe, None)?;
            // The shell starts in the container's working directory.
            let spec = record_container(cluster, &target);
            let image = spec
                .as_ref()
                .and_then(|c| images::resolve(&c.image).ok())
                .unwrap_or(images::GENERIC);
            let cwd = spec
                .and_then(|c| c.working_dir)
                .unwrap_or_else(|| image.working_dir.to_string());
            let prompt = match (base, image.tools.base) {
                ("bash", Toolset::Centos) => PromptStyle::Centos,
                (_, Toolset::Centos) => PromptStyle::CentosSh,
                ("bash", _) => PromptStyle::Debian,
                (_, Toolset::DebianFull | Toolset::DebianSlim) => PromptStyle::Dash,
                _ => PromptStyle::Busybox,
            };
            return Ok(Effect::OpenShell(Session {
                target,
                shell: shell.clone(),
                prompt,
                cwd,
            }));
        }
    }
    let (text, code) = run_to_end(cluster, &target, command, None)?;
    if !text.is_empty() {
        output.stdout_raw(text);
    }
    match code {
        Some(0) => {}
        Some(code) => output.stderr(format!("command terminated with exit code {code}")),
        None => output.stderr(
            "podplay: the command still runs after a minute of virtual time; stopped waiting",
        ),
    }
    Ok(Effect::None)
}

/// Runs `argv` in the target container until it exits (or a minute of
/// virtual time passes); returns what it wrote and its exit code, if it exited.
pub(super) fn run_to_end(
    cluster: &mut Cluster,
    target: &ExecTarget,
    argv: Vec<String>,
    shown: Option<Vec<String>>,
) -> Result<(String, Option<i32>), ConsoleError> {
    let started = cluster.now();
    let (namespace, pod, container) = (&target.namespace, &target.pod, &target.container);
    let handle = cluster.exec_shown_as(namespace, pod, container, argv, shown);
    let handle = handle.map_err(|error| match error {
        ExecError::ContainerNotRunning => ConsoleError::ExecContainerNotFound {
            container: target.container.clone(),
        },
        error @ ExecError::NotFound { .. } => ConsoleError::ExecFailed {
            message: format!(
                "failed to exec in container: failed to start exec \"{}\": {error}",
                hex_id(&[
                    target.uid.as_bytes(),
                    target.container.as_bytes(),
                    &started.as_millis().to_le_bytes()
                ])
            ),
        },
    })?;
    let deadline = cluster.now() + EXEC_WAIT_MILLIS;
    cluster.run_until_done(deadline, |c| c.exit_code(handle.process).is_some());
    let text = cluster
        .log(handle.log)
        .map(|l| l.text())
        .unwrap_or_default();
    Ok((text, cluster.exit_code(handle.process)))
}

/// The spec of the container a target names.
fn record_container(cluster: &Cluster, target: &ExecTarget) -> Option<crate::spec::Container> {
    let record = cluster.pod(&target.namespace, &target.pod)?;
    record.pod.spec.container(&target.container).cloned()
}
