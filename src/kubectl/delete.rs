//! `kubectl delete pod NAME… | -f FILE [--grace-period N] [--force] [--now]`:
//! asks the API server to delete, prints `pod "NAME" deleted`, then waits
//! (advancing the virtual clock) until the kubelet has stopped the pod, as
//! kubectl's `--wait=true` does.

use super::args::{parse_args, FlagSpec};
use super::context::Context;
use super::effect::Effect;
use super::errors::ConsoleError;
use super::files::Files;
use crate::spec::parse_manifests;

const FLAGS: [FlagSpec; 5] = [
    FlagSpec::value("filename", Some('f')),
    FlagSpec::value("grace-period", None),
    FlagSpec::switch("force", None),
    FlagSpec::switch("now", None),
    FlagSpec::value("wait", None),
];

/// Runs `kubectl delete ARGS`.
pub fn delete(context: Context<'_>, arguments: &[String]) -> Result<Effect, ConsoleError> {
    let Context {
        cluster,
        files,
        output,
        stdin,
    } = context;
    let args = parse_args("delete", arguments, &FLAGS)?;
    let namespace = args.value("namespace").unwrap_or("default").to_string();
    let mut grace: Option<u64> = match args.value("grace-period") {
        None => None,
        Some(value) => {
            let seconds = value
                .parse::<i64>()
                .map_err(|_| ConsoleError::InvalidNumber {
                    command: "delete",
                    flag: "grace-period",
                    value: value.to_string(),
                })?;
            // A negative value means "the pod's own".
            u64::try_from(seconds).ok()
        }
    };
    if args.is_set("now") {
        grace = Some(1);
    }
    let force = args.is_set("force");
    if force && grace.is_none() {
        grace = Some(0);
    }
    if force && grace == Some(0) {
        output.stderr("Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.");
    }

    let filenames = args.values("filename");
    let targets = if filenames.is_empty() {
        named_targets(&args.positionals, &namespace)?
    } else {
        file_targets(filenames, files, stdin)?
    };

    let operation = if grace == Some(0) {
        "force deleted"
    } else {
        "deleted"
    };
    let mut waiting = Vec::new();
    for (kind, namespace, name) in targets {
        let deleted = match kind.as_str() {
            "pod" => cluster.delete_pod(&namespace, &name, grace),
            other => cluster.delete_object(other, &namespace, &name),
        };
        if !deleted {
            output.error(ConsoleError::ObjectNotFound {
                resource: resource_plural(&kind),
                name,
            });
            continue;
        }
        output.stdout(format!("{kind} \"{name}\" {operation}"));
        if kind == "pod" && grace == Some(0) {
            // The API server forgets the pod at once; the kubelet still stops it.
            cluster.forget_pod(&namespace, &name);
        } else if kind == "pod" {
            waiting.push((namespace, name));
        }
    }
    // --wait (the default): until every deleted pod is gone from the API.
    if matches!(
        args.value("wait"),
        Some("false" | "0" | "f" | "F" | "FALSE" | "False")
    ) {
        return Ok(Effect::None);
    }
    let give_up = cluster.now() + 3_600_000;
    cluster.run_until_done(give_up, |c| {
        waiting.iter().all(|(ns, name)| {
            c.pod(ns, name)
                .is_none_or(|record| record.deletion_requested.is_none())
        })
    });
    Ok(Effect::None)
}

/// The plural a "not found" error names.
fn resource_plural(kind: &str) -> &'static str {
    match kind {
        "service" => "services",
        "configmap" => "configmaps",
        "secret" => "secrets",
        _ => "pods",
    }
}

/// An object to delete: (kind word, namespace, name).
type Target = (String, String, String);

/// The objects the manifests of `-f` files (or `-` for stdin) name.
fn file_targets(
    filenames: &[String],
    files: &Files,
    stdin: Option<&str>,
) -> Result<Vec<Target>, ConsoleError> {
    let mut targets = Vec::new();
    for filename in filenames {
        let text = if filename == "-" {
            stdin.unwrap_or("").to_string()
        } else {
            files
                .read(filename)
                .ok_or_else(|| ConsoleError::PathDoesNotExist {
                    path: filename.clone(),
                })?
        };
        for document in parse_manifests(&text).documents {
            if let Some(manifest) = document.manifest {
                targets.push((
                    manifest.kind().to_lowercase(),
                    manifest.namespace().to_string(),
                    manifest.name().to_string(),
                ));
            }
        }
    }
    Ok(targets)
}

/// The objects `TYPE NAME…` or `TYPE/NAME` name, in `namespace`.
fn named_targets(positionals: &[String], namespace: &str) -> Result<Vec<Target>, ConsoleError> {
    let Some((first, rest)) = positionals.split_first() else {
        return Err(ConsoleError::DeleteNothing);
    };
    let (resource, names): (String, Vec<String>) = match first.split_once('/') {
        Some((kind, name)) => (
            kind.to_string(),
            std::iter::once(name.to_string())
                .chain(rest.iter().cloned())
                .collect(),
        ),
        None => (first.clone(), rest.to_vec()),
    };
    let kind = match resource.as_str() {
        "pod" | "pods" | "po" => "pod",
        "service" | "services" | "svc" => "service",
        "configmap" | "configmaps" | "cm" => "configmap",
        "secret" | "secrets" => "secret",
        _ => return Err(ConsoleError::UnknownResourceType { resource }),
    };
    if names.is_empty() {
        return Err(ConsoleError::PodNameRequired { command: "delete" });
    }
    Ok(names
        .into_iter()
        .map(|n| (kind.to_string(), namespace.to_string(), n))
        .collect())
}
