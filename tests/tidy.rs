//! House rules, checked on the source tree:
//! every Rust file starts with a `//!` comment saying what it is for; the core
//! (everything outside `src/ui/` and the wasm entry points) names no browser
//! crate; the page module (`src/ui/`, `src/main.rs`) reaches the simulation
//! only through `engine::Request`; and nothing outside the UI reads the wall
//! clock or unseeded randomness. And the shape of the code, as data: the
//! layers (`LAYERS`: no import goes up), no circle of imports between files
//! or between the rooms of one folder, and a size ratchet (`SIZE_CEILINGS`).

#[path = "tidy/circles.rs"]
mod circles;
#[path = "tidy/imports.rs"]
mod imports;
#[path = "tidy/source_text.rs"]
mod source_text;
#[path = "tidy/use_paths.rs"]
mod use_paths;

use circles::circles;
use imports::{is_test_file, Crate};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(folder: &Path, found: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("readable folder")
        .map(|entry| entry.expect("readable entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("tests"), &mut files);
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("utf-8 source");
            let relative = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (relative, text)
        })
        .collect()
}

fn is_ui(path: &str) -> bool {
    path.starts_with("src/ui/")
        || path == "src/main.rs"
        || path == "src/bin/blank.rs"
        || path == "src/bin/engine.rs"
}

#[test]
fn every_rust_file_starts_with_a_module_comment() {
    let missing: Vec<String> = sources()
        .into_iter()
        .filter(|(_, text)| !text.starts_with("//!"))
        .map(|(path, _)| path)
        .collect();
    assert!(
        missing.is_empty(),
        "files without a leading //! comment: {missing:?}"
    );
}

#[test]
fn the_core_names_no_browser_crate() {
    let browser_crates = ["yew", "web_sys", "gloo", "js_sys", "wasm_bindgen"];
    let offenders: Vec<String> = sources()
        .into_iter()
        .filter(|(path, _)| path.starts_with("src/") && !is_ui(path) && path != "src/lib.rs")
        .filter(|(_, text)| {
            browser_crates.iter().any(|name| {
                text.contains(&format!("{name}::")) || text.contains(&format!("use {name}"))
            })
        })
        .map(|(path, _)| path)
        .collect();
    assert!(
        offenders.is_empty(),
        "core files naming browser crates: {offenders:?}"
    );
}

#[test]
fn the_page_module_reaches_the_simulation_only_through_the_engine() {
    // Naming any of these from the page would link the simulation (or the
    // parser) into the first load again; see ARCHITECTURE.md, `engine`.
    let simulation = [
        "Studio",
        "Cluster",
        "Console",
        "parse_manifests",
        "lessons::",
        "serde_yaml",
    ];
    let offenders: Vec<String> = sources()
        .into_iter()
        .filter(|(path, _)| path.starts_with("src/ui/") || path == "src/main.rs")
        .filter(|(_, text)| simulation.iter().any(|name| text.contains(name)))
        .map(|(path, _)| path)
        .collect();
    assert!(
        offenders.is_empty(),
        "page files naming the simulation: {offenders:?}"
    );
}

