//! The crate's import graph, file to file, read from the source text: each
//! file's `use` declarations and its `crate::`/`super::`/child-module paths,
//! with comments, string literals and `#[cfg(test)]` items left out, resolved
//! to the file that defines the item. A folder's `pub use` re-exports are
//! followed to the defining file and are not edges themselves (a `mod.rs`
//! facade is wiring, not a dependency).

use std::collections::{BTreeMap, BTreeSet};

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

/// `text` with comments, string and char literals replaced by spaces (line
/// breaks kept), so no word inside them is read as code.
fn blank_comments_and_literals(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && !is_ident(chars.get(i.wrapping_sub(1)))
        {
            let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
            if chars.get(i + 1 + hashes) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let close: Vec<char> = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            i += 2 + hashes;
            out.push_str(&" ".repeat(2 + hashes));
            while i < chars.len() && !chars[i..].starts_with(&close) {
                out.push(blank(chars[i]));
                i += 1;
            }
            out.push_str(&" ".repeat(close.len()));
            i += close.len();
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && is_char_literal(&chars[i..]) {
            let end = chars[i + 1..]
                .iter()
                .enumerate()
                .skip(1)
                .find(|(offset, &d)| d == '\'' && chars[i + *offset] != '\\')
                .map_or(chars.len() - i - 1, |(offset, _)| offset + 1);
            out.push_str(&" ".repeat(end + 1));
            i += end + 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// Whether the text at a `'` opens a char literal (`'a'`, `'\n'`), not a lifetime.
fn is_char_literal(at: &[char]) -> bool {
    match at.get(1) {
        Some('\\') => true,
        Some(_) => at.get(2) == Some(&'\''),
        None => false,
    }
}

/// `code` with every `#[cfg(test)]` item (a module, a function, a `use`) blanked.
fn strip_tests(code: &str) -> String {
    let mut bytes: Vec<u8> = code.as_bytes().to_vec();
    let marker = b"#[cfg(test)]";
    let mut from = 0;
    while let Some(offset) = find(&bytes[from..], marker) {
        let start = from + offset;
        let mut i = start + marker.len();
        let mut depth = 0usize;
        while i < bytes.len() {
            match bytes[i] {
                b';' if depth == 0 => {
                    i += 1;
                    break;
                }
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        i += 1;
                        break;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        for byte in &mut bytes[start..i.min(code.len())] {
            if *byte != b'\n' {
                *byte = b' ';
            }
        }
        from = i;
    }
    String::from_utf8(bytes).expect("only ASCII was replaced")
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// Every `use` declaration's paths: (whether it is `pub`, the path, the name it binds).
fn use_declarations(code: &str) -> Vec<(bool, Vec<String>, String)> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = find_word(rest, "use") {
        let before = rest[..at].trim_end();
        let public = before.ends_with("pub") || before.ends_with(')') && before.contains("pub(");
        let after = &rest[at + 3..];
        let end = after.find(';').unwrap_or(after.len());
        let words: Vec<&str> = after[..end].split_whitespace().collect();
        let tree: String = words.join(" ").replace(" as ", "@").replace(' ', "");
        for (path, alias) in expand_use_tree(&tree) {
            found.push((public, path, alias));
        }
        rest = &after[end..];
    }
    found
}

/// The offset of `word` standing alone in `text`.
fn find_word(text: &str, word: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(offset) = text[from..].find(word) {
        let at = from + offset;
        let before_ok =
            at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_');
        let after = at + word.len();
        let after_ok = after < bytes.len() && bytes[after].is_ascii_whitespace();
        if before_ok && after_ok {
            return Some(at);
        }
        from = after;
    }
    None
}

/// `a::{b, c::{self, d@e}}` (`@` for ` as `) as its paths, each with the name it binds.
fn expand_use_tree(tree: &str) -> Vec<(Vec<String>, String)> {
    let mut out = Vec::new();
    expand_into(tree, &[], &mut out);
    out
}

fn expand_into(tree: &str, prefix: &[String], out: &mut Vec<(Vec<String>, String)>) {
    let tree = tree.trim_start_matches("::");
    if let Some(open) = tree.find('{') {
        let head: Vec<String> = prefix
            .iter()
            .cloned()
            .chain(
                tree[..open]
                    .split("::")
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned),
            )
            .collect();
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        for part in split_top_level(inner) {
            expand_into(part, &head, out);
        }
        return;
    }
    let (path, alias) = match tree.split_once('@') {
        Some((path, alias)) => (path, Some(alias)),
        None => (tree, None),
    };
    let mut full: Vec<String> = prefix.to_vec();
    for segment in path.split("::").filter(|s| !s.is_empty()) {
        if segment != "self" || full.is_empty() {
            full.push(segment.to_owned());
        }
    }
    let Some(last) = full.last().cloned() else {
        return;
    };
    if last == "*" {
        return;
    }
    out.push((full, alias.map_or(last, str::to_owned)));
}

fn split_top_level(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts.into_iter().filter(|part| !part.is_empty()).collect()
}

/// Paths written in code (not in `use`), `a::b::c`, of at least two segments.
fn inline_paths(code: &str) -> Vec<Vec<String>> {
    let mut code_only = code.to_owned();
    // Blank the use declarations: their paths are read by `use_declarations`.
    let mut rest_from = 0;
    while let Some(at) = find_word(&code_only[rest_from..], "use") {
        let start = rest_from + at;
        let end = code_only[start..]
            .find(';')
            .map_or(code_only.len(), |e| start + e);
        code_only.replace_range(start..end, &" ".repeat(end - start));
        rest_from = end;
    }
    let chars: Vec<char> = code_only.chars().collect();
    let mut paths = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if is_ident(Some(&chars[i]))
            && !is_ident(i.checked_sub(1).and_then(|p| chars.get(p)))
            && chars.get(i.wrapping_sub(1)) != Some(&':')
        {
            let mut path = Vec::new();
            let mut j = i;
            loop {
                let start = j;
                while is_ident(chars.get(j)) {
                    j += 1;
                }
                path.push(chars[start..j].iter().collect::<String>());
                if chars.get(j) == Some(&':')
                    && chars.get(j + 1) == Some(&':')
                    && is_ident(chars.get(j + 2))
                {
                    j += 2;
                } else {
                    break;
                }
            }
            if path.len() > 1 {
                paths.push(path);
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    let unique: BTreeSet<Vec<String>> = paths.into_iter().collect();
    unique.into_iter().collect()
}
