//! Keeps the learner's YAML, example, commands typed and lesson progress in
//! localStorage so they survive a reload. Storage can be missing or full (private mode, sandboxed iframes,
//! quota): every failure is returned as text for a notice, never a panic.
//!
//! Values are stored as JSON strings (`"kind: Pod\n…"`), the format gloo's
//! storage wrote, so text saved by earlier builds still loads. The browser's
//! own `JSON` encodes and decodes them: the page needs no JSON library
//! (serde_json cost about 4 KB of gzip).

use std::cell::Cell;
use wasm_bindgen::{JsCast, JsValue};

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
    let yaml = get(YAML_KEY)?;
    let example = get(EXAMPLE_KEY).unwrap_or_default();
    Some((example, yaml))
}

/// The localStorage key of the whole run (YAML, commands typed, time),
/// packed as a share link's fragment is.
const SESSION_KEY: &str = "podplay.session";

/// Saves the editor text, its example and, once the engine can pack it,
/// the whole run (so the terminal's commands come back too); the error says
/// why it could not be saved.
pub fn save(example: &str, yaml: &str, run: Option<&str>) -> Result<(), String> {
    set(YAML_KEY, yaml)?;
    set(EXAMPLE_KEY, example)?;
    match run {
        Some(fragment) => set(SESSION_KEY, fragment),
        None => Ok(()),
    }
}

/// The saved run, if there is one.
pub fn load_session() -> Option<String> {
    get(SESSION_KEY)
}

/// The page's localStorage, or why there is none (a sandboxed iframe
/// throws a SecurityError just for asking).
fn storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("no window")?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err("this browser has no localStorage".to_string()),
        Err(error) => Err(error_text(error)),
    }
}

/// A thrown JS error's `Name: message`.
fn error_text(error: JsValue) -> String {
    error
        .dyn_into::<js_sys::Error>()
        .map(|error| String::from(error.to_string()))
        .unwrap_or_else(|_| "localStorage is not available".to_string())
}

/// The string stored as JSON under `key`, if there is one.
fn get(key: &str) -> Option<String> {
    if OFF.with(Cell::get) {
        return None;
    }
    let item = storage().ok()?.get_item(key).ok()??;
    js_sys::JSON::parse(&item).ok()?.as_string()
}

/// Stores `value` as a JSON string under `key`; the error is the browser's
/// (`QuotaExceededError: …`).
fn set(key: &str, value: &str) -> Result<(), String> {
    if OFF.with(Cell::get) {
        return Ok(());
    }
    let json = js_sys::JSON::stringify(&JsValue::from_str(value))
        .ok()
        .and_then(|json| json.as_string())
        .unwrap_or_default();
    storage()?.set_item(key, &json).map_err(error_text)
}

/// The localStorage keys of lessons' progress start so, then the lesson's id.
const PROGRESS_PREFIX: &str = "podplay.lesson.";

/// The localStorage key of a lesson's progress.
fn progress_key(lesson: &str) -> String {
    format!("{PROGRESS_PREFIX}{lesson}")
}

/// Every lesson's stored progress: (lesson id, marks).
pub fn all_progress() -> Vec<(String, String)> {
    if OFF.with(Cell::get) {
        return Vec::new();
    }
    let Ok(storage) = storage() else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter_map(|key| {
            let lesson = key.strip_prefix(PROGRESS_PREFIX)?.to_string();
            Some((lesson, get(&key)?))
        })
        .collect()
}

/// The stored progress marks of lesson `lesson`.
pub fn load_progress(lesson: &str) -> Option<String> {
    get(&progress_key(lesson))
}

/// Stores the progress marks of lesson `lesson`.
pub fn save_progress(lesson: &str, marks: &str) -> Result<(), String> {
    set(&progress_key(lesson), marks)
}
