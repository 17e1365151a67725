//! House rules, checked on the source tree:
//! every Rust file starts with a `//!` comment saying what it is for; the core
//! (everything outside `src/ui/` and the wasm entry points) names no browser
//! crate; the page module (`src/ui/`, `src/main.rs`) reaches the simulation
//! only through `engine::Request`; and nothing outside the UI reads the wall
//! clock or unseeded randomness.

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
