//! Paths: splitting and normalizing them, and walking them through a
//! container's view (its mounts, read-only mounts, symbolic links followed
//! at most [`MAX_SYMLINKS`] times).

use super::{FileSystem, FsError, Inode, InodeId, Mount, MountKind, View, MAX_SYMLINKS};

/// Where one pass over a path's components ended.
pub(super) enum Walked {
    /// At this inode, through this mount.
    Done(InodeId, Entered),
    /// At a symbolic link: the path to look up instead (absolute).
    Link(String),
}

/// Where a path's first components lead: the root of the mount (or of the
/// container), whether it is read-only, and what holds it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Entered {
    /// The directory the remaining components start from.
    pub(super) root: InodeId,
    /// Writes through it fail with `Read-only file system`.
    pub(super) read_only: bool,
    /// What holds its files.
    pub(super) kind: MountKind,
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
pub(super) fn components<'a>(cwd: &'a str, path: &'a str) -> Vec<&'a str> {
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
pub(super) fn slash_parts(path: &str) -> impl Iterator<Item = &str> {
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
    /// Where `components` lead in `view`: the mount that holds them (if any)
    /// and the components below that mount's root.
    pub(super) fn enter<'a, 'b>(
        &self,
        view: &View,
        components: &'a [&'b str],
    ) -> (Entered, &'a [&'b str]) {
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
    pub(super) fn resolve(
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
    pub(super) fn walk(
        &self,
        view: &View,
        components: &[&str],
        follow_last: bool,
    ) -> Result<Walked, FsError> {
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
    pub(super) fn new_name<'p>(
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
    pub(super) fn parent_of<'p>(
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
}
