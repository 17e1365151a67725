//! `kubectl api-resources`: the resource types a fresh v1.36 cluster serves
//! (the core group and the built-in groups enabled by default), sorted as
//! `apiresources.go` sorts them (by group, then name), with
//! `--namespaced`, `--api-group`, `-o name` and `--no-headers`.

use super::args::{parse_args, parse_bool, FlagSpec};
use super::context::Context;
use super::effect::Effect;
use super::errors::ConsoleError;
use super::tabwriter::TabWriter;

const FLAGS: [FlagSpec; 4] = [
    FlagSpec::value("output", Some('o')),
    FlagSpec::switch("namespaced", None),
    FlagSpec::value("api-group", None),
    FlagSpec::switch("no-headers", None),
];

/// One served resource: (group/version, name, short names, namespaced, kind).
type ApiResource = (&'static str, &'static str, &'static str, bool, &'static str);

/// The resources, already in kubectl's order.
const RESOURCES: &[ApiResource] = &[
    ("v1", "bindings", "", true, "Binding"),
    ("v1", "componentstatuses", "cs", false, "ComponentStatus"),
    ("v1", "configmaps", "cm", true, "ConfigMap"),
    ("v1", "endpoints", "ep", true, "Endpoints"),
    ("v1", "events", "ev", true, "Event"),
    ("v1", "limitranges", "limits", true, "LimitRange"),
    ("v1", "namespaces", "ns", false, "Namespace"),
    ("v1", "nodes", "no", false, "Node"),
    (
        "v1",
        "persistentvolumeclaims",
        "pvc",
        true,
        "PersistentVolumeClaim",
    ),
    ("v1", "persistentvolumes", "pv", false, "PersistentVolume"),
    ("v1", "pods", "po", true, "Pod"),
    ("v1", "podtemplates", "", true, "PodTemplate"),
    (
        "v1",
        "replicationcontrollers",
        "rc",
        true,
        "ReplicationController",
    ),
    ("v1", "resourcequotas", "quota", true, "ResourceQuota"),
    ("v1", "secrets", "", true, "Secret"),
    ("v1", "serviceaccounts", "sa", true, "ServiceAccount"),
    ("v1", "services", "svc", true, "Service"),
    (
        "admissionregistration.k8s.io/v1",
        "mutatingwebhookconfigurations",
        "",
        false,
        "MutatingWebhookConfiguration",
    ),
    (
        "admissionregistration.k8s.io/v1",
        "validatingadmissionpolicies",
        "",
        false,
        "ValidatingAdmissionPolicy",
    ),
    (
        "admissionregistration.k8s.io/v1",
        "validatingadmissionpolicybindings",
        "",
        false,
        "ValidatingAdmissionPolicyBinding",
    ),
    (
        "admissionregistration.k8s.io/v1",
        "validatingwebhookconfigurations",
        "",
        false,
        "ValidatingWebhookConfiguration",
    ),
    (
        "apiextensions.k8s.io/v1",
        "customresourcedefinitions",
        "crd,crds",
        false,
        "CustomResourceDefinition",
    ),
    (
        "apiregistration.k8s.io/v1",
        "apiservices",
        "",
        false,
        "APIService",
    ),
    (
        "apps/v1",
        "controllerrevisions",
        "",
        true,
        "ControllerRevision",
    ),
    ("apps/v1", "daemonsets", "ds", true, "DaemonSet"),
    ("apps/v1", "deployments", "deploy", true, "Deployment"),
    ("apps/v1", "replicasets", "rs", true, "ReplicaSet"),
    ("apps/v1", "statefulsets", "sts", true, "StatefulSet"),
    (
        "authentication.k8s.io/v1",
        "selfsubjectreviews",
        "",
        false,
        "SelfSubjectReview",
    ),
    (
        "authentication.k8s.io/v1",
        "tokenreviews",
        "",
        false,
        "TokenReview",
    ),
    (
        "authorization.k8s.io/v1",
        "localsubjectaccessreviews",
        "",
        true,
        "LocalSubjectAccessReview",
    ),
    (
        "authorization.k8s.io/v1",
        "selfsubjectaccessreviews",
        "",
        false,
        "SelfSubjectAccessReview",
    ),
    (
        "authorization.k8s.io/v1",
        "selfsubjectrulesreviews",
        "",
        false,
        "SelfSubjectRulesReview",
    ),
    (
        "authorization.k8s.io/v1",
        "subjectaccessreviews",
        "",
        false,
        "SubjectAccessReview",
    ),
    (
        "autoscaling/v2",
        "horizontalpodautoscalers",
        "hpa",
        true,
        "HorizontalPodAutoscaler",
    ),
    ("batch/v1", "cronjobs", "cj", true, "CronJob"),
    ("batch/v1", "jobs", "", true, "Job"),
    (
        "certificates.k8s.io/v1",
        "certificatesigningrequests",
        "csr",
        false,
        "CertificateSigningRequest",
    ),
    ("coordination.k8s.io/v1", "leases", "", true, "Lease"),
    (
        "discovery.k8s.io/v1",
        "endpointslices",
        "",
        true,
        "EndpointSlice",
    ),
    ("events.k8s.io/v1", "events", "ev", true, "Event"),
    (
        "flowcontrol.apiserver.k8s.io/v1",
        "flowschemas",
        "",
        false,
        "FlowSchema",
    ),
    (
        "flowcontrol.apiserver.k8s.io/v1",
        "prioritylevelconfigurations",
        "",
        false,
        "PriorityLevelConfiguration",
    ),
    (
        "networking.k8s.io/v1",
        "ingressclasses",
        "",
        false,
        "IngressClass",
    ),
    ("networking.k8s.io/v1", "ingresses", "ing", true, "Ingress"),
    (
        "networking.k8s.io/v1",
        "ipaddresses",
        "ip",
        false,
        "IPAddress",
    ),
    (
        "networking.k8s.io/v1",
        "networkpolicies",
        "netpol",
        true,
        "NetworkPolicy",
    ),
    (
        "networking.k8s.io/v1",
        "servicecidrs",
        "",
        false,
        "ServiceCIDR",
    ),
    (
        "node.k8s.io/v1",
        "runtimeclasses",
        "",
        false,
        "RuntimeClass",
    ),
    (
        "policy/v1",
        "poddisruptionbudgets",
        "pdb",
        true,
        "PodDisruptionBudget",
    ),
    (
        "rbac.authorization.k8s.io/v1",
        "clusterrolebindings",
        "",
        false,
        "ClusterRoleBinding",
    ),
    (
        "rbac.authorization.k8s.io/v1",
        "clusterroles",
        "",
        false,
        "ClusterRole",
    ),
    (
        "rbac.authorization.k8s.io/v1",
        "rolebindings",
        "",
        true,
        "RoleBinding",
    ),
    ("rbac.authorization.k8s.io/v1", "roles", "", true, "Role"),
    (
        "resource.k8s.io/v1",
        "deviceclasses",
        "",
        false,
        "DeviceClass",
    ),
    (
        "resource.k8s.io/v1",
        "resourceclaims",
        "",
        true,
        "ResourceClaim",
    ),
    (
        "resource.k8s.io/v1",
        "resourceclaimtemplates",
        "",
        true,
        "ResourceClaimTemplate",
    ),
    (
        "resource.k8s.io/v1",
        "resourceslices",
        "",
        false,
        "ResourceSlice",
    ),
    (
        "scheduling.k8s.io/v1",
        "priorityclasses",
        "pc",
        false,
        "PriorityClass",
    ),
    ("storage.k8s.io/v1", "csidrivers", "", false, "CSIDriver"),
    ("storage.k8s.io/v1", "csinodes", "", false, "CSINode"),
    (
        "storage.k8s.io/v1",
        "csistoragecapacities",
        "",
        true,
        "CSIStorageCapacity",
    ),
    (
        "storage.k8s.io/v1",
        "storageclasses",
        "sc",
        false,
        "StorageClass",
    ),
    (
        "storage.k8s.io/v1",
        "volumeattachments",
        "",
        false,
        "VolumeAttachment",
    ),
    (
        "storage.k8s.io/v1",
        "volumeattributesclasses",
        "vac",
        false,
        "VolumeAttributesClass",
    ),
];

