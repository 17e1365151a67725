//! What reading a manifest text gives: each document's object
//! ([`Manifest`]) and diagnostics ([`Document`]), and all of them ([`Parsed`]).
//! Plain results; how they are read is in `read` and the parent.

use crate::spec::diagnostics::{Diagnostic, Severity};
use crate::spec::model::{ConfigMap, ObjectMeta, Pod, Secret, Service};

/// One object read from the text, defaulted as the API server would.
// A few of these live at a time (one per document); boxing the Pod would only
// add indirection to every match.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Manifest {
    /// A Pod.
    Pod(Pod),
    /// A Service.
    Service(Service),
    /// A ConfigMap.
    ConfigMap(ConfigMap),
    /// A Secret.
    Secret(Secret),
}

impl Manifest {
    /// The object's name.
    pub fn name(&self) -> &str {
        &self.metadata().name
    }

    /// The object's kind.
    pub fn kind(&self) -> &'static str {
        match self {
            Manifest::Pod(_) => "Pod",
            Manifest::Service(_) => "Service",
            Manifest::ConfigMap(_) => "ConfigMap",
            Manifest::Secret(_) => "Secret",
        }
    }

    /// The lower-case plural kubectl uses in `pods "x" not found`.
    pub fn resource(&self) -> &'static str {
        match self {
            Manifest::Pod(_) => "pods",
            Manifest::Service(_) => "services",
            Manifest::ConfigMap(_) => "configmaps",
            Manifest::Secret(_) => "secrets",
        }
    }

    /// The namespace the object will live in.
    pub fn namespace(&self) -> &str {
        self.metadata().namespace.as_deref().unwrap_or("default")
    }

    /// The object's metadata.
    fn metadata(&self) -> &ObjectMeta {
        match self {
            Manifest::Pod(object) => &object.metadata,
            Manifest::Service(object) => &object.metadata,
            Manifest::ConfigMap(object) => &object.metadata,
            Manifest::Secret(object) => &object.metadata,
        }
    }
}

/// One YAML document of the text and what became of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The editor line the document starts on.
    pub first_line: usize,
    /// The object, when it could be decoded (it may still be invalid).
    pub manifest: Option<Manifest>,
    /// The document's problems, in the order the API server finds them.
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// Whether the API server would accept the object.
    pub fn is_accepted(&self) -> bool {
        self.manifest.is_some()
            && self
                .diagnostics
                .iter()
                .all(|d| d.severity() == Severity::Warning)
    }
}

/// Everything read from a manifest text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    /// The non-empty documents, in order.
    pub documents: Vec<Document>,
    /// Problems of the text as a whole (it is too large to read).
    pub text_diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    /// Every diagnostic, in text order.
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.text_diagnostics
            .iter()
            .chain(self.documents.iter().flat_map(|d| &d.diagnostics))
    }

    /// Whether any diagnostic refuses an object.
    pub fn has_errors(&self) -> bool {
        self.diagnostics().any(|d| d.severity() == Severity::Error)
    }

    /// The first Pod that could be decoded, valid or not.
    pub fn first_pod(&self) -> Option<&Pod> {
        self.documents.iter().find_map(|d| match &d.manifest {
            Some(Manifest::Pod(pod)) => Some(pod),
            _ => None,
        })
    }
}
