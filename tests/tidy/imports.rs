//! The crate's import graph, file to file, read from the source text: each
//! file's `use` declarations and its `crate::`/`super::`/child-module paths,
//! with comments, string literals and `#[cfg(test)]` items left out, resolved
//! to the file that defines the item. A folder's `pub use` re-exports are
//! followed to the defining file and are not edges themselves (a `mod.rs`
//! facade is wiring, not a dependency).

use super::source_text::{blank_comments_and_literals, strip_tests};
use super::use_paths::{inline_paths, use_declarations};
use std::collections::BTreeMap;

/// One source file of the library, as the graph sees it.
pub struct SourceFile {
    /// Its path from the crate's root, e.g. `src/sim/cluster.rs`.
    pub path: String,
    /// Its module path, e.g. `["sim", "cluster"]` (empty for `src/lib.rs`).
    pub module: Vec<String>,
    /// Its code with comments, literals and test-only items blanked.
    code: String,
}

/// The library's modules and the files that hold them.
pub struct Crate {
    /// Every library file (not the binaries, not test files).
    pub files: Vec<SourceFile>,
    /// Module path → index in `files`.
    modules: BTreeMap<Vec<String>, usize>,
}

/// Whether a path is test code: a `tests.rs` or anything under a `tests/` folder.
pub fn is_test_file(path: &str) -> bool {
    path.ends_with("/tests.rs") || path.contains("/tests/")
}

impl Crate {
    /// Reads the library's files (paths relative to the crate root, with
    /// their text); binaries and test files are left out.
    pub fn new(sources: &[(String, String)]) -> Crate {
        let mut files = Vec::new();
        for (path, text) in sources {
            let Some(inner) = path.strip_prefix("src/") else {
                continue;
            };
            if inner.starts_with("bin/") || inner == "main.rs" || is_test_file(path) {
                continue;
            }
            let inner = inner.trim_end_matches(".rs");
            let mut module: Vec<String> = inner.split('/').map(str::to_owned).collect();
            if module
                .last()
                .is_some_and(|last| last == "mod" || last == "lib")
            {
                module.pop();
            }
            files.push(SourceFile {
                path: path.clone(),
                module,
                code: strip_tests(&blank_comments_and_literals(text)),
            });
        }
        let modules = files
            .iter()
            .enumerate()
            .map(|(index, file)| (file.module.clone(), index))
            .collect();
        Crate { files, modules }
    }

    /// Every import edge (from file, to file), each with a path that made it.
    pub fn edges(&self) -> BTreeMap<(usize, usize), String> {
        let mut edges = BTreeMap::new();
        for (from, file) in self.files.iter().enumerate() {
            let uses = use_declarations(&file.code);
            let bindings: BTreeMap<String, Vec<String>> = uses
                .iter()
                .filter_map(|(_, path, alias)| {
                    let absolute = self.absolute(&file.module, path)?;
                    Some((alias.clone(), absolute))
                })
                .collect();
            let mut paths: Vec<Vec<String>> = uses
                .iter()
                .filter(|(public, _, _)| !public)
                .map(|(_, path, _)| path.clone())
                .collect();
            for path in inline_paths(&file.code) {
                match bindings.get(&path[0]) {
                    Some(bound) if path.len() > 1 => {
                        paths.push(bound.iter().chain(&path[1..]).cloned().collect());
                    }
                    _ => paths.push(path),
                }
            }
            for path in paths {
                let Some(absolute) = self.absolute(&file.module, &path) else {
                    continue;
                };
                if let Some(to) = self.resolve(&absolute, 0) {
                    if to != from {
                        edges.entry((from, to)).or_insert_with(|| path.join("::"));
                    }
                }
            }
        }
        edges
    }

    /// `path` as seen from `module`, made absolute (from the crate root), or
    /// None when it names another crate.
    fn absolute(&self, module: &[String], path: &[String]) -> Option<Vec<String>> {
        let mut base: Vec<String> = module.to_vec();
        let mut rest = path;
        match path.first()?.as_str() {
            "crate" => {
                base.clear();
                rest = &path[1..];
            }
            "self" => rest = &path[1..],
            "super" => {
                while rest.first().is_some_and(|segment| segment == "super") {
                    base.pop();
                    rest = &rest[1..];
                }
            }
            first => {
                let mut child = module.to_vec();
                child.push(first.to_owned());
                if !self.modules.contains_key(&child) {
                    return None;
                }
            }
        }
        base.extend(rest.iter().cloned());
        Some(base)
    }

    /// The file that defines what an absolute path names: the deepest module
    /// file on the path, or the file a `pub use` there re-exports it from.
    fn resolve(&self, path: &[String], depth: usize) -> Option<usize> {
        let mut current: Vec<String> = Vec::new();
        let mut file = *self.modules.get(&current)?;
        for segment in path {
            let mut child = current.clone();
            child.push(segment.clone());
            if let Some(&index) = self.modules.get(&child) {
                current = child;
                file = index;
                continue;
            }
            if depth < 8 {
                let module = &self.files[file].module;
                for (public, used, alias) in use_declarations(&self.files[file].code) {
                    if public && alias == *segment {
                        let absolute = self.absolute(module, &used)?;
                        return self.resolve(&absolute, depth + 1);
                    }
                }
            }
            return Some(file);
        }
        Some(file)
    }
}
