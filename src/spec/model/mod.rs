//! The typed model: the `core/v1` objects a tutorial uses (Pod, Service,
//! ConfigMap, Secret) with the API's field names (camelCase in YAML).
//!
//! Every struct defaults field by field (a missing field is its default; the
//! validator reports required ones), serialises back without unset fields, and
//! keeps collections ordered (Vec or BTreeMap) so nothing depends on hash order.
//! Unknown fields are collected by the parser for strict decoding, not here.

mod common;
mod config;
mod container;
mod pod;
mod service;
mod volume;

pub use common::{IntOrString, ObjectMeta, Quantity};
pub use config::{ConfigMap, Secret};
pub use container::{
    Capabilities, ConfigMapKeySelector, Container, ContainerPort, EnvFromSource, EnvVar,
    EnvVarSource, ExecAction, HttpGetAction, HttpHeader, Lifecycle, LifecycleHandler,
    ObjectFieldSelector, Probe, ResourceFieldSelector, ResourceRequirements, SecretKeySelector,
    SecurityContext, SleepAction, SourceReference, TcpSocketAction, VolumeMount,
};
pub use pod::{LocalObjectReference, Pod, PodSecurityContext, PodSpec, Toleration};
pub use service::{Service, ServicePort, ServiceSpec};
pub use volume::{
    ConfigMapProjection, ConfigMapVolumeSource, DownwardApiProjection, DownwardApiVolumeFile,
    EmptyDirVolumeSource, HostPathVolumeSource, KeyToPath, NfsVolumeSource,
    PersistentVolumeClaimVolumeSource, ProjectedVolumeSource, SecretVolumeSource,
    ServiceAccountTokenProjection, Volume, VolumeProjection,
};
