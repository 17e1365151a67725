//! The character devices a container runtime gives every container (runc
//! mounts a tmpfs on `/dev` holding them, and the node has its own):
//! `/dev/null` (reads end at once, writes vanish), `/dev/zero` (endless zero
//! bytes), `/dev/full` (reads give zeros, writes fail with ENOSPC),
//! `/dev/random` and `/dev/urandom` (endless random bytes). They are known
//! by their paths in every view; a container's `/dev` also holds an inode
//! for each (so `ls /dev` lists them and `ls -l` shows their numbers), and
//! what runc and the kubelet put beside them ([`FileSystem::make_dev`]).
//!
//! The random devices are pseudo-random (splitmix64) from a fixed seed, the
//! state a fresh node starts with: podplay is deterministic, so the same
//! run reads the same bytes every time.

use super::{normalize, FileSystem, FsError, InodeId, View};

/// A character device of `/dev`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Device {
    /// `/dev/null`.
    Null,
    /// `/dev/zero`.
    Zero,
    /// `/dev/full`.
    Full,
    /// `/dev/random`.
    Random,
    /// `/dev/urandom`.
    Urandom,
}

impl Device {
    /// The device at `path` (relative to `cwd`), if it names one.
    pub fn at(cwd: &str, path: &str) -> Option<Device> {
        if !path.contains("dev") && !cwd.starts_with("/dev") {
            return None;
        }
        let components = normalize(cwd, path);
        match components.as_slice() {
            [dev, name] if dev == "dev" => match name.as_str() {
                "null" => Some(Device::Null),
                "zero" => Some(Device::Zero),
                "full" => Some(Device::Full),
                "random" => Some(Device::Random),
                "urandom" => Some(Device::Urandom),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether reading it never ends (all but `/dev/null`).
    pub fn is_endless(self) -> bool {
        self != Device::Null
    }

    /// Whether a write to it fails with ENOSPC (`/dev/full`).
    pub fn refuses_writes(self) -> bool {
        self == Device::Full
    }
}

/// The character devices runc creates in a container's `/dev`
/// (`specconv.AllowedDevices`, created by `createDevices`), with their
/// major and minor numbers (`busybox ls -l /dev/null` prints `1,   3`).
/// `/dev/tty` (5, 0) is left out: podplay cannot open it yet.
const DEVICE_NODES: [(&str, u32, u32); 5] = [
    ("full", 1, 7),
    ("null", 1, 3),
    ("random", 1, 8),
    ("urandom", 1, 9),
    ("zero", 1, 5),
];

/// runc's `/dev` links (`setupDevSymlinks`, and `setupPtmx`'s `ptmx`;
/// `core` as the node's kernel has `/proc/kcore`), as (name, target).
const DEVICE_LINKS: [(&str, &str); 6] = [
    ("core", "/proc/kcore"),
    ("fd", "/proc/self/fd"),
    ("ptmx", "pts/ptmx"),
    ("stderr", "/proc/self/fd/2"),
    ("stdin", "/proc/self/fd/0"),
    ("stdout", "/proc/self/fd/1"),
];

impl FileSystem {
    /// Lays out a container's `/dev` in `view`: the device nodes and links
    /// runc makes, the `pts`, `shm` and `mqueue` mount points (containerd's
    /// default mounts, `oci/mounts.go`), and the kubelet's
    /// `termination-log` when the container is a pod's.
    pub fn make_dev(&mut self, view: &View, termination_log: bool) -> Result<(), FsError> {
        for directory in ["/dev/mqueue", "/dev/pts", "/dev/shm"] {
            self.make_directory(view, "/", directory, true)?;
        }
        for (name, major, minor) in DEVICE_NODES {
            let id = self.write(view, "/", &format!("/dev/{name}"), b"", false)?;
            self.device_numbers.insert(id, (major, minor));
        }
        for (name, target) in DEVICE_LINKS {
            self.symlink(view, "/", target, &format!("/dev/{name}"))?;
        }
        if termination_log {
            self.write(view, "/", "/dev/termination-log", b"", false)?;
        }
        Ok(())
    }

    /// The major and minor numbers of the device node `id`, if it is one.
    pub fn device_numbers(&self, id: InodeId) -> Option<(u32, u32)> {
        self.device_numbers.get(&id).copied()
    }

    /// Reads up to `limit` bytes of `device`; `None` at its end (only
    /// `/dev/null` has one).
    pub fn read_device(&mut self, device: Device, limit: usize) -> Option<Vec<u8>> {
        match device {
            Device::Null => None,
            Device::Zero | Device::Full => Some(vec![0; limit]),
            Device::Random | Device::Urandom => {
                let mut bytes = Vec::with_capacity(limit + 8);
                while bytes.len() < limit {
                    bytes.extend(self.next_random().to_le_bytes());
                }
                bytes.truncate(limit);
                Some(bytes)
            }
        }
    }

    /// The next number of the random devices' generator (splitmix64).
    fn next_random(&mut self) -> u64 {
        self.random = self.random.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.random;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_are_known_by_their_paths() {
        assert_eq!(Device::at("/", "/dev/zero"), Some(Device::Zero));
        assert_eq!(Device::at("/dev", "urandom"), Some(Device::Urandom));
        assert_eq!(Device::at("/tmp", "../dev/./null"), Some(Device::Null));
        assert_eq!(Device::at("/", "/dev/sda"), None);
        assert_eq!(Device::at("/", "/tmp/dev/zero"), None);
    }

    #[test]
    fn the_random_devices_give_the_same_bytes_in_every_run() {
        let mut first = FileSystem::default();
        let mut second = FileSystem::default();
        let a = first.read_device(Device::Urandom, 20).unwrap();
        let b = second.read_device(Device::Urandom, 20).unwrap();
        assert_eq!((a.len(), &a), (20, &b));
        assert_ne!(first.read_device(Device::Random, 20).unwrap(), a);
        assert_eq!(first.read_device(Device::Zero, 3), Some(vec![0, 0, 0]));
        assert_eq!(first.read_device(Device::Null, 3), None);
    }
}
