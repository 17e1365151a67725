//! The words of every console error, as kubectl (or bash) prints them: one
//! `Display` arm per [`ConsoleError`] variant, and kubectl's messages for a
//! manifest it could not read.

use super::ConsoleError;
use crate::kubectl::json::go_quote;
use crate::spec::{Diagnostic, DiagnosticKind};
use std::fmt;

impl fmt::Display for ConsoleError {
    #[expect(
        clippy::too_many_lines,
        reason = "one flat match with an arm per error, so each message is worded in one place"
    )]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConsoleError::CommandNotFound { program } => {
                write!(f, "bash: {program}: command not found")
            }
            ConsoleError::Words { message } => write!(f, "bash: {message}"),
            ConsoleError::NotSimulatedSyntax { operator } => write!(
                f,
                "podplay: the shell operator `{operator}` is not simulated in the console yet"
            ),
            ConsoleError::NotSimulatedCommand { command } => write!(
                f,
                "podplay: `{}` is not simulated yet",
                format!("kubectl {command}").trim_end()
            ),
            ConsoleError::NotSimulatedNodeCommand { command } => {
                write!(f, "podplay: `{command}` is not simulated yet")
            }
            ConsoleError::ConsoleCommandInShell { program } => write!(
                f,
                "podplay: `{program}` inside a loop, a function or a node command's $(…) is not simulated yet"
            ),
            ConsoleError::MetricsApiNotAvailable => f.write_str("error: Metrics API not available"),
            // kubectl's `cmdutil.CheckErr` words cobra's errors with a
            // lower-case "error: " (recorded from kubectl v1.35.2).
            ConsoleError::UnknownKubectlCommand {
                command,
                suggestions,
            } => {
                write!(f, "error: unknown command \"{command}\" for \"kubectl\"")?;
                if !suggestions.is_empty() {
                    f.write_str("\n\nDid you mean this?")?;
                }
                suggestions
                    .iter()
                    .try_for_each(|name| write!(f, "\n\t{name}"))
            }
            ConsoleError::UnknownFlag { command, flag } => write!(
                f,
                "error: unknown flag: {flag}\nSee 'kubectl {command} --help' for usage."
            ),
            ConsoleError::UnknownShorthandFlag {
                command,
                letter,
                word,
            } => write!(
                f,
                "error: unknown shorthand flag: '{letter}' in {word}\nSee 'kubectl {command} --help' for usage."
            ),
            ConsoleError::FlagNeedsArgument { command, flag } => match flag.strip_prefix("--") {
                Some(_) => write!(
                    f,
                    "error: flag needs an argument: {flag}\nSee 'kubectl {command} --help' for usage."
                ),
                None => write!(
                    f,
                    "error: flag needs an argument: '{}' in {flag}\nSee 'kubectl {command} --help' for usage.",
                    flag.trim_start_matches('-')
                ),
            },
            ConsoleError::ResourceTypeRequired => f.write_str(
                "You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples",
            ),
            ConsoleError::DescribeResourceRequired => f.write_str(
                "error: You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.",
            ),
            ConsoleError::UnknownResourceType { resource } => write!(
                f,
                "error: the server doesn't have a resource type \"{resource}\""
            ),
            ConsoleError::UnsupportedOutputFormat { format } => write!(
                f,
                "podplay: the output format \"{format}\" is not simulated yet"
            ),
            ConsoleError::ApiResourcesOutput { format } => {
                write!(f, "error: --output {format} is not available")
            }
            ConsoleError::NoCompatiblePrinter { format } => write!(
                f,
                "error: unable to match a printer suitable for the output format {}, allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,kyaml,name,template,templatefile,wide,yaml",
                go_quote(format)
            ),
            ConsoleError::TemplateNotGiven => {
                f.write_str("error: template format specified but no template given")
            }
            ConsoleError::CustomColumnsNotGiven => {
                f.write_str("error: custom-columns format specified but no custom columns given")
            }
            ConsoleError::CustomColumnSpec { part } => write!(
                f,
                "error: unexpected custom-columns spec: {part}, expected <header>:<json-path-expr>"
            ),
            ConsoleError::RelaxedJsonPath => f.write_str(
                "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
            ),
            ConsoleError::JsonPathParse { template, message } => {
                write!(f, "error: error parsing jsonpath {template}, {message}")
            }
            // kubectl's message ends in two blank lines.
            ConsoleError::JsonPathExecute {
                template,
                message,
                dump,
            } => write!(
                f,
                "error: error executing jsonpath {}: Error executing template: {message}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t{template}\n\tobject given to jsonpath engine was:\n\t\t{dump}\n\n\n",
                go_quote(template)
            ),
            ConsoleError::JsonPathFailed { message } => write!(f, "error: {message}"),
            ConsoleError::FilenameRequired => f.write_str("error: must specify one of -f and -k"),
            ConsoleError::PathDoesNotExist { path } => {
                write!(f, "error: the path \"{path}\" does not exist")
            }
            ConsoleError::Manifest { source, diagnostic } => {
                write_manifest_error(f, source, diagnostic)
            }
            ConsoleError::StrictDecoding {
                source,
                kind,
                fields,
            } => {
                let fields: Vec<String> = fields
                    .iter()
                    .map(|field| format!("unknown field \"{field}\""))
                    .collect();
                write!(
                    f,
                    "Error from server (BadRequest): error when creating \"{source}\": {kind} in version \"v1\" cannot be handled as a {kind}: strict decoding error: {}",
                    fields.join(", ")
                )
            }
            ConsoleError::Invalid { kind, name, causes } => match causes.as_slice() {
                [only] => write!(f, "The {kind} \"{name}\" is invalid: {only}"),
                _ => {
                    write!(f, "The {kind} \"{name}\" is invalid: ")?;
                    for cause in causes {
                        write!(f, "\n* {cause}")?;
                    }
                    Ok(())
                }
            },
            ConsoleError::AlreadyExists {
                source,
                resource,
                name,
            } => write!(
                f,
                "Error from server (AlreadyExists): error when creating \"{source}\": {resource} \"{name}\" already exists"
            ),
            ConsoleError::NamespaceNotFound { source, namespace } => write!(
                f,
                "Error from server (NotFound): error when creating \"{source}\": namespaces \"{namespace}\" not found"
            ),
            ConsoleError::PodUpdateForbidden { name } => write!(
                f,
                "The Pod \"{name}\" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)"
            ),
            ConsoleError::PodNotFound { name } => {
                write!(f, "Error from server (NotFound): pods \"{name}\" not found")
            }
            ConsoleError::RunNameRequired => f.write_str(
                "error: NAME is required for run\nSee 'kubectl run -h' for help and examples",
            ),
            ConsoleError::RunImageRequired => f.write_str(
                "error: --image is required\nSee 'kubectl run -h' for help and examples",
            ),
            ConsoleError::RunAlreadyExists { name } => write!(
                f,
                "Error from server (AlreadyExists): pods \"{name}\" already exists"
            ),
            ConsoleError::RunNamespaceNotFound { namespace } => write!(
                f,
                "Error from server (NotFound): namespaces \"{namespace}\" not found"
            ),
            ConsoleError::LabelUsage => f.write_str(
                "error: at least one label update is required\nSee 'kubectl label -h' for help and examples",
            ),
            ConsoleError::LabelSpec { message } => write!(f, "error: {message}"),
            ConsoleError::NoNameSpecified => {
                f.write_str("error: resource(s) were provided, but no name was specified")
            }
            ConsoleError::ExplainResourceRequired => f.write_str(
                "You must specify the type of resource to explain. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee 'kubectl explain -h' for help and examples",
            ),
            ConsoleError::ExplainFieldNotFound { field } => {
                write!(f, "error: field \"{field}\" does not exist")
            }
            ConsoleError::AnnotateUsage => {
                f.write_str("error: at least one annotation update is required")
            }
            ConsoleError::AnnotateResourcesRequired => f.write_str(
                "error: one or more resources must be specified as <resource> <name> or <resource>/<name>",
            ),
            ConsoleError::ResourcesBeforePairs { pair_type, word } => write!(
                f,
                "error: all resources must be specified before {pair_type} changes: {word}"
            ),
            ConsoleError::ModifyAndRemoveAnnotations { keys } => write!(
                f,
                "error: can not both modify and remove the following annotation(s) in the same command: {}",
                keys.join(", ")
            ),
            ConsoleError::AnnotationOverwrite { taken } => {
                let taken: Vec<String> = taken
                    .iter()
                    .map(|(key, value)| format!("'{key}' already has a value ({value})"))
                    .collect();
                write!(
                    f,
                    "error: --overwrite is false but found the following declared annotation(s): {}",
                    taken.join("; ")
                )
            }
            ConsoleError::ObjectNotFound { resource, name } => {
                write!(f, "Error from server (NotFound): {resource} \"{name}\" not found")
            }
            ConsoleError::PodNameRequired { command } => match *command {
                "logs" => f.write_str("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples"),
                _ => f.write_str("error: pod, type/name or --filename must be specified"),
            },
            ConsoleError::ContainerNotValid { container, pod } => write!(
                f,
                "Error from server (BadRequest): container {container} is not valid for pod {pod}"
            ),
            ConsoleError::BadRequest { message } => {
                write!(f, "Error from server (BadRequest): {message}")
            }
            ConsoleError::ExecCommandRequired => {
                f.write_str("error: you must specify at least one command for the container")
            }
            ConsoleError::ExecCompletedPod { phase } => write!(
                f,
                "error: cannot exec into a container in a completed pod; current phase is {phase}"
            ),
            ConsoleError::ExecContainerNotFound { container } => write!(
                f,
                "error: unable to upgrade connection: container not found (\"{container}\")"
            ),
            ConsoleError::ExecFailed { message } => write!(
                f,
                "error: Internal error occurred: error executing command in container: {message}"
            ),
            ConsoleError::InvalidNumber {
                command,
                flag,
                value,
            } => write!(
                f,
                "error: invalid argument \"{value}\" for \"--{flag}\" flag: strconv.ParseInt: parsing \"{value}\": invalid syntax\nSee 'kubectl {command} --help' for usage."
            ),
            ConsoleError::InvalidBool {
                command,
                flag,
                value,
            } => write!(
                f,
                "error: invalid argument \"{value}\" for \"--{flag}\" flag: strconv.ParseBool: parsing \"{value}\": invalid syntax\nSee 'kubectl {command} --help' for usage."
            ),
            ConsoleError::DeleteNothing => f.write_str(
                "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
            ),
            ConsoleError::InvalidSleep { argument } => write!(
                f,
                "sleep: invalid time interval '{argument}'\nTry 'sleep --help' for more information."
            ),
            ConsoleError::SleepMissingOperand => {
                f.write_str("sleep: missing operand\nTry 'sleep --help' for more information.")
            }
            ConsoleError::CatNoSuchFile { path } => {
                write!(f, "cat: {path}: No such file or directory")
            }
        }
    }
}

