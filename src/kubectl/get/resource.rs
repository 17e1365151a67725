//! The resource types `get` knows ([`Resource`]), by the words kubectl
//! accepts, with their table columns.

/// The resource types `get` knows, by what kubectl calls them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Resource {
    /// `pods`, `pod`, `po`.
    Pods,
    /// `services`, `service`, `svc`.
    Services,
    /// `events`, `event`, `ev`.
    Events,
    /// `nodes`, `node`, `no`.
    Nodes,
    /// `configmaps`, `configmap`, `cm`.
    ConfigMaps,
    /// `secrets`, `secret`.
    Secrets,
}

impl Resource {
    /// The type a word names (`po`, `svc`, `pods`, …).
    pub(super) fn from_word(word: &str) -> Option<Resource> {
        Some(match word {
            "pods" | "pod" | "po" => Resource::Pods,
            "services" | "service" | "svc" => Resource::Services,
            "events" | "event" | "ev" => Resource::Events,
            "nodes" | "node" | "no" => Resource::Nodes,
            "configmaps" | "configmap" | "cm" => Resource::ConfigMaps,
            "secrets" | "secret" => Resource::Secrets,
            _ => return None,
        })
    }

    /// The plural in `pods "x" not found`.
    pub(super) fn plural(self) -> &'static str {
        match self {
            Resource::Pods => "pods",
            Resource::Services => "services",
            Resource::Events => "events",
            Resource::Nodes => "nodes",
            Resource::ConfigMaps => "configmaps",
            Resource::Secrets => "secrets",
        }
    }

    /// The singular in `-o name` (`pod/x`).
    pub(super) fn singular(self) -> &'static str {
        match self {
            Resource::Pods => "pod",
            Resource::Services => "service",
            Resource::Events => "event",
            Resource::Nodes => "node",
            Resource::ConfigMaps => "configmap",
            Resource::Secrets => "secret",
        }
    }

    /// The manifest kind stored for it, for Services, ConfigMaps and Secrets.
    pub(super) fn kind(self) -> &'static str {
        match self {
            Resource::Services => "Service",
            Resource::ConfigMaps => "ConfigMap",
            Resource::Secrets => "Secret",
            _ => "",
        }
    }
}

/// The columns of each resource's table, and the extra ones of `-o wide`.
pub(super) fn headers(resource: Resource) -> (&'static [&'static str], &'static [&'static str]) {
    match resource {
        Resource::Pods => (
            &["NAME", "READY", "STATUS", "RESTARTS", "AGE"],
            &["IP", "NODE", "NOMINATED NODE", "READINESS GATES"],
        ),
        Resource::Services => (
            &[
                "NAME",
                "TYPE",
                "CLUSTER-IP",
                "EXTERNAL-IP",
                "PORT(S)",
                "AGE",
            ],
            &["SELECTOR"],
        ),
        Resource::Events => (&["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"], &[]),
        Resource::Nodes => (
            &["NAME", "STATUS", "ROLES", "AGE", "VERSION"],
            &[
                "INTERNAL-IP",
                "EXTERNAL-IP",
                "OS-IMAGE",
                "KERNEL-VERSION",
                "CONTAINER-RUNTIME",
            ],
        ),
        Resource::ConfigMaps => (&["NAME", "DATA", "AGE"], &[]),
        Resource::Secrets => (&["NAME", "TYPE", "DATA", "AGE"], &[]),
    }
}
