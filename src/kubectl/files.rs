//! The console's virtual working directory: files written by `cat > FILE`,
//! the reading a file's writer left with it, and read-only files looked up
//! after them (a script's folder). A leaf: it knows no command.

use crate::spec::{parse_manifests, Parsed};
use std::collections::BTreeMap;

/// Files the console may read but never write, e.g. the folder a script lives in.
pub trait ReadOnlyFiles {
    /// The contents of `relative_path`, or `None` when it does not exist or is
    /// outside the folder.
    fn read(&self, relative_path: &str) -> Option<String>;

    /// The names of the files in folder `relative_path`, or `None` when it is
    /// not a folder inside the folder.
    fn list(&self, _relative_path: &str) -> Option<Vec<String>> {
        None
    }
}

/// The files commands read: the working directory, then the fallback folder.
#[derive(Default)]
pub struct Files {
    /// The virtual working directory: files written by `cat > FILE <<EOF`.
    written: BTreeMap<String, String>,
    /// A file already read by whoever wrote it (name, text, what it reads
    /// as), so its first `kubectl apply` does not read it again.
    read_ahead: Option<(String, String, Parsed)>,
    /// Read-only files looked up after the working directory.
    fallback: Option<Box<dyn ReadOnlyFiles>>,
}

impl Files {
    /// A working directory that also reads files from `fallback` (after its own).
    pub fn with_fallback(fallback: Box<dyn ReadOnlyFiles>) -> Files {
        Files {
            fallback: Some(fallback),
            ..Files::default()
        }
    }

    /// Reads a file from the working directory, then from the fallback folder.
    pub fn read(&self, path: &str) -> Option<String> {
        let path = path.strip_prefix("./").unwrap_or(path);
        self.written
            .get(path)
            .cloned()
            .or_else(|| self.fallback.as_ref().and_then(|files| files.read(path)))
    }

    /// The files of a folder of the working directory (files written there
    /// by `cat > DIR/FILE`) and of the fallback folder, sorted; `None` when
    /// neither has it.
    pub fn list_dir(&self, path: &str) -> Option<Vec<String>> {
        let path = path
            .strip_prefix("./")
            .unwrap_or(path)
            .trim_end_matches('/');
        let prefix = if path.is_empty() || path == "." {
            String::new()
        } else {
            format!("{path}/")
        };
        let mut names: Vec<String> = self
            .written
            .keys()
            .filter_map(|key| key.strip_prefix(prefix.as_str()))
            .filter(|rest| !rest.contains('/'))
            .map(str::to_string)
            .collect();
        let fallback = self
            .fallback
            .as_ref()
            .and_then(|files| files.list(if path.is_empty() { "." } else { path }));
        if names.is_empty() && fallback.is_none() {
            return None;
        }
        names.extend(fallback.unwrap_or_default());
        names.sort();
        names.dedup();
        Some(names)
    }

    /// Puts a file in the working directory (what `cat > FILE` does).
    pub fn write(&mut self, name: &str, contents: &str) {
        self.written.insert(name.to_string(), contents.to_string());
    }

    /// Puts a file in the working directory together with what it reads as
    /// (`parse_manifests` of `contents`), used by the next apply of it.
    pub fn write_read(&mut self, name: &str, contents: &str, parsed: Parsed) {
        self.write(name, contents);
        self.read_ahead = Some((name.to_string(), contents.to_string(), parsed));
    }

    /// What file `path` with text `text` reads as: the reading its writer
    /// left (once), else a fresh one.
    pub fn read_manifests(&mut self, path: &str, text: &str) -> Parsed {
        let path = path.strip_prefix("./").unwrap_or(path);
        match self.read_ahead.take() {
            Some((name, contents, parsed)) if name == path && contents == text => parsed,
            _ => parse_manifests(text),
        }
    }
}
