//! A container's mount table as containerd and runc set it up in a pod, and
//! the programs that show it: `mount` (the `/proc/mounts` lines), busybox
//! `df` (every mount with blocks) and coreutils `df` (one line per device,
//! widths fitted to the cells). The root is an overlay on the node's disk
//! (`/dev/vda1`); the kubelet bind-mounts `/etc/hosts`, `/etc/hostname`,
//! `/etc/resolv.conf` and `/dev/termination-log` from that disk; volumes are
//! bind mounts of the disk or tmpfs mounts; runc masks parts of `/proc` and
//! `/sys`. Sizes are fixed figures of a 100 GB node disk and 8 GB of memory,
//! plus what the containers wrote, so every run prints the same table.

mod df;
mod mount;
mod table;

pub use df::df;
pub use mount::mount;
