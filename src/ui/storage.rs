//! Keeps the learner's YAML in localStorage so it survives a reload. Storage
//! can be missing or full (private mode, sandboxed iframes, quota): every
//! failure is returned as text for a notice, never a panic.

use gloo::storage::{LocalStorage, Storage};

/// The localStorage key of the editor's text.
const YAML_KEY: &str = "podplay.editor.yaml";

/// The saved editor text, if any could be read.
pub fn load_yaml() -> Option<String> {
    LocalStorage::get::<String>(YAML_KEY).ok()
}

/// Saves the editor text; the error says why it could not be saved.
pub fn save_yaml(yaml: &str) -> Result<(), String> {
    LocalStorage::set(YAML_KEY, yaml).map_err(|error| error.to_string())
}
