//! A container's mount table as containerd and runc set it up in a pod, and
//! the programs that show it: `mount` (the `/proc/mounts` lines), busybox
//! `df` (every mount with blocks) and coreutils `df` (one line per device,
//! widths fitted to the cells). The root is an overlay on the node's disk
//! (`/dev/vda1`); the kubelet bind-mounts `/etc/hosts`, `/etc/hostname`,
//! `/etc/resolv.conf` and `/dev/termination-log` from that disk; volumes are
//! bind mounts of the disk or tmpfs mounts; runc masks parts of `/proc` and
//! `/sys`. Sizes are fixed figures of a 100 GB node disk and 8 GB of memory,
//! plus what the containers wrote, so every run prints the same table.

use super::memory::NODE_MEMORY_KB;
use crate::runtime::fs::MountKind;
use crate::runtime::program::Sys;

/// The node disk's size in 1K blocks (about 97 GiB).
const DISK_KB: u64 = 101_430_960;

/// 1K blocks of the node disk in use before any container writes (the OS
/// and the images).
const DISK_BASE_USED_KB: u64 = 23_987_412;

/// 1K blocks ext4 reserves for root (5 %), in neither `Used` nor `Available`.
const DISK_RESERVED_KB: u64 = DISK_KB / 20;

/// The size of `/dev` and `/dev/shm` (64 MiB), as containerd mounts them.
const DEV_KB: u64 = 65_536;

/// What a mount's blocks are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Blocks {
    /// The node's disk.
    Disk,
    /// A tmpfs.
    Tmpfs {
        /// Its size in 1K blocks.
        size_kb: u64,
        /// What its files take, in 1K blocks.
        used_kb: u64,
    },
    /// A pseudo filesystem (proc, sysfs, …) with no blocks; `df` skips it.
    None,
}

/// One line of `/proc/mounts`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct MountEntry {
    /// The source (`overlay`, `/dev/vda1`, `tmpfs`, …).
    device: &'static str,
    /// Where it is mounted.
    path: String,
    /// The filesystem type.
    fstype: &'static str,
    /// The mount options.
    options: String,
    /// Its blocks, for `df`.
    blocks: Blocks,
    /// Which mounts share a device (bind mounts of one filesystem), so
    /// coreutils `df` shows each device once.
    device_id: usize,
}

/// The device of the container's overlay root.
const OVERLAY_DEVICE: usize = 0;

/// The device of the node's disk, which every disk bind mount shares.
const DISK_DEVICE: usize = 1;

/// The device of `/dev`'s tmpfs, which `/dev/null`'s binds over masked
/// `/proc` files share.
const DEV_TMPFS_DEVICE: usize = 2;

