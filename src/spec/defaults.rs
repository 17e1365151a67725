//! What the API server fills in: defaulting (`pkg/apis/core/v1/defaults.go`)
//! when an object is decoded, and the admission plugins that mutate a new pod
//! (ServiceAccount, DefaultTolerationSeconds, Priority). Together they make
//! `kubectl get pod -o yaml` show what a real cluster shows.

use super::model::{
    ConfigMapProjection, Container, DownwardApiProjection, DownwardApiVolumeFile,
    EmptyDirVolumeSource, KeyToPath, ObjectFieldSelector, Pod, PodSecurityContext, Probe,
    ProjectedVolumeSource, Service, ServiceAccountTokenProjection, Toleration, Volume, VolumeMount,
    VolumeProjection,
};
use crate::spec::model::{IntOrString, Lifecycle, LifecycleHandler, Secret};

/// Where the service-account token volume is mounted in every container.
pub const SERVICE_ACCOUNT_MOUNT_PATH: &str = "/var/run/secrets/kubernetes.io/serviceaccount";

/// The characters apimachinery's `rand.String` draws from (no vowels, no 0, 1, 3).
const NAME_SUFFIX_ALPHABET: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";

/// File mode 0644, the default of configMap, secret and projected volumes.
const DEFAULT_FILE_MODE: i64 = 420;

/// Applies the v1 defaults to a Pod (`SetDefaults_Pod`, `_PodSpec`, `_Container`, …).
pub fn default_pod(pod: &mut Pod) {
    let spec = &mut pod.spec;
    spec.restart_policy.get_or_insert_with(|| "Always".into());
    spec.dns_policy.get_or_insert_with(|| "ClusterFirst".into());
    spec.termination_grace_period_seconds.get_or_insert(30);
    spec.security_context
        .get_or_insert_with(PodSecurityContext::default);
    spec.scheduler_name
        .get_or_insert_with(|| "default-scheduler".into());
    spec.enable_service_links.get_or_insert(true);
    for volume in &mut spec.volumes {
        default_volume(volume);
    }
    for container in spec.init_containers.iter_mut().chain(&mut spec.containers) {
        default_container(container);
    }
}

fn default_container(container: &mut Container) {
    if container.image_pull_policy.is_none() {
        container.image_pull_policy = Some(container.pull_policy().to_string());
    }
    container
        .termination_message_path
        .get_or_insert_with(|| "/dev/termination-log".into());
    container
        .termination_message_policy
        .get_or_insert_with(|| "File".into());
    container.resources.get_or_insert_with(Default::default);
    for port in &mut container.ports {
        port.protocol.get_or_insert_with(|| "TCP".into());
    }
    for env in &mut container.env {
        if let Some(field_ref) = env.value_from.as_mut().and_then(|v| v.field_ref.as_mut()) {
            field_ref.api_version.get_or_insert_with(|| "v1".into());
        }
    }
    for probe in [
        &mut container.liveness_probe,
        &mut container.readiness_probe,
        &mut container.startup_probe,
    ]
    .into_iter()
    .flatten()
    {
        default_probe(probe);
    }
    if let Some(Lifecycle {
        post_start,
        pre_stop,
    }) = &mut container.lifecycle
    {
        for handler in [post_start, pre_stop].into_iter().flatten() {
            default_handler(handler);
        }
    }
}

fn default_probe(probe: &mut Probe) {
    probe.timeout_seconds.get_or_insert(1);
    probe.period_seconds.get_or_insert(10);
    probe.success_threshold.get_or_insert(1);
    probe.failure_threshold.get_or_insert(3);
    if let Some(http) = &mut probe.http_get {
        http.path.get_or_insert_with(|| "/".into());
        http.scheme.get_or_insert_with(|| "HTTP".into());
    }
}

fn default_handler(handler: &mut LifecycleHandler) {
    if let Some(http) = &mut handler.http_get {
        http.path.get_or_insert_with(|| "/".into());
        http.scheme.get_or_insert_with(|| "HTTP".into());
    }
}

fn default_volume(volume: &mut Volume) {
    if volume.sources().is_empty() {
        volume.empty_dir = Some(EmptyDirVolumeSource::default());
    }
    if let Some(host_path) = &mut volume.host_path {
        host_path.path_type.get_or_insert_with(String::new);
    }
    if let Some(config_map) = &mut volume.config_map {
        config_map.default_mode.get_or_insert(DEFAULT_FILE_MODE);
    }
    if let Some(secret) = &mut volume.secret {
        secret.default_mode.get_or_insert(DEFAULT_FILE_MODE);
    }
    if let Some(projected) = &mut volume.projected {
        projected.default_mode.get_or_insert(DEFAULT_FILE_MODE);
    }
}

