//! A process's file descriptor table: a few descriptors, sorted by number,
//! in one small vector, so saving it for a command's redirections and
//! restoring it after is a copy of a few words, not a tree to rebuild.

use super::pipes::Endpoint;

/// Open descriptors by number.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Descriptors {
    /// `(descriptor, where it leads)`, sorted by descriptor.
    entries: Vec<(u32, Endpoint)>,
}

impl Descriptors {
    /// A table holding `entries` (later entries replace earlier ones).
    pub fn from_entries(entries: impl IntoIterator<Item = (u32, Endpoint)>) -> Descriptors {
        let mut table = Descriptors::default();
        for (fd, endpoint) in entries {
            table.insert(fd, endpoint);
        }
        table
    }

    /// Where descriptor `fd` leads, if it is open.
    pub fn get(&self, fd: u32) -> Option<Endpoint> {
        self.position(fd).ok().map(|index| self.entries[index].1)
    }

    /// Opens (or replaces) descriptor `fd`.
    pub fn insert(&mut self, fd: u32, endpoint: Endpoint) {
        match self.position(fd) {
            Ok(index) => self.entries[index].1 = endpoint,
            Err(index) => self.entries.insert(index, (fd, endpoint)),
        }
    }

    /// Where every open descriptor leads.
    pub fn values(&self) -> impl Iterator<Item = &Endpoint> {
        self.entries.iter().map(|(_, endpoint)| endpoint)
    }

    /// Makes this table a copy of `other`, reusing its memory.
    pub fn copy_from(&mut self, other: &Descriptors) {
        self.entries.clear();
        self.entries.extend_from_slice(&other.entries);
    }

    /// Closes every descriptor.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    fn position(&self, fd: u32) -> Result<usize, usize> {
        self.entries
            .binary_search_by_key(&fd, |(number, _)| *number)
    }
}
