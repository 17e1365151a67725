//! The virtual filesystem of the node: one arena of inodes holding every
//! container's root, every volume and the node's own files, so a volume shared
//! by two containers is literally the same directory. A container sees the
//! tree through a [`View`]: its root plus the volumes mounted on it.

mod devices;
mod paths;
mod tree;
mod usage;

use crate::clock::SimTime;
pub use devices::Device;
pub use paths::normalize;
use std::collections::BTreeMap;
pub use usage::tmpfs_bytes;

/// An index into the arena.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct InodeId(usize);

/// A file or a directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inode {
    /// Entries by name, sorted.
    Directory(BTreeMap<String, InodeId>),
    /// Contents.
    File(Vec<u8>),
    /// A symbolic link: the path it points to, as `ln -s` was given it.
    Symlink(String),
}

/// Why a path operation failed, with the words `strerror` uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FsError {
    NotFound,
    NotADirectory,
    IsADirectory,
    ReadOnly,
    Exists,
    NotEmpty,
    NoSpace,
    /// More than [`MAX_SYMLINKS`] symbolic links on the way (ELOOP).
    Loop,
}

/// How many symbolic links one path lookup follows before it fails with
/// ELOOP, as Linux's `MAXSYMLINKS`.
pub const MAX_SYMLINKS: usize = 40;

impl FsError {
    /// The C library's message, as `cat: x: No such file or directory` prints it.
    pub fn message(self) -> &'static str {
        match self {
            FsError::NotFound => "No such file or directory",
            FsError::NotADirectory => "Not a directory",
            FsError::IsADirectory => "Is a directory",
            FsError::ReadOnly => "Read-only file system",
            FsError::Exists => "File exists",
            FsError::NotEmpty => "Directory not empty",
            FsError::NoSpace => "No space left on device",
            FsError::Loop => "Too many levels of symbolic links",
        }
    }

    /// The message in the C library of the image: musl (busybox, alpine)
    /// words ELOOP `Symbolic link loop`; glibc as [`FsError::message`].
    pub fn words(self, busybox: bool) -> &'static str {
        match (self, busybox) {
            (FsError::Loop, true) => "Symbolic link loop",
            _ => self.message(),
        }
    }
}

/// What holds a mount's files, as `df` and `mount` show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MountKind {
    /// A directory on the node's disk (`/dev/vda1`): an emptyDir, a
    /// hostPath. Only the node's disk limits it (the kubelet evicts a pod
    /// whose emptyDir outgrows its `sizeLimit`; writes are not refused).
    #[default]
    Disk,
    /// A tmpfs: an emptyDir with `medium: Memory`, a Secret or the
    /// service-account token. With a size (bytes, the emptyDir's
    /// `sizeLimit`), writes beyond it fail with `No space left on device`.
    Memory {
        /// The tmpfs's size in bytes, when it has one.
        size_limit: Option<u64>,
    },
}

/// A volume (or any directory) mounted into a container.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mount {
    /// The absolute path it appears at, without a trailing slash.
    pub path: String,
    /// The directory shown there.
    pub root: InodeId,
    /// Writes through this mount fail with `Read-only file system`.
    pub read_only: bool,
    /// What holds its files.
    pub kind: MountKind,
}

/// What one container sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    /// The container's own root directory.
    pub root: InodeId,
    /// Mounts, the longest path winning where they nest.
    pub mounts: Vec<Mount>,
}

/// How many bytes all files of the node may hold together; writes beyond it
/// fail with `No space left on device`, so no command can exhaust memory.
pub const DISK_BYTES: usize = 64 * 1024 * 1024;

/// All inodes of the node.
#[derive(Debug, Clone, Default)]
pub struct FileSystem {
    inodes: Vec<Inode>,
    /// Bytes held by files.
    used: usize,
    /// Files created inside a tmpfs with a size: the tmpfs's root and its
    /// size in bytes, checked on every write to the file.
    sized_tmpfs: BTreeMap<InodeId, (InodeId, usize)>,
    /// When each inode last changed (`ls -l`'s time), by index.
    modified: Vec<SimTime>,
    /// The virtual time changes are stamped with, set by the runtime.
    clock: SimTime,
    /// How many directory entries name each inode, by index.
    links: Vec<u32>,
    /// Bumped whenever a directory entry is added or removed, so a path
    /// resolved earlier is known to lead to the same inode while it holds.
    generation: u64,
    /// The state of the random devices' generator (`devices.rs`).
    random: u64,
    /// The containers' device nodes' major and minor numbers (`devices.rs`).
    device_numbers: BTreeMap<InodeId, (u32, u32)>,
}

impl FileSystem {
    /// A new empty directory.
    pub fn new_directory(&mut self) -> InodeId {
        self.push(Inode::Directory(BTreeMap::new()))
    }

    /// Adds an inode, stamped with the clock.
    fn push(&mut self, inode: Inode) -> InodeId {
        self.inodes.push(inode);
        self.modified.push(self.clock);
        self.links.push(0);
        InodeId(self.inodes.len() - 1)
    }

    /// Sets the virtual time that changes are stamped with.
    pub fn set_clock(&mut self, now: SimTime) {
        self.clock = now;
    }

    /// The virtual time changes are stamped with now.
    pub fn clock(&self) -> SimTime {
        self.clock
    }

    /// When the inode `id` last changed.
    pub fn modified(&self, id: InodeId) -> SimTime {
        self.modified[id.0]
    }

    /// Adds the entry `name` for the inode `id` to the directory `parent`.
    fn link_entry(&mut self, parent: InodeId, name: String, id: InodeId) {
        if let Inode::Directory(entries) = &mut self.inodes[parent.0] {
            self.generation += 1;
            entries.insert(name, id);
            self.modified[parent.0] = self.clock;
            self.links[id.0] += 1;
        }
    }

    /// Changes whenever any directory entry is added or removed: while it
    /// stays the same, every path leads where it led before.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// How many directory entries name the inode `id` (`ls -l`'s link count).
    pub fn links(&self, id: InodeId) -> u32 {
        self.links[id.0]
    }

    /// Makes `path` a second name of the inode `target` (a hard link).
    pub fn link(
        &mut self,
        view: &View,
        cwd: &str,
        target: InodeId,
        path: &str,
    ) -> Result<(), FsError> {
        let (parent, name) = self.new_name(view, cwd, path)?;
        self.link_entry(parent, name.to_string(), target);
        Ok(())
    }

    /// The inode `id`.
    pub fn inode(&self, id: InodeId) -> &Inode {
        &self.inodes[id.0]
    }
}

#[cfg(test)]
mod tests;
