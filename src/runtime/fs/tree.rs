//! The tree operations: reading and writing files, making symbolic links
//! and directories, removing entries, listing a directory.

use super::paths::{components, normalize};
use super::{FileSystem, FsError, Inode, InodeId, MountKind, View, DISK_BYTES};

impl FileSystem {
    /// Makes `path` a symbolic link to `target` (`ln -s`).
    pub fn symlink(
        &mut self,
        view: &View,
        cwd: &str,
        target: &str,
        path: &str,
    ) -> Result<InodeId, FsError> {
        let (parent, name) = self.new_name(view, cwd, path)?;
        let id = self.push(Inode::Symlink(target.to_string()));
        self.link_entry(parent, name.to_string(), id);
        Ok(id)
    }

    /// Reads a whole file.
    pub fn read(&self, view: &View, cwd: &str, path: &str) -> Result<&[u8], FsError> {
        match self.inode(self.lookup(view, cwd, path)?) {
            Inode::File(data) => Ok(data),
            Inode::Directory(_) | Inode::Symlink(_) => Err(FsError::IsADirectory),
        }
    }

    /// Writes `data` to `path`, creating the file, replacing or appending to it.
    /// Returns the file's inode.
    pub fn write(
        &mut self,
        view: &View,
        cwd: &str,
        path: &str,
        data: &[u8],
        append: bool,
    ) -> Result<InodeId, FsError> {
        let (parent, entered, name) = self.parent_of(view, cwd, path)?;
        if entered.read_only {
            return Err(FsError::ReadOnly);
        }
        let existing = match self.inode(parent) {
            Inode::Directory(entries) => entries.get(name).copied(),
            Inode::File(_) | Inode::Symlink(_) => return Err(FsError::NotADirectory),
        };
        let id = match existing {
            Some(id) => match self.inode(id) {
                Inode::Symlink(target) => {
                    // A write through a link writes its target, creating it.
                    let target = target.clone();
                    let directory = components(cwd, path);
                    let directory = directory[..directory.len() - 1].join("/");
                    return self.write(view, &format!("/{directory}"), &target, data, append);
                }
                _ => id,
            },
            None => {
                let id = self.push(Inode::File(Vec::new()));
                self.link_entry(parent, name.to_string(), id);
                if let MountKind::Memory {
                    size_limit: Some(size),
                } = entered.kind
                {
                    let size = usize::try_from(size).unwrap_or(usize::MAX);
                    self.sized_tmpfs.insert(id, (entered.root, size));
                }
                id
            }
        };
        self.write_inode(id, data, append)?;
        Ok(id)
    }

    /// Creates a directory (with `parents`, every missing one on the way).
    pub fn make_directory(
        &mut self,
        view: &View,
        cwd: &str,
        path: &str,
        parents: bool,
    ) -> Result<InodeId, FsError> {
        if parents {
            let components = normalize(cwd, path);
            let mut so_far = String::new();
            let mut last = view.root;
            for component in components {
                so_far = format!("{so_far}/{component}");
                last = match self.lookup(view, "/", &so_far) {
                    Ok(id) if matches!(self.inode(id), Inode::Directory(_)) => id,
                    Ok(_) => return Err(FsError::Exists),
                    Err(FsError::NotFound) => self.make_directory(view, "/", &so_far, false)?,
                    Err(other) => return Err(other),
                };
            }
            return Ok(last);
        }
        let (parent, name) = self.new_name(view, cwd, path)?;
        let id = self.new_directory();
        self.link_entry(parent, name.to_string(), id);
        Ok(id)
    }

    /// Removes a file (or, with `recursive`, a directory and what it holds).
    pub fn remove(
        &mut self,
        view: &View,
        cwd: &str,
        path: &str,
        recursive: bool,
    ) -> Result<(), FsError> {
        let (parent, entered, name) = self.parent_of(view, cwd, path)?;
        if entered.read_only {
            return Err(FsError::ReadOnly);
        }
        let id = match self.inode(parent) {
            Inode::Directory(entries) => *entries.get(name).ok_or(FsError::NotFound)?,
            Inode::File(_) | Inode::Symlink(_) => return Err(FsError::NotADirectory),
        };
        if matches!(self.inode(id), Inode::Directory(_)) && !recursive {
            return Err(FsError::IsADirectory);
        }
        self.links[id.0] = self.links[id.0].saturating_sub(1);
        if self.links[id.0] == 0 {
            self.used = self.used.saturating_sub(self.bytes_under(id));
        }
        if let Inode::Directory(entries) = &mut self.inodes[parent.0] {
            self.generation += 1;
            entries.remove(name);
            self.modified[parent.0] = self.clock;
        }
        Ok(())
    }

    /// Appends to (or replaces) the contents of the file `id`. In a tmpfs
    /// with a size, what fits is written (whole pages) and the rest refused,
    /// as a short write followed by ENOSPC.
    pub fn write_inode(&mut self, id: InodeId, data: &[u8], append: bool) -> Result<(), FsError> {
        let room = self.tmpfs_room(id, append);
        let Inode::File(contents) = &mut self.inodes[id.0] else {
            return Err(FsError::IsADirectory);
        };
        let kept = if append { contents.len() } else { 0 };
        let fitting = room.map_or(data.len(), |room| data.len().min(room));
        let after = self.used - contents.len() + kept + fitting;
        if after > DISK_BYTES {
            return Err(FsError::NoSpace);
        }
        if !append {
            contents.clear();
        }
        contents.extend_from_slice(&data[..fitting]);
        self.used = after;
        self.modified[id.0] = self.clock;
        if fitting < data.len() {
            return Err(FsError::NoSpace);
        }
        Ok(())
    }

    /// The names in a directory, sorted.
    pub fn list(&self, view: &View, cwd: &str, path: &str) -> Result<Vec<String>, FsError> {
        match self.inode(self.lookup(view, cwd, path)?) {
            Inode::Directory(entries) => Ok(entries.keys().cloned().collect()),
            Inode::File(_) | Inode::Symlink(_) => Err(FsError::NotADirectory),
        }
    }
}