/// Applies the v1 defaults to a Service (`SetDefaults_Service`).
pub fn default_service(service: &mut Service) {
    let spec = &mut service.spec;
    spec.service_type.get_or_insert_with(|| "ClusterIP".into());
    spec.session_affinity.get_or_insert_with(|| "None".into());
    for port in &mut spec.ports {
        port.protocol.get_or_insert_with(|| "TCP".into());
        let unset = matches!(&port.target_port, None | Some(IntOrString::Int(0)))
            || matches!(&port.target_port, Some(IntOrString::String(name)) if name.is_empty());
        if unset {
            port.target_port = Some(IntOrString::Int(port.port));
        }
    }
}

/// Applies the v1 defaults to a Secret (`type: Opaque`).
pub fn default_secret(secret: &mut Secret) {
    secret.secret_type.get_or_insert_with(|| "Opaque".into());
}

/// Five characters as `names.SimpleNameGenerator` appends them, drawn
/// deterministically from `seed` instead of a random source.
pub fn generated_suffix(mut seed: u64) -> String {
    let base = NAME_SUFFIX_ALPHABET.len() as u64;
    (0..5)
        .map(|_| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            NAME_SUFFIX_ALPHABET[((seed >> 33) % base) as usize] as char
        })
        .collect()
}

/// What the admission plugins add to a new pod: the service account and its
/// token volume (`kube-api-access-<suffix>`, mounted read-only in every
/// container), the not-ready/unreachable tolerations, and priority 0.
pub fn admit_pod(pod: &mut Pod, suffix: &str) {
    let spec = &mut pod.spec;
    let account = spec
        .service_account_name
        .get_or_insert_with(|| "default".into())
        .clone();
    spec.service_account = Some(account);
    if spec.automount_service_account_token != Some(false) {
        let volume_name = format!("kube-api-access-{suffix}");
        for container in spec.init_containers.iter_mut().chain(&mut spec.containers) {
            if container
                .volume_mounts
                .iter()
                .all(|mount| mount.mount_path != SERVICE_ACCOUNT_MOUNT_PATH)
            {
                container.volume_mounts.push(VolumeMount {
                    name: volume_name.clone(),
                    read_only: Some(true),
                    mount_path: SERVICE_ACCOUNT_MOUNT_PATH.into(),
                    sub_path: None,
                });
            }
        }
        spec.volumes.push(service_account_volume(volume_name));
    }
    for key in [
        "node.kubernetes.io/not-ready",
        "node.kubernetes.io/unreachable",
    ] {
        let tolerated = spec
            .tolerations
            .iter()
            .any(|t| t.key == key && (t.effect.is_empty() || t.effect == "NoExecute"));
        if !tolerated {
            spec.tolerations.push(Toleration {
                key: key.into(),
                operator: "Exists".into(),
                value: String::new(),
                effect: "NoExecute".into(),
                toleration_seconds: Some(300),
            });
        }
    }
    spec.priority.get_or_insert(0);
    spec.preemption_policy
        .get_or_insert_with(|| "PreemptLowerPriority".into());
}

/// The projected token volume the ServiceAccount admission plugin adds.
fn service_account_volume(name: String) -> Volume {
    Volume {
        name,
        projected: Some(ProjectedVolumeSource {
            default_mode: Some(DEFAULT_FILE_MODE),
            sources: vec![
                VolumeProjection {
                    service_account_token: Some(ServiceAccountTokenProjection {
                        expiration_seconds: Some(3607),
                        path: "token".into(),
                    }),
                    ..Default::default()
                },
                VolumeProjection {
                    config_map: Some(ConfigMapProjection {
                        name: "kube-root-ca.crt".into(),
                        items: vec![KeyToPath {
                            key: "ca.crt".into(),
                            path: "ca.crt".into(),
                            mode: None,
                        }],
                    }),
                    ..Default::default()
                },
                VolumeProjection {
                    downward_api: Some(DownwardApiProjection {
                        items: vec![DownwardApiVolumeFile {
                            path: "namespace".into(),
                            field_ref: Some(ObjectFieldSelector {
                                api_version: Some("v1".into()),
                                field_path: "metadata.namespace".into(),
                            }),
                        }],
                    }),
                    ..Default::default()
                },
            ],
        }),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_use_the_api_servers_alphabet_and_depend_on_the_seed() {
        let first = generated_suffix(1);
        assert_eq!(first.len(), 5);
        assert!(first.bytes().all(|b| NAME_SUFFIX_ALPHABET.contains(&b)));
        assert_ne!(first, generated_suffix(2));
        assert_eq!(first, generated_suffix(1));
    }
}
