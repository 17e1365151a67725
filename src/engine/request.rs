//! What the page asks of the engine: [`Request`], and the queue of
//! requests made before the engine module has loaded. Plain data the two
//! wasm modules share; it knows nothing of how a request is carried out.

use super::view::Panel;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// What the page asks of the engine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Start afresh: `yaml` (with example `example`'s files beside it), at
    /// `millis` if given, playing or not, with the page's language and panel.
    Start {
        example: String,
        yaml: String,
        millis: Option<u64>,
        playing: bool,
        lang: Lang,
        panel: Panel,
    },
    /// Open a share link's fragment (or the saved run); a refused one is
    /// answered with [`Reply::Refused`](super::Reply::Refused) and changes nothing.
    Open { fragment: String },
    /// The editor's text changed.
    Edit(String),
    /// The page's clock ticked (sent only while playing).
    Tick,
    /// Play or pause.
    SetPlaying(bool),
    /// Run to the next thing that happens (and pause).
    Step,
    /// Jump to a virtual time, in milliseconds.
    Seek(u64),
    /// Choose a speed by its index in [`SPEEDS`](crate::studio::SPEEDS).
    SetSpeed(usize),
    /// A line typed into the terminal, with a here-document body if pasted with one.
    Command { line: String, stdin: Option<String> },
    /// Ctrl-C in the terminal.
    Interrupt,
    /// Open an example by id.
    LoadExample(String),
    /// Put the current example's YAML back.
    ResetExample,
    /// Start (or restart) a lesson, with the progress stored for it.
    StartLesson { id: String, marks: Option<String> },
    /// Leave the lesson.
    LeaveLesson,
    /// The page's language.
    SetLang(Lang),
    /// The panel shown (its rows are sent from now on).
    ShowPanel(Panel),
    /// Complete the terminal's line (Tab).
    Complete(String),
    /// Pack the run as a share link's fragment.
    Share,
    /// The lesson list, with the progress stored for each: (id, marks).
    Lessons { progress: Vec<(String, String)> },
}

/// Adds `request` to the requests waiting for the engine to load. Edits in
/// a row keep only the last text: the run is rebuilt from the text, so the
/// texts typed in between would change nothing but the time it takes.
pub fn enqueue(waiting: &mut Vec<Request>, request: Request) {
    match (waiting.last_mut(), request) {
        (Some(Request::Edit(text)), Request::Edit(newer)) => *text = newer,
        (_, request) => waiting.push(request),
    }
}
