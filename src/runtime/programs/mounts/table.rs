//! A container's mount table in `/proc/mounts` order: containerd's mounts
//! (the overlay root, `/proc`, `/dev`, `/sys`), the kubelet's (volumes and
//! the files it writes), and the parts of `/proc` and `/sys` runc masks.

use crate::runtime::fs::MountKind;
use crate::runtime::program::Sys;
use crate::runtime::programs::memory::NODE_MEMORY_KB;

/// The size of `/dev` and `/dev/shm` (64 MiB), as containerd mounts them.
const DEV_KB: u64 = 65_536;

/// What a mount's blocks are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blocks {
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
pub struct MountEntry {
    /// The source (`overlay`, `/dev/vda1`, `tmpfs`, …).
    pub device: &'static str,
    /// Where it is mounted.
    pub path: String,
    /// The filesystem type.
    pub fstype: &'static str,
    /// The mount options.
    pub options: String,
    /// Its blocks, for `df`.
    pub blocks: Blocks,
    /// Which mounts share a device (bind mounts of one filesystem), so
    /// coreutils `df` shows each device once.
    pub device_id: usize,
}

/// The device of the container's overlay root.
const OVERLAY_DEVICE: usize = 0;

/// The device of the node's disk, which every disk bind mount shares.
const DISK_DEVICE: usize = 1;

/// The device of `/dev`'s tmpfs, which `/dev/null`'s binds over masked
/// `/proc` files share.
const DEV_TMPFS_DEVICE: usize = 2;

/// The options of the pseudo filesystems (`proc`, `mqueue`).
const PSEUDO: &str = "rw,nosuid,nodev,noexec,relatime";

/// The blocks of `/dev`'s and `/dev/shm`'s tmpfs.
const DEV_TMPFS: Blocks = Blocks::Tmpfs {
    size_kb: DEV_KB,
    used_kb: 0,
};

/// The blocks of a tmpfs without a size (half the node's memory).
const UNSIZED_TMPFS: Blocks = Blocks::Tmpfs {
    size_kb: NODE_MEMORY_KB / 2,
    used_kb: 0,
};

/// One mount.
fn entry(
    device: &'static str,
    path: &str,
    fstype: &'static str,
    options: &str,
    blocks: Blocks,
    device_id: usize,
) -> MountEntry {
    MountEntry {
        device,
        path: path.to_string(),
        fstype,
        options: options.to_string(),
        blocks,
        device_id,
    }
}

/// The container's mounts in `/proc/mounts` order.
pub fn mount_table(sys: &Sys) -> Vec<MountEntry> {
    let mut table = containerd_mounts(sys);
    table.extend(kubelet_mounts(sys));
    table.extend(masked_mounts());
    table
}

/// What containerd mounts first: the overlay root and the pseudo filesystems.
fn containerd_mounts(sys: &Sys) -> Vec<MountEntry> {
    let snapshot = 40 + 2 * sys.pid_namespace;
    let layers = "/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots";
    let overlay_options = format!(
        "rw,relatime,lowerdir={layers}/{}/fs,upperdir={layers}/{}/fs,workdir={layers}/{}/work",
        snapshot - 1,
        snapshot,
        snapshot
    );
    vec![
        entry(
            "overlay",
            "/",
            "overlay",
            &overlay_options,
            Blocks::Disk,
            OVERLAY_DEVICE,
        ),
        entry("proc", "/proc", "proc", PSEUDO, Blocks::None, 3),
        entry(
            "tmpfs",
            "/dev",
            "tmpfs",
            "rw,nosuid,size=65536k,mode=755",
            DEV_TMPFS,
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
        entry("mqueue", "/dev/mqueue", "mqueue", PSEUDO, Blocks::None, 5),
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
    ]
}

/// The kubelet's mounts and `/dev/shm`, parents before what is mounted in them.
fn kubelet_mounts(sys: &Sys) -> Vec<MountEntry> {
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
        DEV_TMPFS,
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
    binds
}

/// What runc masks: read-only parts of `/proc`, and tmpfs or `/dev/null` over others.
fn masked_mounts() -> Vec<MountEntry> {
    let mut table = Vec::new();
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
        ("/proc/acpi", "ro,relatime", UNSIZED_TMPFS, 9),
        (
            "/proc/kcore",
            "rw,nosuid,size=65536k,mode=755",
            DEV_TMPFS,
            DEV_TMPFS_DEVICE,
        ),
        (
            "/proc/keys",
            "rw,nosuid,size=65536k,mode=755",
            DEV_TMPFS,
            DEV_TMPFS_DEVICE,
        ),
        (
            "/proc/timer_list",
            "rw,nosuid,size=65536k,mode=755",
            DEV_TMPFS,
            DEV_TMPFS_DEVICE,
        ),
        ("/proc/scsi", "ro,relatime", UNSIZED_TMPFS, 10),
        ("/sys/firmware", "ro,relatime", UNSIZED_TMPFS, 11),
    ];
    for (path, options, blocks, device_id) in masked {
        table.push(entry("tmpfs", path, "tmpfs", options, blocks, device_id));
    }
    table
}