/// Whether the server serves a resource a word names: its plural, its
/// singular (the kind in lower case), a short name, or `kind.group`.
pub(super) fn is_served(word: &str) -> bool {
    let (word, group) = match word.split_once('.') {
        Some((word, group)) => (word, Some(group)),
        None => (word, None),
    };
    RESOURCES
        .iter()
        .any(|(group_version, name, short, _, kind)| {
            let resource_group = group_version.rsplit_once('/').map_or("", |(g, _)| g);
            group.is_none_or(|g| g == resource_group)
                && (word == *name
                    || word == kind.to_lowercase()
                    || short.split(',').any(|s| !s.is_empty() && s == word))
        })
}

/// Runs `kubectl api-resources ARGS`.
pub fn api_resources(context: Context<'_>, arguments: &[String]) -> Result<Effect, ConsoleError> {
    let Context { output, .. } = context;
    let args = parse_args("api-resources", arguments, &FLAGS)?;
    let names_only = match args.value("output") {
        None => false,
        Some("name") => true,
        Some("wide") => {
            return Err(ConsoleError::UnsupportedOutputFormat {
                format: "wide".to_string(),
            })
        }
        Some(other) => {
            return Err(ConsoleError::ApiResourcesOutput {
                format: other.to_string(),
            })
        }
    };
    let namespaced = match args.value("namespaced") {
        None => None,
        Some(value) => Some(parse_bool(value).ok_or_else(|| ConsoleError::InvalidBool {
            command: "api-resources",
            flag: "namespaced",
            value: value.to_string(),
        })?),
    };
    let group = args.value("api-group");
    let chosen = RESOURCES
        .iter()
        .filter(|(group_version, _, _, is_namespaced, _)| {
            let resource_group = group_version.rsplit_once('/').map_or("", |(g, _)| g);
            namespaced.is_none_or(|n| n == *is_namespaced)
                && group.is_none_or(|g| g == resource_group)
        });
    let mut table = String::new();
    if !names_only && !args.is_set("no-headers") {
        table.push_str("NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND\n");
    }
    for (group_version, name, short, is_namespaced, kind) in chosen {
        if names_only {
            match group_version.rsplit_once('/') {
                Some((group, _)) => table.push_str(&format!("{name}.{group}\n")),
                None => table.push_str(&format!("{name}\n")),
            }
        } else {
            table.push_str(&format!(
                "{name}\t{short}\t{group_version}\t{is_namespaced}\t{kind}\n"
            ));
        }
    }
    if !table.is_empty() {
        output.stdout(TabWriter::GET.format(&table));
    }
    Ok(Effect::None)
}