/// kubectl's words for a manifest it could not read, by what went wrong.
fn write_manifest_error(
    f: &mut fmt::Formatter<'_>,
    source: &str,
    diagnostic: &Diagnostic,
) -> fmt::Result {
    match &diagnostic.kind {
        DiagnosticKind::YamlSyntax { message } => write!(
            f,
            "error: error parsing {source}: error converting YAML to JSON: yaml: line {}: {message}",
            diagnostic.span.line
        ),
        DiagnosticKind::KindOrVersionNotSet { .. } => write!(
            f,
            "error: error validating \"{source}\": {}; if you choose to ignore these errors, turn validation off with --validate=false",
            diagnostic.kind
        ),
        DiagnosticKind::UnknownKind {
            name, namespace, ..
        } => write!(
            f,
            "error: resource mapping not found for name: \"{name}\" namespace: \"{namespace}\" from \"{source}\": {}\nensure CRDs are installed first",
            diagnostic.kind
        ),
        DiagnosticKind::FieldType { .. } | DiagnosticKind::NotAnObject => write!(
            f,
            "Error from server (BadRequest): error when creating \"{source}\": Pod in version \"v1\" cannot be handled as a Pod: {}",
            diagnostic.kind
        ),
        DiagnosticKind::TooLarge { .. } => {
            write!(f, "Error from server: error when creating \"{source}\": {}", diagnostic.kind)
        }
        // Grouped per document by `kubectl apply` (see ConsoleError::StrictDecoding,
        // ::Invalid); a lone one reads as the API server's line.
        DiagnosticKind::UnknownField { .. }
        | DiagnosticKind::DuplicateKey { .. }
        | DiagnosticKind::Invalid { .. }
        | DiagnosticKind::ServerWarning { .. }
        | DiagnosticKind::VolumeNeedsInfrastructure { .. } => write!(f, "{}", diagnostic.kind),
    }
}