#[test]
fn nothing_outside_the_ui_reads_the_clock_or_unseeded_randomness() {
    let forbidden = [
        "Instant::now",
        "SystemTime::now",
        "Date::now",
        "thread_rng",
        "rand::rng(",
        "HashMap",
        "HashSet",
    ];
    let offenders: Vec<String> = sources()
        .into_iter()
        .filter(|(path, _)| path.starts_with("src/") && !is_ui(path))
        .flat_map(|(path, text)| {
            forbidden
                .iter()
                .filter(|word| text.contains(*word))
                .map(|word| format!("{path}: {word}"))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "nondeterminism in the core: {offenders:?}"
    );
}

/// The library's layers, top first. A file may import from its own layer or
/// any layer below it, never from one above (test code excepted). A name is
/// a top-level module of `src/`; the binaries (`src/main.rs`, `src/bin/`)
/// stand above them all.
const LAYERS: &[&[&str]] = &[
    &["ui"],
    &["engine"],
    &["studio", "share", "lessons", "outline"],
    &["scene"],
    &["narration"],
    &["layout", "marks", "examples", "script"],
    &["kubectl"],
    &["sim"],
    &["runtime"],
    &["spec"],
    &["clock", "sort", "i18n"],
];

/// The one file over 800 lines may not be; the line a new file stays within.
const FILE_LIMIT: usize = 800;
const NEW_FILE_LIMIT: usize = 400;

/// Files over `NEW_FILE_LIMIT` lines, each with its ceiling: it may shrink,
/// never grow, and its ceiling is lowered as it shrinks (this test says so).
const SIZE_CEILINGS: &[(&str, usize)] = &[];

fn layer_of(module: &[String]) -> Option<usize> {
    let top = module.first()?;
    LAYERS
        .iter()
        .position(|layer| layer.contains(&top.as_str()))
}

#[test]
fn every_top_level_module_has_a_layer() {
    let krate = Crate::new(&sources());
    let missing: BTreeSet<&str> = krate
        .files
        .iter()
        .filter(|file| !file.module.is_empty() && layer_of(&file.module).is_none())
        .map(|file| file.module[0].as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "modules missing from LAYERS: {missing:?}"
    );
}

#[test]
fn no_import_goes_up_a_layer() {
    let krate = Crate::new(&sources());
    let upward: Vec<String> = krate
        .edges()
        .into_iter()
        .filter_map(|((from, to), path)| {
            let (from, to) = (&krate.files[from], &krate.files[to]);
            let (Some(from_layer), Some(to_layer)) = (layer_of(&from.module), layer_of(&to.module))
            else {
                return None;
            };
            (to_layer < from_layer).then(|| format!("{} -> {} ({path})", from.path, to.path))
        })
        .collect();
    assert!(
        upward.is_empty(),
        "imports going up a layer:\n{}",
        upward.join("\n")
    );
}

#[test]
fn no_circle_of_imports_between_files() {
    let krate = Crate::new(&sources());
    let edges = krate.edges();
    let groups = circles(krate.files.len(), &edges.keys().copied().collect());
    let described: Vec<String> = groups
        .iter()
        .map(|group| {
            let within: Vec<String> = edges
                .iter()
                .filter(|((from, to), _)| group.contains(from) && group.contains(to))
                .map(|((from, to), path)| {
                    format!(
                        "  {} -> {} ({path})",
                        krate.files[*from].path, krate.files[*to].path
                    )
                })
                .collect();
            within.join("\n")
        })
        .collect();
    assert!(
        groups.is_empty(),
        "circles of imports:\n{}",
        described.join("\n--\n")
    );
}

#[test]
fn no_circle_between_the_rooms_of_a_folder() {
    // A room is a folder's file or subfolder (with everything inside it).
    let krate = Crate::new(&sources());
    let edges = krate.edges();
    let mut folders: BTreeSet<Vec<String>> = BTreeSet::new();
    for file in &krate.files {
        for depth in 0..file.module.len() {
            folders.insert(file.module[..depth].to_vec());
        }
    }
    let mut offenders = Vec::new();
    for folder in folders {
        let room = |module: &[String]| -> Option<String> {
            (module.len() > folder.len() && module.starts_with(&folder))
                .then(|| module[folder.len()].clone())
        };
        let mut rooms: BTreeMap<String, usize> = BTreeMap::new();
        let mut room_edges: BTreeMap<(usize, usize), String> = BTreeMap::new();
        for ((from, to), path) in &edges {
            let (from, to) = (&krate.files[*from], &krate.files[*to]);
            let (Some(a), Some(b)) = (room(&from.module), room(&to.module)) else {
                continue;
            };
            if a == b {
                continue;
            }
            let count = rooms.len();
            let a = *rooms.entry(a).or_insert(count);
            let count = rooms.len();
            let b = *rooms.entry(b).or_insert(count);
            room_edges
                .entry((a, b))
                .or_insert_with(|| format!("{} -> {} ({path})", from.path, to.path));
        }
        let names: BTreeMap<usize, &String> = rooms.iter().map(|(name, &i)| (i, name)).collect();
        for group in circles(rooms.len(), &room_edges.keys().copied().collect()) {
            let members: Vec<&str> = group.iter().map(|i| names[i].as_str()).collect();
            let via: Vec<&str> = room_edges
                .iter()
                .filter(|((a, b), _)| group.contains(a) && group.contains(b))
                .map(|(_, why)| why.as_str())
                .collect();
            offenders.push(format!(
                "in src/{}: {members:?}\n    {}",
                folder.join("/"),
                via.join("\n    ")
            ));
        }
    }
    assert!(
        offenders.is_empty(),
        "circles between rooms:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn files_stay_within_their_size() {
    let ceilings: BTreeMap<&str, usize> = SIZE_CEILINGS.iter().copied().collect();
    let mut problems = Vec::new();
    let mut listed_seen = BTreeSet::new();
    for (path, text) in sources() {
        let lines = text.lines().count();
        if lines > FILE_LIMIT {
            problems.push(format!(
                "{path}: {lines} lines, over the {FILE_LIMIT} every file keeps to"
            ));
        }
        if is_test_file(&path) || path.starts_with("tests/") {
            continue;
        }
        match ceilings.get(path.as_str()) {
            Some(&ceiling) => {
                listed_seen.insert(path.clone());
                if lines > ceiling {
                    problems.push(format!(
                        "{path}: {lines} lines, over its ceiling of {ceiling}: it may only shrink"
                    ));
                } else if lines < ceiling {
                    problems.push(format!("{path}: {lines} lines: lower its ceiling in SIZE_CEILINGS from {ceiling} to {}", lines.max(NEW_FILE_LIMIT + 1)));
                }
            }
            None if lines > NEW_FILE_LIMIT => problems.push(format!(
                "{path}: {lines} lines, over the {NEW_FILE_LIMIT} a file keeps to: split it"
            )),
            None => {}
        }
    }
    for (path, _) in SIZE_CEILINGS {
        if !listed_seen.contains(*path) {
            problems.push(format!(
                "{path}: listed in SIZE_CEILINGS but gone: drop the line"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
