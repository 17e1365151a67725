//! Pod YAML in, typed objects out.
//!
//! [`parse_manifests`] never fails: it returns every object it could read plus a
//! list of [`Diagnostic`]s, each with the line and column it is about, so the
//! editor can underline the spot and the console can print kubectl's words.

mod diagnostics;
mod model;
mod parse;

pub use diagnostics::{Diagnostic, DiagnosticKind, Span};
pub use model::{
    Container, ContainerPort, EmptyDirVolumeSource, HostPathVolumeSource, KeyToPath, ObjectMeta,
    ObjectReference, Pod, PodSpec, SecretVolumeSource, Volume, VolumeMount,
};
pub use parse::{parse_manifests, Manifest, Parsed, MAX_MANIFEST_BYTES};
