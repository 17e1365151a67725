//! Disk usage: the node's disk ([`super::DISK_BYTES`]) and each tmpfs's pages, as
//! `df` and a full disk see them.

use super::{FileSystem, Inode, InodeId};

/// The bytes a tmpfs charges for a file: whole 4 KiB pages.
pub fn tmpfs_bytes(length: usize) -> usize {
    length.div_ceil(TMPFS_PAGE) * TMPFS_PAGE
}

/// A tmpfs's page size.
const TMPFS_PAGE: usize = 4096;

impl FileSystem {
    /// For a file in a tmpfs with a size: how many more bytes it may hold
    /// (after truncation unless `append`).
    pub(super) fn tmpfs_room(&self, id: InodeId, append: bool) -> Option<usize> {
        let (root, size) = *self.sized_tmpfs.get(&id)?;
        let Inode::File(contents) = self.inode(id) else {
            return None;
        };
        let kept = if append { contents.len() } else { 0 };
        let others = self.tmpfs_used(root) - tmpfs_bytes(contents.len());
        let free_pages = size.saturating_sub(others) / TMPFS_PAGE;
        Some((free_pages * TMPFS_PAGE).saturating_sub(kept))
    }

    /// Bytes a tmpfs whose root is `id` uses: its files in whole pages.
    pub fn tmpfs_used(&self, id: InodeId) -> usize {
        match self.inode(id) {
            Inode::File(data) => tmpfs_bytes(data.len()),
            Inode::Symlink(_) => 0,
            Inode::Directory(entries) => {
                entries.values().map(|child| self.tmpfs_used(*child)).sum()
            }
        }
    }

    /// Bytes held by all files of the node.
    pub fn used_bytes(&self) -> usize {
        self.used
    }

    /// Bytes held by the files under (or at) `id`: a volume's usage, which
    /// the kubelet compares with an emptyDir's `sizeLimit`.
    pub fn bytes_under(&self, id: InodeId) -> usize {
        match self.inode(id) {
            Inode::File(data) => data.len(),
            Inode::Symlink(_) => 0,
            Inode::Directory(entries) => {
                entries.values().map(|child| self.bytes_under(*child)).sum()
            }
        }
    }
}
