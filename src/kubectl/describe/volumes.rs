//! `describeVolumes`: each volume's type and source.

use super::writer::Writer;
use crate::spec::{Quantity, Volume};

/// `describeVolumes`.
pub(super) fn write_volumes(w: &mut Writer, volumes: &[Volume]) {
    if volumes.is_empty() {
        w.line(0, "Volumes:\t<none>");
        return;
    }
    w.line(0, "Volumes:");
    for volume in volumes {
        w.line(1, format!("{}:", volume.name));
        if let Some(host_path) = &volume.host_path {
            w.line(2, "Type:\tHostPath (bare host directory volume)");
            w.line(2, format!("Path:\t{}", host_path.path));
            w.line(
                2,
                format!(
                    "HostPathType:\t{}",
                    host_path.path_type.as_deref().unwrap_or("<none>")
                ),
            );
        } else if let Some(empty_dir) = &volume.empty_dir {
            let size_limit = empty_dir
                .size_limit
                .as_ref()
                .filter(|q| q.parsed().is_some_and(|q| q.nanos > 0))
                .map_or("<unset>".to_string(), Quantity::canonical);
            w.line(
                2,
                "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)",
            );
            w.line(
                2,
                format!("Medium:\t{}", empty_dir.medium.as_deref().unwrap_or("")),
            );
            w.line(2, format!("SizeLimit:\t{size_limit}"));
        } else if let Some(secret) = &volume.secret {
            w.line(2, "Type:\tSecret (a volume populated by a Secret)");
            w.line(2, format!("SecretName:\t{}", secret.secret_name));
            w.line(
                2,
                format!("Optional:\t{}", secret.optional.unwrap_or(false)),
            );
        } else if let Some(config_map) = &volume.config_map {
            w.line(2, "Type:\tConfigMap (a volume populated by a ConfigMap)");
            w.line(2, format!("Name:\t{}", config_map.name));
            w.line(
                2,
                format!("Optional:\t{}", config_map.optional.unwrap_or(false)),
            );
        } else if let Some(nfs) = &volume.nfs {
            w.line(
                2,
                "Type:\tNFS (an NFS mount that lasts the lifetime of a pod)",
            );
            w.line(2, format!("Server:\t{}", nfs.server));
            w.line(2, format!("Path:\t{}", nfs.path));
            w.line(2, format!("ReadOnly:\t{}", nfs.read_only.unwrap_or(false)));
        } else if let Some(claim) = &volume.persistent_volume_claim {
            w.line(
                2,
                "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)",
            );
            w.line(2, format!("ClaimName:\t{}", claim.claim_name));
            w.line(
                2,
                format!("ReadOnly:\t{}", claim.read_only.unwrap_or(false)),
            );
        } else if let Some(projected) = &volume.projected {
            w.line(
                2,
                "Type:\tProjected (a volume that contains injected data from multiple sources)",
            );
            for source in &projected.sources {
                if source.downward_api.is_some() {
                    w.line(2, "DownwardAPI:\ttrue");
                } else if let Some(config_map) = &source.config_map {
                    w.line(2, format!("ConfigMapName:\t{}", config_map.name));
                    w.line(2, "Optional:\tfalse");
                } else if let Some(token) = &source.service_account_token {
                    w.line(
                        2,
                        format!(
                            "TokenExpirationSeconds:\t{}",
                            token.expiration_seconds.unwrap_or(3600)
                        ),
                    );
                }
            }
        } else {
            w.line(1, "<unknown>");
        }
    }
}
