//! Keeps the learner's YAML and example in localStorage so they survive a
//! reload. Storage can be missing or full (private mode, sandboxed iframes,
//! quota): every failure is returned as text for a notice, never a panic.
//!
//! Values are stored as JSON strings (`"kind: Pod\n…"`), the format gloo's
//! storage wrote, so text saved by earlier builds still loads. The browser's
//! own `JSON` encodes and decodes them: the page needs no JSON library
//! (serde_json cost about 4 KB of gzip).

use std::cell::Cell;
use wasm_bindgen::{JsCast, JsValue, UnwrapThrowExt};

thread_local! {
    /// Set for an embedded page (`?embed=1`): it neither reads nor writes
    /// storage, so an embed never overwrites the learner's own saved work
    /// (and a sandboxed iframe, where localStorage throws, never tries).
    static OFF: Cell<bool> = const { Cell::new(false) };
}

/// Stops all reading and writing of storage for the rest of the page's life.
pub fn turn_off() {
    OFF.with(|off| off.set(true));
}

/// The localStorage key of the editor's text.
const YAML_KEY: &str = "podplay.editor.yaml";

/// The localStorage key of the example the editor started from.
const EXAMPLE_KEY: &str = "podplay.editor.example";

/// The saved editor text and its example, if they could be read.
pub fn load() -> Option<(String, String)> {
    if OFF.with(Cell::get) {
        return None;
    }
    let yaml = get(YAML_KEY)?;
    let example = get(EXAMPLE_KEY).unwrap_or_default();
    Some((example, yaml))
}

/// Saves the editor text and its example; the error says why it could not be saved.
pub fn save(example: &str, yaml: &str) -> Result<(), String> {
    if OFF.with(Cell::get) {
        return Ok(());
    }
    set(YAML_KEY, yaml)?;
    set(EXAMPLE_KEY, example)
}

/// The page's localStorage (throws as gloo's `LocalStorage::raw` did when there is none).
fn storage() -> web_sys::Storage {
    web_sys::window()
        .expect_throw("no window")
        .local_storage()
        .expect_throw("failed to get local_storage")
        .expect_throw("no local storage")
}

/// The string stored as JSON under `key`, if there is one.
fn get(key: &str) -> Option<String> {
    let item = storage()
        .get_item(key)
        .expect_throw("unreachable: get_item does not throw an exception")?;
    js_sys::JSON::parse(&item).ok()?.as_string()
}

/// Stores `value` as a JSON string under `key`; the error is the browser's
/// (`QuotaExceededError: …`).
fn set(key: &str, value: &str) -> Result<(), String> {
    let json = js_sys::JSON::stringify(&JsValue::from_str(value))
        .ok()
        .and_then(|json| json.as_string())
        .unwrap_or_default();
    storage().set_item(key, &json).map_err(|error| {
        error
            .dyn_into::<js_sys::Error>()
            .map(|error| String::from(error.to_string()))
            .unwrap_or_default()
    })
}
