//! Keeps the learner's YAML and example in localStorage so they survive a
//! reload. Storage can be missing or full (private mode, sandboxed iframes,
//! quota): every failure is returned as text for a notice, never a panic.

use gloo::storage::{LocalStorage, Storage};

/// The localStorage key of the editor's text.
const YAML_KEY: &str = "podplay.editor.yaml";

/// The localStorage key of the example the editor started from.
const EXAMPLE_KEY: &str = "podplay.editor.example";

/// The saved editor text and its example, if they could be read.
pub fn load() -> Option<(String, String)> {
    let yaml = LocalStorage::get::<String>(YAML_KEY).ok()?;
    let example = LocalStorage::get::<String>(EXAMPLE_KEY).unwrap_or_default();
    Some((example, yaml))
}

/// Saves the editor text and its example; the error says why it could not be saved.
pub fn save(example: &str, yaml: &str) -> Result<(), String> {
    LocalStorage::set(YAML_KEY, yaml).map_err(|error| error.to_string())?;
    LocalStorage::set(EXAMPLE_KEY, example).map_err(|error| error.to_string())
}
