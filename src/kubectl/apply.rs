//! `kubectl apply -f` and `kubectl create -f`.

use super::args::{parse_args, FlagSpec};
use super::console::{Console, Output};
use super::errors::ConsoleError;
use crate::sim::ApplyOutcome;
use crate::spec::{parse_manifests, Manifest};

/// Which of the two commands is running; they differ only on existing objects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `apply`: an identical object is `unchanged`.
    Apply,
    /// `create`: an existing object is an error.
    Create,
}

impl Mode {
    fn command(self) -> &'static str {
        match self {
            Mode::Apply => "apply",
            Mode::Create => "create",
        }
    }
}

const FLAGS: [FlagSpec; 1] = [FlagSpec::value("filename", Some('f'))];

/// Runs `kubectl apply|create ARGS`.
pub fn apply(
    console: &mut Console,
    arguments: &[String],
    stdin: Option<&str>,
    output: &mut Output,
    mode: Mode,
) -> Result<(), ConsoleError> {
    let args = parse_args(mode.command(), arguments, &FLAGS)?;
    let filenames = args.values("filename");
    if filenames.is_empty() {
        return Err(ConsoleError::FilenameRequired);
    }
    for filename in filenames {
        let (source, text) = if filename == "-" {
            ("STDIN".to_string(), stdin.unwrap_or("").to_string())
        } else {
            let text =
                console
                    .read_file(filename)
                    .ok_or_else(|| ConsoleError::PathDoesNotExist {
                        path: filename.clone(),
                    })?;
            (filename.clone(), text)
        };
        let parsed = parse_manifests(&text);
        for manifest in parsed.manifests {
            let Manifest::Pod(pod) = manifest;
            let name = pod.metadata.name.clone();
            let namespace = pod.namespace().to_string();
            let exists = console.cluster().pod(&namespace, &name).is_some();
            if mode == Mode::Create && exists {
                output.error(ConsoleError::AlreadyExists {
                    source: source.clone(),
                    name,
                });
                continue;
            }
            match console.cluster_mut().apply_pod(pod) {
                ApplyOutcome::Created => output.stdout(format!("pod/{name} created")),
                ApplyOutcome::Unchanged => output.stdout(format!("pod/{name} unchanged")),
                ApplyOutcome::UpdateForbidden => {
                    output.error(ConsoleError::PodUpdateForbidden { name })
                }
                ApplyOutcome::NamespaceNotFound => output.error(ConsoleError::NamespaceNotFound {
                    source: source.clone(),
                    namespace,
                }),
            }
        }
        for diagnostic in parsed.diagnostics {
            output.error(ConsoleError::Manifest {
                source: source.clone(),
                diagnostic: Box::new(diagnostic),
            });
        }
    }
    Ok(())
}