/// The container's mounts in `/proc/mounts` order.
fn mount_table(sys: &Sys) -> Vec<MountEntry> {
    let entry = |device, path: &str, fstype, options: &str, blocks, device_id| MountEntry {
        device,
        path: path.to_string(),
        fstype,
        options: options.to_string(),
        blocks,
        device_id,
    };
    let pseudo = "rw,nosuid,nodev,noexec,relatime";
    let dev_tmpfs = Blocks::Tmpfs {
        size_kb: DEV_KB,
        used_kb: 0,
    };
    let unsized_tmpfs = Blocks::Tmpfs {
        size_kb: NODE_MEMORY_KB / 2,
        used_kb: 0,
    };
    let snapshot = 40 + 2 * sys.pid_namespace;
    let layers = "/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots";
    let overlay_options = format!(
        "rw,relatime,lowerdir={layers}/{}/fs,upperdir={layers}/{}/fs,workdir={layers}/{}/work",
        snapshot - 1,
        snapshot,
        snapshot
    );
    let mut table = vec![
        entry(
            "overlay",
            "/",
            "overlay",
            &overlay_options,
            Blocks::Disk,
            OVERLAY_DEVICE,
        ),
        entry("proc", "/proc", "proc", pseudo, Blocks::None, 3),
        entry(
            "tmpfs",
            "/dev",
            "tmpfs",
            "rw,nosuid,size=65536k,mode=755",
            dev_tmpfs,
            DEV_TMPFS_DEVICE,
        ),
        entry(
            "devpts",
            "/dev/pts",
            "devpts",
            "rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666",
            Blocks::None,
            4,
        ),
        entry("mqueue", "/dev/mqueue", "mqueue", pseudo, Blocks::None, 5),
        entry(
            "sysfs",
            "/sys",
            "sysfs",
            "ro,nosuid,nodev,noexec,relatime",
            Blocks::None,
            6,
        ),
        entry(
            "cgroup",
            "/sys/fs/cgroup",
            "cgroup2",
            "ro,nosuid,nodev,noexec,relatime",
            Blocks::None,
            7,
        ),
    ];
    // containerd puts its own files first, then the kubelet's mounts (the
    // volumes, then /etc/hosts and the termination log), and sorts them by
    // depth so parents come before what is mounted inside them.
    let in_pod = sys.network.is_some();
    let disk_file = |path: &str| {
        entry(
            "/dev/vda1",
            path,
            "ext4",
            "rw,relatime",
            Blocks::Disk,
            DISK_DEVICE,
        )
    };
    let mut binds = Vec::new();
    if in_pod {
        binds.push(disk_file("/etc/hostname"));
        binds.push(disk_file("/etc/resolv.conf"));
    }
    binds.push(entry(
        "shm",
        "/dev/shm",
        "tmpfs",
        "rw,nosuid,nodev,noexec,relatime,size=65536k",
        dev_tmpfs,
        8,
    ));
    for (index, mount) in sys.view.mounts.iter().enumerate() {
        let access = if mount.read_only { "ro" } else { "rw" };
        binds.push(match mount.kind {
            MountKind::Disk => entry(
                "/dev/vda1",
                &mount.path,
                "ext4",
                &format!("{access},relatime"),
                Blocks::Disk,
                DISK_DEVICE,
            ),
            MountKind::Memory { size_limit } => {
                let size_kb = size_limit.map_or(NODE_MEMORY_KB, |bytes| bytes / 1024);
                let size_option = size_limit
                    .map(|_| format!(",size={size_kb}k"))
                    .unwrap_or_default();
                let used_kb = (sys.io.fs.tmpfs_used(mount.root) / 1024) as u64;
                entry(
                    "tmpfs",
                    &mount.path,
                    "tmpfs",
                    &format!("{access},relatime{size_option}"),
                    Blocks::Tmpfs { size_kb, used_kb },
                    100 + index,
                )
            }
        });
    }
    if in_pod {
        binds.push(disk_file("/etc/hosts"));
        binds.push(disk_file("/dev/termination-log"));
    }
    crate::sort::sort_by_key(&mut binds, |mount| mount.path.matches('/').count());
    table.extend(binds);
    for path in ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys"] {
        table.push(entry(
            "proc",
            path,
            "proc",
            "ro,nosuid,nodev,noexec,relatime",
            Blocks::None,
            3,
        ));
    }
    let masked = [
        ("/proc/acpi", "ro,relatime", unsized_tmpfs, 9),
        (
            "/proc/kcore",
            "rw,nosuid,size=65536k,mode=755",
            dev_tmpfs,
            DEV_TMPFS_DEVICE,
        ),
        (
            "/proc/keys",
            "rw,nosuid,size=65536k,mode=755",
            dev_tmpfs,
            DEV_TMPFS_DEVICE,
        ),
        (
            "/proc/timer_list",
            "rw,nosuid,size=65536k,mode=755",
            dev_tmpfs,
            DEV_TMPFS_DEVICE,
        ),
        ("/proc/scsi", "ro,relatime", unsized_tmpfs, 10),
        ("/sys/firmware", "ro,relatime", unsized_tmpfs, 11),
    ];
    for (path, options, blocks, device_id) in masked {
        table.push(entry("tmpfs", path, "tmpfs", options, blocks, device_id));
    }
    table
}

/// `mount`: the mount table, one `DEVICE on PATH type TYPE (OPTIONS)` line each.
pub fn mount(sys: &mut Sys) -> i32 {
    for entry in mount_table(sys) {
        sys.out.extend(
            format!(
                "{} on {} type {} ({})\n",
                entry.device, entry.path, entry.fstype, entry.options
            )
            .bytes(),
        );
    }
    0
}

/// A mount's size, used and available 1K blocks.
fn usage(blocks: Blocks, disk_used_kb: u64) -> Option<(u64, u64, u64)> {
    match blocks {
        Blocks::Disk => Some((
            DISK_KB,
            disk_used_kb,
            DISK_KB - DISK_RESERVED_KB - disk_used_kb,
        )),
        Blocks::Tmpfs { size_kb, used_kb } => {
            Some((size_kb, used_kb, size_kb.saturating_sub(used_kb)))
        }
        Blocks::None => None,
    }
}

/// busybox's human-readable size: one decimal and a unit letter (`64.0M`).
fn busybox_human(kb: u64) -> String {
    if kb == 0 {
        return "0".to_string();
    }
    let units = ['K', 'M', 'G', 'T', 'P'];
    let mut value = kb;
    let mut unit = 0;
    let mut tenths = 0;
    while value >= 1024 && unit + 1 < units.len() {
        tenths = ((value % 1024) * 10 + 512) / 1024;
        value /= 1024;
        unit += 1;
    }
    if tenths >= 10 {
        value += 1;
        tenths = 0;
    }
    format!("{value}.{tenths}{}", units[unit])
}

/// coreutils's `-h` size: powers of 1024 rounded up, one decimal below 10.
fn coreutils_human(kb: u64) -> String {
    if kb == 0 {
        return "0".to_string();
    }
    let units = ['K', 'M', 'G', 'T', 'P'];
    let mut unit = 0;
    let mut scale = 1u64;
    while kb.div_ceil(scale) >= 1024 && unit + 1 < units.len() {
        scale *= 1024;
        unit += 1;
    }
    let tenths = (kb * 10).div_ceil(scale);
    if tenths < 100 {
        format!("{}.{}{}", tenths / 10, tenths % 10, units[unit])
    } else {
        format!("{}{}", kb.div_ceil(scale), units[unit])
    }
}

