//! `ls [-l] [-a] [PATH…]`: names, or busybox's and coreutils's long listings.

use crate::runtime::fs::{Inode, InodeId};
use crate::runtime::program::Sys;
use crate::runtime::programs::once::error;
use crate::runtime::programs::time::{format_time, EPOCH_SECONDS};

/// `ls [-l] [-a] [PATH…]`.
pub fn ls(args: &[String], sys: &mut Sys) -> i32 {
    let long = args
        .iter()
        .any(|a| a.starts_with('-') && !a.starts_with("--") && a.contains('l'));
    let all = args
        .iter()
        .any(|a| a.starts_with('-') && !a.starts_with("--") && a.contains('a'));
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    let paths: Vec<String> = if paths.is_empty() {
        vec![".".into()]
    } else {
        paths.into_iter().cloned().collect()
    };
    let mut status = 0;
    for path in &paths {
        // `ls -l LINK` shows the link itself; else (or with a trailing
        // slash) a link is followed.
        let found = match sys.io.fs.lookup_link(sys.view, sys.cwd, path) {
            Ok(link)
                if long
                    && !path.ends_with('/')
                    && matches!(sys.io.fs.inode(link), Inode::Symlink(_)) =>
            {
                Ok(link)
            }
            _ => sys.io.fs.lookup(sys.view, sys.cwd, path),
        };
        match found.map(|inode| (inode, sys.io.fs.inode(inode).clone())) {
            Ok((_, Inode::Directory(entries))) => {
                if paths.len() > 1 {
                    sys.out.extend(format!("{path}:\n").bytes());
                }
                let mut shown: Vec<(String, InodeId)> = Vec::new();
                if all {
                    if let Ok(here) = sys.io.fs.lookup(sys.view, sys.cwd, path) {
                        shown.push((".".to_string(), here));
                    }
                    let parent = format!("{}/..", path.trim_end_matches('/'));
                    if let Ok(up) = sys.io.fs.lookup(sys.view, sys.cwd, &parent) {
                        shown.push(("..".to_string(), up));
                    }
                }
                shown.extend(
                    entries
                        .into_iter()
                        .filter(|(name, _)| all || !name.starts_with('.')),
                );
                if long {
                    let blocks: u64 = shown.iter().map(|(_, id)| allocated_kb(sys, *id)).sum();
                    sys.out.extend(format!("total {blocks}\n").bytes());
                    long_listing(sys, &shown);
                } else {
                    for (name, _) in shown {
                        sys.out.extend(format!("{name}\n").bytes());
                    }
                }
            }
            Ok((inode, Inode::File(_) | Inode::Symlink(_))) => {
                if long {
                    long_listing(sys, &[(path.clone(), inode)]);
                } else {
                    sys.out.extend(format!("{path}\n").bytes());
                }
            }
            Err(failure) => {
                error(
                    sys,
                    format!("ls: cannot access '{path}': {}", failure.words(sys.busybox)),
                );
                status = 2;
            }
        }
    }
    status
}

/// The 1K blocks a file or directory takes on the node's ext4 disk (whole
/// 4 KiB blocks), for `ls -l`'s `total`.
fn allocated_kb(sys: &Sys, id: InodeId) -> u64 {
    match sys.io.fs.inode(id) {
        Inode::Directory(_) => 4,
        Inode::File(data) => (data.len() as u64).div_ceil(4096) * 4,
        // A short target is kept in the inode itself (a "fast" symlink).
        Inode::Symlink(_) => 0,
    }
}

/// `ls -l` lines: busybox's fixed columns, or coreutils's fitted to the
/// widest cell. Everything belongs to root; files are 644, directories 755.
fn long_listing(sys: &mut Sys, entries: &[(String, InodeId)]) {
    let rows: Vec<(&str, u32, String, String, String)> = entries
        .iter()
        .map(|(name, id)| {
            let shown = match sys.io.fs.inode(*id) {
                Inode::Symlink(target) => format!("{name} -> {target}"),
                _ => name.clone(),
            };
            let (mode, size, links) = match sys.io.fs.inode(*id) {
                _ if sys.io.fs.device_numbers(*id).is_some() => ("crw-rw-rw-", 0, 1),
                Inode::Symlink(target) => ("lrwxrwxrwx", target.len() as u64, 1),
                Inode::Directory(children) => {
                    let subdirectories = children
                        .values()
                        .filter(|child| matches!(sys.io.fs.inode(**child), Inode::Directory(_)))
                        .count() as u32;
                    ("drwxr-xr-x", 4096, 2 + subdirectories)
                }
                Inode::File(data) => ("-rw-r--r--", data.len() as u64, sys.io.fs.links(*id).max(1)),
            };
            let seconds = EPOCH_SECONDS + (sys.io.fs.modified(*id).as_millis() / 1000) as i64;
            // A device shows its numbers where a file shows its size.
            let size = match sys.io.fs.device_numbers(*id) {
                Some((major, minor)) if sys.busybox => format!("{major:>4}, {minor:>3}"),
                Some((major, minor)) => format!("{major}, {minor}"),
                None => size.to_string(),
            };
            (
                mode,
                links,
                size,
                format_time(seconds, "%b %e %H:%M"),
                shown,
            )
        })
        .collect();
    let links_width = rows
        .iter()
        .map(|r| r.1.to_string().len())
        .max()
        .unwrap_or(1);
    let size_width = rows.iter().map(|r| r.2.len()).max().unwrap_or(1);
    for (mode, links, size, time, name) in rows {
        let line = if sys.busybox {
            format!("{mode} {links:>4} root     root     {size:>9} {time} {name}\n")
        } else {
            format!("{mode} {links:>links_width$} root root {size:>size_width$} {time} {name}\n")
        };
        sys.out.extend(line.bytes());
    }
}
