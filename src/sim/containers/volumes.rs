//! A pod's volumes as the volume manager sets them up on the node:
//! emptyDir, hostPath with its type check, configMap, secret and the
//! service-account token, each a directory (or file) by volume name.

use super::host::node_view;
use crate::runtime::fs::{FileSystem, Inode, InodeId, MountKind, View};
use crate::sim::objects::ObjectStore;
use crate::spec::{Manifest, Pod};
use std::collections::BTreeMap;

/// Why a volume could not be set up, in the words of the kubelet's
/// `FailedMount` event (`MountVolume.SetUp failed for volume "v" : …`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MountError {
    /// The volume's name.
    pub volume: String,
    /// The plugin's error.
    pub message: String,
}

/// Where the kubelet keeps a pod's emptyDir `name` on the node.
pub fn empty_dir_path(uid: &str, name: &str) -> String {
    format!("/var/lib/kubelet/pods/{uid}/volumes/kubernetes.io~empty-dir/{name}")
}

/// Sets up every volume of `pod` on the node, as the volume manager does before
/// the sandbox starts; returns the directory of each volume by name.
pub fn set_up_volumes(
    fs: &mut FileSystem,
    node_root: InodeId,
    pod: &Pod,
    uid: &str,
    objects: &ObjectStore,
) -> Result<BTreeMap<String, InodeId>, MountError> {
    let node = node_view(node_root);
    let namespace = pod.namespace().to_string();
    let mut directories = BTreeMap::new();
    for volume in &pod.spec.volumes {
        let fail = |message: String| MountError {
            volume: volume.name.clone(),
            message,
        };
        let directory = if volume.empty_dir.is_some() {
            let path = empty_dir_path(uid, &volume.name);
            fs.make_directory(&node, "/", &path, true)
                .map_err(|e| fail(e.message().to_string()))?;
            fs.lookup(&node, "/", &path)
                .map_err(|e| fail(e.message().to_string()))?
        } else if let Some(host_path) = &volume.host_path {
            host_path_directory(fs, &node, &host_path.path, host_path.path_type.as_deref())
                .map_err(fail)?
        } else if let Some(source) = &volume.config_map {
            let key = ("ConfigMap", namespace.clone(), source.name.clone());
            let data = match objects.get(&key) {
                Some(Manifest::ConfigMap(config_map)) => config_map.data.clone(),
                _ if source.optional == Some(true) => BTreeMap::new(),
                _ => return Err(fail(format!("configmap \"{}\" not found", source.name))),
            };
            files_directory(fs, &data, &source.items)
        } else if let Some(source) = &volume.secret {
            let key = ("Secret", namespace.clone(), source.secret_name.clone());
            let data = match objects.get(&key) {
                Some(Manifest::Secret(secret)) => secret_data(secret),
                _ if source.optional == Some(true) => BTreeMap::new(),
                _ => return Err(fail(format!("secret \"{}\" not found", source.secret_name))),
            };
            files_directory(fs, &data, &source.items)
        } else if volume.projected.is_some() {
            let data: BTreeMap<String, String> = [
                ("ca.crt", "-----BEGIN CERTIFICATE-----\n(the cluster's CA certificate)\n-----END CERTIFICATE-----\n".to_string()),
                ("namespace", namespace.clone()),
                ("token", "eyJhbGciOiJSUzI1NiIsImtpZCI6InBvZHBsYXkifQ.(a service account token).signature".to_string()),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
            files_directory(fs, &data, &[])
        } else {
            // NFS and PVCs: an empty directory (the playground has no storage server).
            fs.new_directory()
        };
        directories.insert(volume.name.clone(), directory);
    }
    Ok(directories)
}

/// A Secret's keys with their decoded values.
pub(super) fn secret_data(secret: &crate::spec::Secret) -> BTreeMap<String, String> {
    let mut data: BTreeMap<String, String> = secret
        .data
        .iter()
        .map(|(k, v)| (k.clone(), decode_base64(v)))
        .collect();
    data.extend(secret.string_data.clone());
    data
}

/// Decodes standard base64, ignoring what is not part of the alphabet.
fn decode_base64(text: &str) -> String {
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::new();
    for byte in text.bytes() {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => continue,
        };
        bits = bits << 6 | u32::from(value);
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A new directory with one file per key (or per `items` entry).
fn files_directory(
    fs: &mut FileSystem,
    data: &BTreeMap<String, String>,
    items: &[crate::spec::KeyToPath],
) -> InodeId {
    let directory = fs.new_directory();
    let view = node_view(directory);
    let files: Vec<(String, &String)> = if items.is_empty() {
        data.iter().map(|(k, v)| (k.clone(), v)).collect()
    } else {
        items
            .iter()
            .filter_map(|item| data.get(&item.key).map(|v| (item.path.clone(), v)))
            .collect()
    };
    // The kubelet's atomic writer: the files go into a timestamped
    // directory, `..data` links to it, and each top-level name links into
    // `..data`, so an update swaps one link.
    let millis = fs.clock().as_millis();
    let seconds = crate::runtime::EPOCH_SECONDS + (millis / 1000) as i64;
    let stamp = format!(
        "{}.{}",
        crate::runtime::format_time(seconds, "..%Y_%m_%d_%H_%M_%S"),
        (2_847_103_562 + millis * 1_000_003) % 4_294_967_296
    );
    let _ = fs.make_directory(&view, "/", &stamp, false);
    let mut top_level = std::collections::BTreeSet::new();
    for (path, contents) in files {
        if let Some((parent, _)) = path.rsplit_once('/') {
            // The key names were validated; a failure only leaves the file out.
            let _ = fs.make_directory(&view, &stamp, parent, true);
        }
        let _ = fs.write(&view, &stamp, &path, contents.as_bytes(), false);
        top_level.insert(path.split('/').next().unwrap_or(&path).to_string());
    }
    let _ = fs.symlink(&view, "/", &stamp, "..data");
    for name in top_level {
        let _ = fs.symlink(&view, "/", &format!("..data/{name}"), &name);
    }
    directory
}

/// The node directory (or file) for a hostPath volume after its type check
/// (`checkTypeInternal` in `pkg/volume/hostpath/host_path.go`).
fn host_path_directory(
    fs: &mut FileSystem,
    node: &View,
    path: &str,
    path_type: Option<&str>,
) -> Result<InodeId, String> {
    let existing = fs.lookup(node, "/", path).ok();
    let is_directory = existing.map(|id| matches!(fs.inode(id), Inode::Directory(_)));
    let check_failed = |what: &str| format!("hostPath type check failed: {path} is not {what}");
    let strerror = |error: crate::runtime::fs::FsError| error.message().to_string();
    match (path_type.unwrap_or(""), is_directory, existing) {
        ("" | "DirectoryOrCreate", None, _) => {
            fs.make_directory(node, "/", path, true).map_err(strerror)?;
            fs.lookup(node, "/", path).map_err(strerror)
        }
        ("FileOrCreate", None, _) => {
            if let Some((parent, _)) = path.rsplit_once('/').filter(|(p, _)| !p.is_empty()) {
                fs.make_directory(node, "/", parent, true)
                    .map_err(strerror)?;
            }
            fs.write(node, "/", path, b"", false).map_err(strerror)?;
            fs.lookup(node, "/", path).map_err(strerror)
        }
        ("Directory", None, _) | ("Directory" | "DirectoryOrCreate", Some(false), _) => {
            Err(check_failed("a directory"))
        }
        ("File", None, _) | ("File" | "FileOrCreate", Some(true), _) => Err(check_failed("a file")),
        ("Socket", _, _) => Err(check_failed("a socket file")),
        ("CharDevice", _, _) => Err(check_failed("a character device")),
        ("BlockDevice", _, _) => Err(check_failed("a block device")),
        (_, _, Some(id)) => Ok(id),
        (_, _, None) => Err(strerror(crate::runtime::fs::FsError::NotFound)),
    }
}

/// What holds a volume's files: a tmpfs for `medium: Memory` (sized by its
/// `sizeLimit`), Secrets and the service-account token; else the node's disk.
pub(super) fn mount_kind(volume: &crate::spec::Volume) -> MountKind {
    match (&volume.empty_dir, &volume.secret, &volume.projected) {
        (Some(empty_dir), _, _) if empty_dir.medium.as_deref() == Some("Memory") => {
            MountKind::Memory {
                size_limit: empty_dir.size_limit.as_ref().and_then(|q| q.value()),
            }
        }
        (_, Some(_), _) | (_, _, Some(_)) => MountKind::Memory { size_limit: None },
        _ => MountKind::Disk,
    }
}
