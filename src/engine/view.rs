//! What the page shows of the run, as plain data: the [`View`] the page
//! mirrors, and the [`Update`] the engine sends after each request (only
//! the parts that changed, so a frame carries a scene and a clock, not the
//! terminal's whole transcript).

use crate::kubectl::{Completion, NODE_PROMPT};
use crate::layout::Diagram;
use crate::marks::Problem;
use crate::scene::PodScene;
use crate::studio::{EventRow, Marker, StatusRow, Studio, TerminalEntry, DEFAULT_SPEED};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// Which panel shows below the terminal (the engine sends only its rows).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Panel {
    Lesson,
    #[default]
    Events,
    Logs,
    Status,
}

/// The time controls' state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    /// Virtual milliseconds since the pod was applied.
    pub now: u64,
    /// The scrubber's end, in virtual milliseconds.
    pub horizon: u64,
    /// Whether the clock runs.
    pub playing: bool,
    /// The index into [`crate::studio::SPEEDS`].
    pub speed: usize,
    /// Where a seek (a jump, a share link, the replay after an edit) is on
    /// its way to, in virtual milliseconds, while it is not there yet.
    pub goal: Option<u64>,
}

/// The terminal: its transcript, its prompt and the lines typed so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TerminalView {
    /// What was typed and printed, oldest first.
    pub entries: Vec<TerminalEntry>,
    /// The prompt the next line is typed at.
    pub prompt: String,
    /// The lines typed, oldest first, for ↑ and ↓.
    pub history: Vec<String>,
}

/// A fresh run's controls: at zero, paused, at the first speed a run has.
impl Default for Clock {
    fn default() -> Clock {
        Clock {
            now: 0,
            horizon: 0,
            playing: false,
            speed: DEFAULT_SPEED,
            goal: None,
        }
    }
}

/// A fresh terminal: empty, at the node's prompt.
impl Default for TerminalView {
    fn default() -> TerminalView {
        TerminalView {
            entries: Vec::new(),
            prompt: NODE_PROMPT.to_string(),
            history: Vec::new(),
        }
    }
}

/// The rows of the panel shown (the others are not sent).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rows {
    /// The lesson panel needs none.
    #[default]
    None,
    /// `kubectl get events`.
    Events(Vec<EventRow>),
    /// Each container's last lines: (container, text).
    Logs(Vec<(String, String)>),
    /// `kubectl get pods`.
    Status(Vec<StatusRow>),
}

/// One step of the lesson followed, in the page's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepView {
    /// What to do and why.
    pub text: String,
    /// Commands to try.
    pub commands: Vec<String>,
    /// Hints.
    pub hints: Vec<String>,
    /// Each check: what it asks, and whether it has passed.
    pub checks: Vec<(String, bool)>,
}

/// The lesson followed, in the page's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonView {
    /// Its id (progress is stored under it).
    pub id: String,
    /// Its title.
    pub title: String,
    /// What it teaches.
    pub summary: String,
    /// Its steps.
    pub steps: Vec<StepView>,
    /// The first step not done yet.
    pub current: Option<usize>,
}

/// A lesson in the list, in the page's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonEntry {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// What it teaches.
    pub summary: String,
    /// (steps done, steps), from the progress the page stored.
    pub done: (usize, usize),
}

/// The answer to a request that asks something.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reply {
    /// The request only changed the run.
    #[default]
    None,
    /// Tab in the terminal.
    Completion(Completion),
    /// The run packed as a share link's fragment.
    Fragment(String),
    /// Every lesson, with the learner's progress.
    Lessons(Vec<LessonEntry>),
    /// A share link was refused; why.
    Refused(String),
}

