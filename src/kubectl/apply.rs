//! `kubectl apply -f` and `kubectl create -f`.
//!
//! Each document is handled on its own, as kubectl visits them: a document the
//! API server refuses prints its error (syntax, strict decoding, or the
//! validation causes), an accepted one prints its warnings and then
//! `<resource>/<name> created|unchanged|configured`.

use super::args::{parse_args, FlagSpec};
use super::context::Context;
use super::effect::Effect;
use super::errors::ConsoleError;
use super::sink::Output;
use crate::sim::{ApplyOutcome, Cluster};
use crate::spec::{Diagnostic, DiagnosticKind, Document, Severity};

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

/// Runs `kubectl apply ARGS`.
pub fn apply(context: Context<'_>, arguments: &[String]) -> Result<Effect, ConsoleError> {
    apply_or_create(context, arguments, Mode::Apply)
}

/// Runs `kubectl create ARGS`.
pub fn create(context: Context<'_>, arguments: &[String]) -> Result<Effect, ConsoleError> {
    apply_or_create(context, arguments, Mode::Create)
}

fn apply_or_create(
    context: Context<'_>,
    arguments: &[String],
    mode: Mode,
) -> Result<Effect, ConsoleError> {
    let Context {
        cluster,
        files,
        output,
        stdin,
    } = context;
    let args = parse_args(mode.command(), arguments, &FLAGS)?;
    let filenames = args.values("filename");
    if filenames.is_empty() {
        return Err(ConsoleError::FilenameRequired);
    }
    for filename in filenames {
        let sources: Vec<(String, String)> = if filename == "-" {
            vec![("STDIN".to_string(), stdin.unwrap_or("").to_string())]
        } else if let Some(text) = files.read(filename) {
            vec![(filename.clone(), text)]
        } else if let Some(names) = files.list_dir(filename) {
            // A folder: its manifests in name order, as kubectl's visitor
            // walks it (`.json`, `.yaml`, `.yml`; nothing deeper without -R).
            let folder = filename.trim_end_matches('/');
            names
                .into_iter()
                .filter(|name| {
                    [".json", ".yaml", ".yml"]
                        .iter()
                        .any(|extension| name.ends_with(extension))
                })
                .filter_map(|name| {
                    let path = format!("{folder}/{name}");
                    let text = files.read(&path)?;
                    Some((path, text))
                })
                .collect()
        } else {
            return Err(ConsoleError::PathDoesNotExist {
                path: filename.clone(),
            });
        };
        for (source, text) in sources {
            let parsed = files.read_manifests(&source, &text);
            for diagnostic in parsed.text_diagnostics {
                output.error(manifest_error(&source, diagnostic));
            }
            for document in parsed.documents {
                apply_document(cluster, document, &source, mode, output);
            }
        }
    }
    Ok(Effect::None)
}

fn apply_document(
    cluster: &mut Cluster,
    document: Document,
    source: &str,
    mode: Mode,
    output: &mut Output,
) {
    if let Some(error) = refusal(&document, source) {
        output.error(error);
        return;
    }
    let Some(manifest) = document.manifest else {
        return;
    };
    for diagnostic in &document.diagnostics {
        if let DiagnosticKind::ServerWarning { .. } = diagnostic.kind {
            output.stderr(diagnostic.kind.to_string());
        }
    }
    let resource = manifest.kind().to_lowercase();
    let name = manifest.name().to_string();
    if mode == Mode::Create && cluster.contains(&manifest) {
        output.error(ConsoleError::AlreadyExists {
            source: source.to_string(),
            resource: manifest.resource(),
            name,
        });
        return;
    }
    let namespace = manifest.namespace().to_string();
    match cluster.apply(manifest) {
        ApplyOutcome::Created => output.stdout(format!("{resource}/{name} created")),
        ApplyOutcome::Configured => output.stdout(format!("{resource}/{name} configured")),
        ApplyOutcome::Unchanged => output.stdout(format!("{resource}/{name} unchanged")),
        ApplyOutcome::UpdateForbidden => output.error(ConsoleError::PodUpdateForbidden { name }),
        ApplyOutcome::NamespaceNotFound => output.error(ConsoleError::NamespaceNotFound {
            source: source.to_string(),
            namespace,
        }),
    }
}

/// Why the API server (or kubectl before it) refuses the document, if it does:
/// the first reading error, else all unknown fields, else all validation causes.
pub(super) fn refusal(document: &Document, source: &str) -> Option<ConsoleError> {
    let errors: Vec<&Diagnostic> = document
        .diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .collect();
    let first = *errors.first()?;
    let unknown: Vec<String> = errors
        .iter()
        .filter_map(|d| match &d.kind {
            DiagnosticKind::UnknownField { path } => Some(path.clone()),
            _ => None,
        })
        .collect();
    let kind = document.manifest.as_ref().map_or("Pod", |m| m.kind());
    if !unknown.is_empty() {
        return Some(ConsoleError::StrictDecoding {
            source: source.to_string(),
            kind,
            fields: unknown,
        });
    }
    let mut causes: Vec<String> = Vec::new();
    for diagnostic in &errors {
        if let DiagnosticKind::Invalid { error, .. } = &diagnostic.kind {
            let cause = error.to_string();
            if !causes.contains(&cause) {
                causes.push(cause);
            }
        }
    }
    if causes.is_empty() {
        return Some(manifest_error(source, first.clone()));
    }
    Some(ConsoleError::Invalid {
        kind,
        name: document
            .manifest
            .as_ref()
            .map(|m| m.name().to_string())
            .unwrap_or_default(),
        causes,
    })
}

fn manifest_error(source: &str, diagnostic: Diagnostic) -> ConsoleError {
    ConsoleError::Manifest {
        source: source.to_string(),
        diagnostic: Box::new(diagnostic),
    }
}
