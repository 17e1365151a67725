//! The virtual filesystem of the node: one arena of inodes holding every
//! container's root, every volume and the node's own files, so a volume shared
//! by two containers is literally the same directory. A container sees the
//! tree through a [`View`]: its root plus the volumes mounted on it.

use crate::clock::SimTime;
use std::collections::BTreeMap;

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

/// Where one pass over a path's components ended.
enum Walked {
    /// At this inode, through this mount.
    Done(InodeId, Entered),
    /// At a symbolic link: the path to look up instead (absolute).
    Link(String),
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

/// The bytes a tmpfs charges for a file: whole 4 KiB pages.
pub fn tmpfs_bytes(length: usize) -> usize {
    length.div_ceil(TMPFS_PAGE) * TMPFS_PAGE
}

/// A tmpfs's page size.
const TMPFS_PAGE: usize = 4096;

/// Where a path's first components lead: the root of the mount (or of the
/// container), whether it is read-only, and what holds it.
#[derive(Debug, Clone, Copy)]
struct Entered {
    /// The directory the remaining components start from.
    root: InodeId,
    /// Writes through it fail with `Read-only file system`.
    read_only: bool,
    /// What holds its files.
    kind: MountKind,
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
}

/// Splits an absolute or relative path (relative to `cwd`) into normalized
/// components, resolving `.` and `..`.
pub fn normalize(cwd: &str, path: &str) -> Vec<String> {
    components(cwd, path)
        .into_iter()
        .map(String::from)
        .collect()
}

/// [`normalize`] without copying: the components borrow `cwd` and `path`.
fn components<'a>(cwd: &'a str, path: &'a str) -> Vec<&'a str> {
    let base = if path.starts_with('/') { "" } else { cwd };
    let mut parts = Vec::with_capacity(8);
    for part in slash_parts(base).chain(slash_parts(path)) {
        match part {
            "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    parts
}

/// The non-empty parts of `path` between slashes.
fn slash_parts(path: &str) -> impl Iterator<Item = &str> {
    let mut rest = path;
    std::iter::from_fn(move || loop {
        if rest.is_empty() {
            return None;
        }
        let end = rest
            .bytes()
            .position(|byte| byte == b'/')
            .unwrap_or(rest.len());
        let part = &rest[..end];
        rest = &rest[(end + 1).min(rest.len())..];
        if !part.is_empty() {
            return Some(part);
        }
    })
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

    /// Where `components` lead in `view`: the mount that holds them (if any)
    /// and the components below that mount's root.
    fn enter<'a, 'b>(&self, view: &View, components: &'a [&'b str]) -> (Entered, &'a [&'b str]) {
        // The mount and how many components its path has.
        let mut best: Option<(&Mount, usize)> = None;
        for mount in &view.mounts {
            let mut depth = 0;
            let inside = slash_parts(&mount.path).all(|part| {
                depth += 1;
                components.get(depth - 1) == Some(&part)
            });
            if inside && best.is_none_or(|(b, _)| b.path.len() < mount.path.len()) {
                best = Some((mount, depth));
            }
        }
        match best {
            Some((mount, depth)) => {
                let entered = Entered {
                    root: mount.root,
                    read_only: mount.read_only,
                    kind: mount.kind,
                };
                (entered, &components[depth..])
            }
            None => {
                let entered = Entered {
                    root: view.root,
                    read_only: false,
                    kind: MountKind::Disk,
                };
                (entered, components)
            }
        }
    }

    /// The inode at `path` (relative to `cwd`) in `view`, following
    /// symbolic links (the last component's too).
    pub fn lookup(&self, view: &View, cwd: &str, path: &str) -> Result<InodeId, FsError> {
        let components = components(cwd, path);
        self.resolve(view, &components, true).map(|(id, _, _)| id)
    }

    /// Like [`FileSystem::lookup`], but a symbolic link as the last
    /// component is the result itself (`lstat`).
    pub fn lookup_link(&self, view: &View, cwd: &str, path: &str) -> Result<InodeId, FsError> {
        let components = components(cwd, path);
        self.resolve(view, &components, false).map(|(id, _, _)| id)
    }

    /// The absolute path `path` leads to with every symbolic link resolved
    /// (`readlink -f`); it must exist.
    pub fn canonical(&self, view: &View, cwd: &str, path: &str) -> Result<String, FsError> {
        let components = components(cwd, path);
        let (_, _, rebuilt) = self.resolve(view, &components, true)?;
        let path = match rebuilt {
            Some(path) => normalize("/", &path).join("/"),
            None => components.join("/"),
        };
        Ok(format!("/{path}"))
    }

    /// Where `components` lead, following symbolic links (the last one only
    /// with `follow_last`): the inode, the mount it is in, and the path
    /// looked up in the end when a link redirected the lookup.
    fn resolve(
        &self,
        view: &View,
        parts: &[&str],
        follow_last: bool,
    ) -> Result<(InodeId, Entered, Option<String>), FsError> {
        let mut path = match self.walk(view, parts, follow_last)? {
            Walked::Done(id, entered) => return Ok((id, entered, None)),
            Walked::Link(path) => path,
        };
        for _ in 1..MAX_SYMLINKS {
            let next = components("/", &path);
            match self.walk(view, &next, follow_last)? {
                Walked::Done(id, entered) => return Ok((id, entered, Some(path))),
                Walked::Link(rebuilt) => path = rebuilt,
            }
        }
        Err(FsError::Loop)
    }

    /// One pass over `components`, stopping at the first symbolic link to
    /// follow: the path it redirects to is its target (absolute, or relative
    /// to the link's directory) followed by the components after it.
    fn walk(&self, view: &View, components: &[&str], follow_last: bool) -> Result<Walked, FsError> {
        let (entered, rest) = self.enter(view, components);
        let skipped = components.len() - rest.len();
        let mut current = entered.root;
        for (index, name) in rest.iter().enumerate() {
            match self.inode(current) {
                Inode::Directory(entries) => {
                    current = *entries.get(*name).ok_or(FsError::NotFound)?;
                }
                Inode::File(_) | Inode::Symlink(_) => return Err(FsError::NotADirectory),
            }
            if let Inode::Symlink(target) = self.inode(current) {
                let last = index + 1 == rest.len();
                if last && !follow_last {
                    break;
                }
                let mut rebuilt = String::new();
                if !target.starts_with('/') {
                    for part in &components[..skipped + index] {
                        rebuilt.push('/');
                        rebuilt.push_str(part);
                    }
                }
                rebuilt.push('/');
                rebuilt.push_str(target);
                for part in &rest[index + 1..] {
                    rebuilt.push('/');
                    rebuilt.push_str(part);
                }
                return Ok(Walked::Link(rebuilt));
            }
        }
        Ok(Walked::Done(current, entered))
    }

    /// Where a new entry `path` goes: its writable parent directory and its
    /// name, which nothing there has yet.
    fn new_name<'p>(
        &self,
        view: &View,
        cwd: &'p str,
        path: &'p str,
    ) -> Result<(InodeId, &'p str), FsError> {
        let (parent, entered, name) = self.parent_of(view, cwd, path)?;
        if entered.read_only {
            return Err(FsError::ReadOnly);
        }
        if let Inode::Directory(entries) = self.inode(parent) {
            if entries.contains_key(name) {
                return Err(FsError::Exists);
            }
        }
        Ok((parent, name))
    }

