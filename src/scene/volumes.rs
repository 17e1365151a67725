//! The volume cards of a scene (the files in each volume, a few listed and
//! all counted) and the index of which volume holds a file, for packets.
//! Reads the runtime's file system, bounded per frame.

use super::lines::shorten;
use super::model::{FileScene, VolumeScene};
use crate::runtime::fs::Inode;
use crate::runtime::InodeId;
use crate::sim::{Cluster, PodDetails, PodRecord};
use std::collections::BTreeMap;

/// Files listed per volume, at most.
const MAX_FILES: usize = 6;

/// Files looked up for packets, and counted per volume, per scene at most.
pub const MAX_INDEXED_FILES: usize = 4096;

/// The pod's volume cards, in spec order.
pub(super) fn volume_scenes(
    cluster: &Cluster,
    record: &PodRecord,
    details: &PodDetails,
) -> Vec<VolumeScene> {
    let fs = &cluster.kubelet().runtime.fs;
    record
        .pod
        .spec
        .volumes
        .iter()
        .map(|volume| {
            let mut files = Vec::new();
            let mut file_count = 0;
            if let Some((_, root)) = details.volumes.iter().find(|(n, _)| *n == volume.name) {
                collect_files(fs, *root, "", 0, &mut files, &mut file_count);
            }
            VolumeScene {
                name: volume.name.clone(),
                source: volume.source_kind().to_string(),
                files,
                file_count,
            }
        })
        .collect()
}

/// Lists the files under `directory` (three levels deep at most), keeping
/// the first [`MAX_FILES`] and counting all; hidden entries (`..data` of
/// configMap volumes) are skipped.
fn collect_files(
    fs: &crate::runtime::fs::FileSystem,
    directory: InodeId,
    prefix: &str,
    depth: usize,
    files: &mut Vec<FileScene>,
    count: &mut usize,
) {
    let Inode::Directory(entries) = fs.inode(directory) else {
        return;
    };
    for (name, id) in entries {
        if *count >= MAX_INDEXED_FILES {
            return;
        }
        if name.starts_with('.') {
            continue;
        }
        // A configMap's or Secret's key is a link into `..data`.
        let view = crate::runtime::fs::View {
            root: directory,
            mounts: Vec::new(),
        };
        let id = match fs.inode(*id) {
            Inode::Symlink(_) => match fs.lookup(&view, "/", name) {
                Ok(target) => target,
                Err(_) => continue,
            },
            _ => *id,
        };
        match fs.inode(id) {
            Inode::File(bytes) => {
                *count += 1;
                if files.len() < MAX_FILES {
                    files.push(FileScene {
                        path: format!("{prefix}{name}"),
                        size: bytes.len(),
                        last_line: last_line(bytes),
                    });
                }
            }
            Inode::Directory(_) if depth < 3 => {
                collect_files(fs, id, &format!("{prefix}{name}/"), depth + 1, files, count)
            }
            _ => {}
        }
    }
}

/// The last non-empty line of a file's bytes, shortened.
fn last_line(bytes: &[u8]) -> Option<String> {
    let tail = &bytes[bytes.len().saturating_sub(256)..];
    let text = String::from_utf8_lossy(tail);
    text.lines()
        .rev()
        .find(|line| !line.trim().is_empty())
        .map(shorten)
}

/// Which volume holds each file (three levels deep at most, and at most
/// [`MAX_INDEXED_FILES`] entries in all, so a volume of many files costs a
/// frame no more than that), built once per scene.
pub(super) fn volume_files(
    fs: &crate::runtime::fs::FileSystem,
    details: &PodDetails,
) -> BTreeMap<InodeId, String> {
    fn walk(
        fs: &crate::runtime::fs::FileSystem,
        directory: InodeId,
        volume: &str,
        depth: usize,
        files: &mut BTreeMap<InodeId, String>,
    ) {
        let Inode::Directory(entries) = fs.inode(directory) else {
            return;
        };
        for id in entries.values() {
            if files.len() >= MAX_INDEXED_FILES {
                return;
            }
            files.insert(*id, volume.to_string());
            if depth < 3 {
                walk(fs, *id, volume, depth + 1, files);
            }
        }
    }
    let mut files = BTreeMap::new();
    for (name, root) in &details.volumes {
        walk(fs, *root, name, 0, &mut files);
    }
    files
}