/// What changed in the view after a request; `None` is "as before".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Update {
    /// The editor's text, when the engine replaced it (an example, a link, a lesson).
    pub yaml: Option<String>,
    /// The example the text started from.
    pub example: Option<String>,
    /// The editor's problems.
    pub problems: Option<Vec<Problem>>,
    /// The editor's text has errors, so the diagram shows the last good one.
    pub stale: bool,
    /// The diagram's geometry (`Some(None)`: no pod to draw).
    pub layout: Option<Option<Diagram>>,
    /// The picture now (`Some(None)`: no pod to draw).
    pub scene: Option<Option<PodScene>>,
    /// The time controls.
    pub clock: Clock,
    /// The focused pod's container that never sleeps (`Some(None)`: none),
    /// the reason a run falls behind.
    pub busiest: Option<Option<String>>,
    /// The scrubber's marks.
    pub markers: Option<Vec<Marker>>,
    /// The terminal.
    pub terminal: Option<TerminalView>,
    /// How many commands were typed (the page saves the run when it changes).
    pub typed: usize,
    /// The shown panel's rows.
    pub rows: Option<Rows>,
    /// The lesson followed (`Some(None)`: none).
    pub lesson: Option<Option<LessonView>>,
    /// A lesson's progress to store: (lesson id, marks).
    pub progress: Option<(String, String)>,
    /// The answer, if the request asked something.
    pub reply: Reply,
}

/// Everything the page shows of the run: the engine's last word on each part.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct View {
    /// The editor's text.
    pub yaml: String,
    /// The example it started from.
    pub example: String,
    /// The editor's problems.
    pub problems: Rc<Vec<Problem>>,
    /// The editor's text has errors, so the diagram shows the last good one.
    pub stale: bool,
    /// The diagram's geometry.
    pub layout: Option<Rc<Diagram>>,
    /// The picture now.
    pub scene: Option<Rc<PodScene>>,
    /// The time controls.
    pub clock: Clock,
    /// The focused pod's container that never sleeps.
    pub busiest: Option<String>,
    /// The scrubber's marks.
    pub markers: Rc<Vec<Marker>>,
    /// The terminal.
    pub terminal: Rc<TerminalView>,
    /// How many commands were typed.
    pub typed: usize,
    /// The shown panel's rows.
    pub rows: Rc<Rows>,
    /// The lesson followed.
    pub lesson: Option<Rc<LessonView>>,
}

impl View {
    /// Takes in what changed; returns the reply and a lesson's progress to store.
    pub fn apply(&mut self, update: Update) -> (Reply, Option<(String, String)>) {
        if let Some(yaml) = update.yaml {
            self.yaml = yaml;
        }
        if let Some(example) = update.example {
            self.example = example;
        }
        if let Some(problems) = update.problems {
            self.problems = Rc::new(problems);
        }
        self.stale = update.stale;
        if let Some(layout) = update.layout {
            self.layout = layout.map(Rc::new);
        }
        if let Some(scene) = update.scene {
            self.scene = scene.map(Rc::new);
        }
        self.clock = update.clock;
        if let Some(busiest) = update.busiest {
            self.busiest = busiest;
        }
        if let Some(markers) = update.markers {
            self.markers = Rc::new(markers);
        }
        if let Some(terminal) = update.terminal {
            self.terminal = Rc::new(terminal);
        }
        self.typed = update.typed;
        if let Some(rows) = update.rows {
            self.rows = Rc::new(rows);
        }
        if let Some(lesson) = update.lesson {
            self.lesson = lesson.map(Rc::new);
        }
        (update.reply, update.progress)
    }
}

/// `now` if it differs from what was `sent` (which then becomes `now`).
pub(super) fn changed<T: Clone + PartialEq>(sent: &mut Option<T>, now: &T) -> Option<T> {
    if sent.as_ref() == Some(now) {
        return None;
    }
    *sent = Some(now.clone());
    Some(now.clone())
}

/// The rows `panel` shows.
pub(super) fn rows(studio: &Studio, panel: Panel) -> Rows {
    match panel {
        Panel::Lesson => Rows::None,
        Panel::Events => Rows::Events(studio.events()),
        Panel::Logs => Rows::Logs(studio.logs()),
        Panel::Status => Rows::Status(studio.pods()),
    }
}
