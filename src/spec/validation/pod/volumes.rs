//! The pod's volumes (`ValidateVolumes`, `validateVolumeSource`) and the
//! containers' mounts of them (`ValidateVolumeMounts`).

use super::super::names;
use crate::spec::field::FieldError;
use crate::spec::model::{Volume, VolumeMount};
use std::collections::BTreeSet;

/// `ValidateVolumes`: returns the names of the volumes that are valid (a
/// volume with any error is left out, so mounts of it are `Not found` too).
pub(super) fn validate_volumes(
    volumes: &[Volume],
    errors: &mut Vec<FieldError>,
) -> BTreeSet<String> {
    let mut valid = BTreeSet::new();
    let mut seen = BTreeSet::new();
    for (index, volume) in volumes.iter().enumerate() {
        let path = format!("spec.volumes[{index}]");
        let mut own = Vec::new();
        validate_volume_source(volume, &path, &mut own);
        let name_path = format!("{path}.name");
        if volume.name.is_empty() {
            own.push(FieldError::required(&name_path, ""));
        } else {
            for message in names::dns1123_label(&volume.name) {
                own.push(FieldError::invalid(&name_path, &volume.name, &message));
            }
        }
        if seen.contains(&volume.name) {
            own.push(FieldError::duplicate(&name_path, &volume.name));
        }
        seen.insert(volume.name.clone());
        if own.is_empty() {
            valid.insert(volume.name.clone());
        }
        errors.extend(own);
    }
    valid
}

/// `validateVolumeSource`: exactly one source, and each source's own rules.
fn validate_volume_source(volume: &Volume, path: &str, errors: &mut Vec<FieldError>) {
    let sources = volume.sources();
    for extra in sources.iter().skip(1) {
        errors.push(FieldError::forbidden(
            format!("{path}.{extra}"),
            "may not specify more than 1 volume type",
        ));
    }
    if sources.is_empty() {
        errors.push(FieldError::required(path, "must specify a volume type"));
    }
    if let Some(empty_dir) = &volume.empty_dir {
        if empty_dir
            .size_limit
            .as_ref()
            .is_some_and(|limit| limit.0.trim_start().starts_with('-'))
        {
            errors.push(FieldError::forbidden(
                format!("{path}.emptyDir.sizeLimit"),
                "SizeLimit field must be a valid resource quantity",
            ));
        }
    }
    if let Some(host_path) = &volume.host_path {
        let host_path_path = format!("{path}.hostPath");
        if host_path.path.is_empty() {
            errors.push(FieldError::required(format!("{host_path_path}.path"), ""));
        } else {
            if host_path.path.split('/').any(|part| part == "..") {
                errors.push(FieldError::invalid(
                    format!("{host_path_path}.path"),
                    &host_path.path,
                    "must not contain '..'",
                ));
            }
            const TYPES: [&str; 8] = [
                "",
                "BlockDevice",
                "CharDevice",
                "Directory",
                "DirectoryOrCreate",
                "File",
                "FileOrCreate",
                "Socket",
            ];
            if let Some(path_type) = &host_path.path_type {
                if !TYPES.contains(&path_type.as_str()) {
                    errors.push(FieldError::not_supported(
                        format!("{host_path_path}.type"),
                        path_type,
                        &TYPES,
                    ));
                }
            }
        }
    }
    if let Some(secret) = &volume.secret {
        if secret.secret_name.is_empty() {
            errors.push(FieldError::required(
                format!("{path}.secret.secretName"),
                "",
            ));
        }
    }
    if let Some(nfs) = &volume.nfs {
        if nfs.server.is_empty() {
            errors.push(FieldError::required(format!("{path}.nfs.server"), ""));
        }
        if nfs.path.is_empty() {
            errors.push(FieldError::required(format!("{path}.nfs.path"), ""));
        } else if !nfs.path.starts_with('/') {
            errors.push(FieldError::invalid(
                format!("{path}.nfs.path"),
                &nfs.path,
                "must be an absolute path",
            ));
        }
    }
    if let Some(claim) = &volume.persistent_volume_claim {
        if claim.claim_name.is_empty() {
            errors.push(FieldError::required(
                format!("{path}.persistentVolumeClaim.claimName"),
                "",
            ));
        }
    }
    if let Some(config_map) = &volume.config_map {
        if config_map.name.is_empty() {
            errors.push(FieldError::required(format!("{path}.configMap.name"), ""));
        }
    }
}

/// `ValidateVolumeMounts`.
pub(super) fn validate_volume_mounts(
    mounts: &[VolumeMount],
    container_path: &str,
    volumes: &BTreeSet<String>,
    errors: &mut Vec<FieldError>,
) {
    let mut mount_points = BTreeSet::new();
    for (index, mount) in mounts.iter().enumerate() {
        let path = format!("{container_path}.volumeMounts[{index}]");
        if mount.name.is_empty() {
            errors.push(FieldError::required(format!("{path}.name"), ""));
        }
        if !volumes.contains(&mount.name) {
            errors.push(FieldError::not_found(format!("{path}.name"), &mount.name));
        }
        if mount.mount_path.is_empty() {
            errors.push(FieldError::required(format!("{path}.mountPath"), ""));
        }
        if !mount_points.insert(mount.mount_path.as_str()) {
            errors.push(FieldError::invalid(
                format!("{path}.mountPath"),
                &mount.mount_path,
                "must be unique",
            ));
        }
        if let Some(sub_path) = mount.sub_path.as_deref().filter(|s| !s.is_empty()) {
            // The API server names the list here, not the item.
            let field = format!("{container_path}.volumeMounts.subPath");
            if sub_path.starts_with('/') {
                errors.push(FieldError::invalid(
                    &field,
                    sub_path,
                    "must be a relative path",
                ));
            }
            if sub_path.split('/').any(|part| part == "..") {
                errors.push(FieldError::invalid(
                    &field,
                    sub_path,
                    "must not contain '..'",
                ));
            }
        }
    }
}
