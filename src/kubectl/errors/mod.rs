//! Every error the console prints ([`ConsoleError`]), each variant saying
//! what went wrong; `wording.rs` words each once, as kubectl (or bash)
//! words it.

mod wording;

use crate::spec::Diagnostic;

/// An error a console command ends with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConsoleError {
    /// A program that is not on the console's PATH.
    CommandNotFound { program: String },
    /// A quote left open on the command line.
    Words { message: String },
    /// Shell syntax the console does not run yet (pipes, redirections).
    NotSimulatedSyntax { operator: String },
    /// A kubectl subcommand that exists but is not simulated yet.
    NotSimulatedCommand { command: String },
    /// A node command (docker, crictl) with a subcommand not simulated yet.
    NotSimulatedNodeCommand { command: String },
    /// `kubectl` (or `docker`, `crictl`) inside what the node's shell runs
    /// (a loop, a function, a node command's `$(…)`): that shell has none.
    ConsoleCommandInShell { program: String },
    /// `kubectl foo`, with the subcommands kubectl suggests instead.
    UnknownKubectlCommand {
        command: String,
        suggestions: Vec<&'static str>,
    },
    /// `kubectl top pod` on a cluster without metrics-server.
    MetricsApiNotAvailable,
    /// `kubectl get --bogus`.
    UnknownFlag { command: String, flag: String },
    /// `kubectl get -z`.
    UnknownShorthandFlag {
        command: String,
        letter: char,
        word: String,
    },
    /// A flag given without its value (`--output` or `-o`).
    FlagNeedsArgument { command: String, flag: String },
    /// `kubectl get` without a resource type.
    ResourceTypeRequired,
    /// `kubectl describe` without a resource type.
    DescribeResourceRequired,
    /// `kubectl get foo`.
    UnknownResourceType { resource: String },
    /// `-o yaml` and friends, not printed yet.
    UnsupportedOutputFormat { format: String },
    /// `kubectl api-resources -o` other than `wide` or `name`.
    ApiResourcesOutput { format: String },
    /// An `-o` value no printer takes.
    NoCompatiblePrinter { format: String },
    /// `-o jsonpath` (or another template format) without its template.
    TemplateNotGiven,
    /// `-o custom-columns` without columns.
    CustomColumnsNotGiven,
    /// A custom column without its `:`.
    CustomColumnSpec { part: String },
    /// A custom column's path kubectl cannot relax into a template.
    RelaxedJsonPath,
    /// A JSONPath template that does not parse.
    JsonPathParse { template: String, message: String },
    /// A JSONPath template that failed on the object (`dump` is Go's `%#v` of it).
    JsonPathExecute {
        template: String,
        message: String,
        dump: String,
    },
    /// A custom column's JSONPath that failed, in client-go's words.
    JsonPathFailed { message: String },
    /// `kubectl apply` without `-f`.
    FilenameRequired,
    /// `-f` names a file that exists in neither the working directory nor the script's folder.
    PathDoesNotExist { path: String },
    /// A manifest could not be read (`source` is the file name, or `STDIN`).
    Manifest {
        source: String,
        diagnostic: Box<Diagnostic>,
    },
    /// Strict decoding refused fields the object does not have.
    StrictDecoding {
        source: String,
        kind: &'static str,
        fields: Vec<String>,
    },
    /// Validation refused the object: kubectl's one-line or `* ` list form.
    Invalid {
        kind: &'static str,
        name: String,
        causes: Vec<String>,
    },
    /// `kubectl create` of an object that exists.
    AlreadyExists {
        source: String,
        resource: &'static str,
        name: String,
    },
    /// The object's namespace does not exist.
    NamespaceNotFound { source: String, namespace: String },
    /// `kubectl apply` that changes a pod's spec beyond what may change.
    PodUpdateForbidden { name: String },
    /// `kubectl get pods NAME` of a pod that does not exist.
    PodNotFound { name: String },
    /// `kubectl run` without a name.
    RunNameRequired,
    /// `kubectl run NAME` without `--image`.
    RunImageRequired,
    /// `kubectl run` of a pod that exists.
    RunAlreadyExists { name: String },
    /// `kubectl run -n` a namespace that does not exist.
    RunNamespaceNotFound { namespace: String },
    /// `kubectl label` without labels.
    LabelUsage,
    /// A label argument kubectl refuses.
    LabelSpec { message: String },
    /// A resource type given without a name (and without `--all` or `-l`).
    NoNameSpecified,
    /// `kubectl explain` without a resource.
    ExplainResourceRequired,
    /// `kubectl explain` of a field the type does not have.
    ExplainFieldNotFound { field: String },
    /// `kubectl annotate` without annotation changes.
    AnnotateUsage,
    /// `kubectl annotate` without an object.
    AnnotateResourcesRequired,
    /// A word that is not a change after the first change.
    ResourcesBeforePairs {
        pair_type: &'static str,
        word: String,
    },
    /// The same annotation set and removed.
    ModifyAndRemoveAnnotations { keys: Vec<String> },
    /// Annotations that have another value, without `--overwrite`.
    AnnotationOverwrite { taken: Vec<(String, String)> },
    /// An object to delete that does not exist.
    ObjectNotFound {
        resource: &'static str,
        name: String,
    },
    /// A command that needs a pod name was given none.
    PodNameRequired { command: &'static str },
    /// `-c` names a container the pod does not have.
    ContainerNotValid { container: String, pod: String },
    /// The kubelet cannot give what was asked (a container's logs, an exec).
    BadRequest { message: String },
    /// `kubectl exec POD` without a command.
    ExecCommandRequired,
    /// `kubectl exec` into a pod that has finished.
    ExecCompletedPod { phase: &'static str },
    /// `kubectl exec` into a container that is not running.
    ExecContainerNotFound { container: String },
    /// `kubectl exec` of a program the image does not have.
    ExecFailed { message: String },
    /// `--tail` or `--grace-period` of `kubectl COMMAND` that is not a number.
    InvalidNumber {
        command: &'static str,
        flag: &'static str,
        value: String,
    },
    /// A boolean flag of `kubectl COMMAND` given a value Go's
    /// `strconv.ParseBool` refuses.
    InvalidBool {
        command: &'static str,
        flag: &'static str,
        value: String,
    },
    /// `kubectl delete` without a resource type or file.
    DeleteNothing,
    /// `sleep` with a duration it cannot read.
    InvalidSleep { argument: String },
    /// `sleep` with no operand.
    SleepMissingOperand,
    /// `cat` of a file that does not exist.
    CatNoSuchFile { path: String },
}