/// `df [-h] [FILE…]`: busybox's or coreutils's table of the mounts with
/// blocks (or of those holding the FILEs).
pub fn df(args: &[String], sys: &mut Sys) -> i32 {
    let human = args
        .iter()
        .any(|a| a.starts_with('-') && !a.starts_with("--") && a.contains('h'))
        || args.iter().any(|a| a == "--human-readable");
    let disk_used_kb = DISK_BASE_USED_KB + (sys.io.fs.used_bytes() as u64).div_ceil(1024);
    let table = mount_table(sys);
    let mut rows: Vec<(&MountEntry, (u64, u64, u64))> = table
        .iter()
        .filter_map(|entry| usage(entry.blocks, disk_used_kb).map(|u| (entry, u)))
        .collect();
    let operands: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    if !operands.is_empty() {
        // Each FILE operand shows the mount holding it (the longest match).
        let holding = |path: &str| {
            let components = crate::runtime::fs::normalize(sys.cwd, path);
            rows.iter()
                .filter(|(entry, _)| {
                    let mount = crate::runtime::fs::normalize("/", &entry.path);
                    mount.len() <= components.len()
                        && mount.iter().zip(&components).all(|(a, b)| a == b)
                })
                .max_by_key(|(entry, _)| entry.path.len())
                .copied()
        };
        rows = operands.iter().filter_map(|path| holding(path)).collect();
    }
    if sys.busybox {
        let header = if human { "     Size" } else { "1K-blocks" };
        sys.out.extend(
            format!("Filesystem           {header:<15}Used Available Use% Mounted on\n").bytes(),
        );
        for (entry, (size, used, available)) in rows {
            let percent = (used * 100 + (used + available) / 2)
                .checked_div(used + available)
                .unwrap_or(0);
            let show = |kb: u64| {
                if human {
                    busybox_human(kb)
                } else {
                    kb.to_string()
                }
            };
            sys.out.extend(
                format!(
                    "{:<20} {:>9} {:>9} {:>9} {percent:>3}% {}\n",
                    entry.device,
                    show(size),
                    show(used),
                    show(available),
                    entry.path
                )
                .bytes(),
            );
        }
        return 0;
    }
    // coreutils shows one mount per device, the one with the shortest
    // mount point, in the place where the device first appears.
    let mut kept: Vec<(&MountEntry, (u64, u64, u64))> = Vec::new();
    for (entry, numbers) in rows {
        match kept
            .iter_mut()
            .find(|(k, _)| k.device_id == entry.device_id)
        {
            Some(slot) if slot.0.path.len() > entry.path.len() => *slot = (entry, numbers),
            Some(_) => {}
            None => kept.push((entry, numbers)),
        }
    }
    let show = |kb: u64| {
        if human {
            coreutils_human(kb)
        } else {
            kb.to_string()
        }
    };
    let header: [&str; 6] = if human {
        ["Filesystem", "Size", "Used", "Avail", "Use%", "Mounted on"]
    } else {
        [
            "Filesystem",
            "1K-blocks",
            "Used",
            "Available",
            "Use%",
            "Mounted on",
        ]
    };
    let mut cells: Vec<[String; 6]> = vec![header.map(String::from)];
    for (entry, (size, used, available)) in kept {
        let percent = if used == 0 {
            0
        } else {
            (used * 100).div_ceil(used + available)
        };
        cells.push([
            entry.device.to_string(),
            show(size),
            show(used),
            show(available),
            format!("{percent}%"),
            entry.path.clone(),
        ]);
    }
    let minimum = [14, 5, 5, 5, 4, 0];
    let widths: Vec<usize> = (0..6)
        .map(|column| {
            cells
                .iter()
                .map(|row| row[column].len())
                .chain([minimum[column]])
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in &cells {
        let line = format!(
            "{:<w0$} {:>w1$} {:>w2$} {:>w3$} {:>w4$} {}\n",
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            row[5],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
            w3 = widths[3],
            w4 = widths[4],
        );
        sys.out.extend(line.bytes());
    }
    0
}

#[cfg(test)]
mod tests {
    use super::{busybox_human, coreutils_human};

    #[test]
    fn sizes_are_made_human_as_busybox_and_coreutils_make_them() {
        let cases = [
            (0, "0", "0"),
            (12, "12.0K", "12K"),
            (65_536, "64.0M", "64M"),
            (4_076_048, "3.9G", "3.9G"),
            (101_430_960, "96.7G", "97G"),
            (23_987_416, "22.9G", "23G"),
        ];
        for (kb, busybox, coreutils) in cases {
            assert_eq!(busybox_human(kb), busybox, "busybox {kb}");
            assert_eq!(coreutils_human(kb), coreutils, "coreutils {kb}");
        }
    }
}
