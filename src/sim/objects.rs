//! The API objects a pod's volumes and environment read (Services,
//! ConfigMaps, Secrets), as the API server stores them. A leaf: the cluster
//! writes the store, the kubelet and the runtime service read it.

use crate::spec::Manifest;
use std::collections::BTreeMap;

/// Services, ConfigMaps and Secrets by (kind, namespace, name).
pub type ObjectStore = BTreeMap<(&'static str, String, String), Manifest>;
