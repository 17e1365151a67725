//! The paths a file names: its `use` declarations expanded to one path per
//! name bound, and the `crate::`/`super::` paths written inline in its code.

use super::source_text::is_ident;
use std::collections::BTreeSet;

/// Every `use` declaration's paths: (whether it is `pub`, the path, the name it binds).
pub fn use_declarations(code: &str) -> Vec<(bool, Vec<String>, String)> {
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
pub fn inline_paths(code: &str) -> Vec<Vec<String>> {
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