    /// The parent directory of `path` (symbolic links on the way followed)
    /// and the last component's name.
    fn parent_of<'p>(
        &self,
        view: &View,
        cwd: &'p str,
        path: &'p str,
    ) -> Result<(InodeId, Entered, &'p str), FsError> {
        let components = components(cwd, path);
        let Some((name, parent)) = components.split_last() else {
            return Err(FsError::IsADirectory);
        };
        let (current, entered, _) = self.resolve(view, parent, true)?;
        match self.inode(current) {
            Inode::Directory(_) => Ok((current, entered, *name)),
            Inode::File(_) | Inode::Symlink(_) => Err(FsError::NotADirectory),
        }
    }

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

    /// For a file in a tmpfs with a size: how many more bytes it may hold
    /// (after truncation unless `append`).
    fn tmpfs_room(&self, id: InodeId, append: bool) -> Option<usize> {
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

    /// The names in a directory, sorted.
    pub fn list(&self, view: &View, cwd: &str, path: &str) -> Result<Vec<String>, FsError> {
        match self.inode(self.lookup(view, cwd, path)?) {
            Inode::Directory(entries) => Ok(entries.keys().cloned().collect()),
            Inode::File(_) | Inode::Symlink(_) => Err(FsError::NotADirectory),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_containers_sharing_a_volume() -> (FileSystem, View, View) {
        let mut fs = FileSystem::default();
        let volume = fs.new_directory();
        let producer_root = fs.new_directory();
        let consumer_root = fs.new_directory();
        let producer = View {
            root: producer_root,
            mounts: vec![Mount {
                path: "/producer_dir".into(),
                root: volume,
                read_only: false,
                kind: MountKind::Disk,
            }],
        };
        let consumer = View {
            root: consumer_root,
            mounts: vec![Mount {
                path: "/consumer_dir".into(),
                root: volume,
                read_only: true,
                kind: MountKind::Disk,
            }],
        };
        (fs, producer, consumer)
    }

    #[test]
    fn a_write_through_one_mount_is_read_through_the_other() {
        let (mut fs, producer, consumer) = two_containers_sharing_a_volume();
        fs.write(&producer, "/", "/producer_dir/hello", b"1\n", true)
            .unwrap();
        fs.write(&producer, "/producer_dir", "hello", b"2\n", true)
            .unwrap();
        assert_eq!(
            fs.read(&consumer, "/", "/consumer_dir/hello").unwrap(),
            b"1\n2\n"
        );
        assert_eq!(
            fs.read(&consumer, "/", "/producer_dir/hello"),
            Err(FsError::NotFound)
        );
    }

    #[test]
    fn a_read_only_mount_refuses_writes() {
        let (mut fs, _, consumer) = two_containers_sharing_a_volume();
        assert_eq!(
            fs.write(&consumer, "/", "/consumer_dir/x", b"", false),
            Err(FsError::ReadOnly)
        );
        assert_eq!(FsError::ReadOnly.message(), "Read-only file system");
    }

    #[test]
    fn the_disk_fills_up_and_frees_space_on_removal() {
        let (mut fs, producer, _) = two_containers_sharing_a_volume();
        let chunk = vec![b'x'; DISK_BYTES / 2];
        fs.write(&producer, "/", "/a", &chunk, false).unwrap();
        fs.write(&producer, "/", "/b", &chunk, false).unwrap();
        assert_eq!(
            fs.write(&producer, "/", "/c", b"!", false),
            Err(FsError::NoSpace)
        );
        fs.write(&producer, "/", "/a", b"small", false).unwrap();
        fs.remove(&producer, "/", "/b", false).unwrap();
        fs.write(&producer, "/", "/c", &chunk, false).unwrap();
    }

    #[test]
    fn paths_normalize_dots_and_parents() {
        assert_eq!(normalize("/a/b", "../c/./d"), ["a", "c", "d"]);
        assert_eq!(normalize("/", "/x//y/"), ["x", "y"]);
    }

    #[test]
    fn directories_are_made_listed_and_removed() {
        let (mut fs, producer, _) = two_containers_sharing_a_volume();
        fs.make_directory(&producer, "/", "/tmp/a/b", true).unwrap();
        fs.write(&producer, "/tmp/a", "b/f", b"x", false).unwrap();
        assert_eq!(fs.list(&producer, "/", "/tmp/a").unwrap(), ["b"]);
        assert_eq!(
            fs.remove(&producer, "/", "/tmp/a", false),
            Err(FsError::IsADirectory)
        );
        fs.remove(&producer, "/", "/tmp/a", true).unwrap();
        assert_eq!(
            fs.list(&producer, "/", "/tmp").unwrap(),
            Vec::<String>::new()
        );
    }
}
