//! The page's one reducer: the page's mirror of the engine's [`View`] plus
//! what only the page has (language, theme, which panel and overlay show,
//! how fast the run really goes), and the [`Action`]s that change them.
//! Every action that touches the run becomes a [`Request`] to the engine
//! (through [`bridge`]); the updates it sends back arrive as
//! [`Action::Updated`] and are mirrored into the view.

use super::bridge;
use super::storage;
use crate::engine::{Pace, Panel, Reply, Request, Update, View};
use crate::examples::{example, EXAMPLES};
use crate::i18n::{Lang, Text};
use crate::share::Shared;
use std::rc::Rc;
use yew::prelude::*;

/// Everything the user can do to the page.
pub enum Action {
    /// The editor's text changed.
    Edit(String),
    /// The page's clock ticked.
    Tick,
    /// Play or pause.
    TogglePlay,
    /// Play (`true`) or pause (`false`), whichever it was; pausing also
    /// stops a seek where it has got to.
    SetPlaying(bool),
    /// Run to the next thing that happens.
    Step,
    /// Jump to a virtual time (milliseconds).
    Seek(u64),
    /// Choose a speed by its index in [`crate::studio::SPEEDS`].
    SetSpeed(usize),
    /// A command typed into the terminal, with a here-document body if pasted with one.
    Command(String, Option<String>),
    /// Ctrl-C in the terminal: stop a stream.
    Interrupt,
    /// Open an example by id.
    LoadExample(String),
    /// Put the current example's YAML back.
    ResetExample,
    /// Switch language.
    SetLang(Lang),
    /// Switch between light and dark.
    ToggleTheme,
    /// Show or hide the shortcuts overlay.
    ToggleHelp,
    /// Show a panel.
    ShowPanel(Panel),
    /// Start (or restart) a lesson by id.
    StartLesson(String),
    /// Leave the lesson.
    LeaveLesson,
    /// Make a share link of the run as it is now.
    Share,
    /// Close the share link or a notice.
    Dismiss,
    /// The engine started (`true`) or could not be (`false`).
    EngineLoaded(bool),
    /// The engine sent what changed in the run.
    Updated(Box<Update>),
}

/// The page's state.
#[derive(Clone)]
pub struct Page {
    /// What the engine last said of the run (before it loads: the editor's
    /// text and example only).
    pub view: View,
    /// The engine module is loaded: the diagram shows the run, not the outline.
    pub live: bool,
    /// Bumped on every change, so components know to redraw.
    pub revision: u64,
    /// The page's language.
    pub lang: Lang,
    /// Dark theme instead of light.
    pub dark: bool,
    /// The shortcuts overlay is open.
    pub help: bool,
    /// The panel below the terminal.
    pub panel: Panel,
    /// A share link to show.
    pub share_link: Option<String>,
    /// Something to tell the learner (a refused share link).
    pub notice: Option<String>,
    /// The run came from a share link: nothing is saved until the learner edits.
    pub from_link: bool,
    /// How fast the run really goes while playing.
    pub pace: Pace,
}

impl PartialEq for Page {
    fn eq(&self, other: &Page) -> bool {
        self.revision == other.revision
    }
}

impl Page {
    /// A page that will run `yaml` (from example `example_id`) at `millis`,
    /// playing or not, once the engine is there.
    pub fn new(
        example_id: &str,
        yaml: String,
        millis: Option<u64>,
        playing: bool,
        lang: Lang,
        dark: bool,
    ) -> Page {
        let example = example(example_id).unwrap_or(&EXAMPLES[0]);
        let mut page = Page::blank(lang, dark);
        page.view.example = example.id.to_string();
        page.view.yaml = yaml.clone();
        page.ask(Request::Start {
            example: example.id.to_string(),
            yaml,
            millis,
            playing,
            lang,
            panel: page.panel,
        });
        page
    }

    /// A page that will open what a share link (or the saved run) holds.
    pub fn from_shared(shared: &Shared, fragment: String, lang: Lang, dark: bool) -> Page {
        let mut page = Page::blank(lang, dark);
        page.view.example = shared.example.clone();
        page.view.yaml = shared.yaml.clone();
        page.view.clock.now = shared.millis;
        page.ask(Request::SetLang(lang));
        page.ask(Request::Open { fragment });
        page.from_link = true;
        page
    }

    /// A page with nothing asked of the engine yet.
    fn blank(lang: Lang, dark: bool) -> Page {
        Page {
            view: View::default(),
            live: false,
            revision: 0,
            lang,
            dark,
            help: false,
            panel: Panel::default(),
            share_link: None,
            notice: None,
            from_link: false,
            pace: Pace::default(),
        }
    }

    /// Sends `request` to the engine (a request made before the engine is
    /// there waits for it); its update comes back as [`Action::Updated`].
    fn ask(&mut self, request: Request) {
        bridge::send(request);
    }

    /// Mirrors an update: notes the pace, stores a lesson's progress, shows
    /// a share link or tells of a refused one.
    fn mirror(&mut self, update: Update) {
        let (reply, progress) = self.view.apply(update);
        self.pace.note(js_sys::Date::now(), &self.view.clock);
        if let Some((lesson, marks)) = progress {
            let _ = storage::save_progress(&lesson, &marks);
        }
        match reply {
            Reply::Refused(reason) => {
                self.notice = Some(format!("{}{reason}", Text::ShareRefused.get(self.lang)));
            }
            Reply::Fragment(fragment) => self.share_link = Some(fragment),
            _ => {}
        }
    }
}

impl Reducible for Page {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(yaml) => {
                next.from_link = false;
                // The page keeps the text typed: the engine's updates, which
                // come a moment later, do not send it back.
                next.view.yaml = yaml.clone();
                next.ask(Request::Edit(yaml));
            }
            Action::Tick => {
                // Nothing changes here: the update comes back by itself.
                if self.live && self.view.clock.playing {
                    bridge::send(Request::Tick);
                }
                return self;
            }
            Action::TogglePlay => {
                let playing = !next.view.clock.playing;
                next.ask(Request::SetPlaying(playing));
            }
            Action::SetPlaying(playing) => {
                next.ask(Request::SetPlaying(playing));
            }
            Action::Step => {
                next.ask(Request::Step);
            }
            Action::Seek(millis) => {
                next.ask(Request::Seek(millis));
            }
            Action::SetSpeed(index) => {
                next.ask(Request::SetSpeed(index));
            }
            Action::Command(line, stdin) => {
                next.ask(Request::Command { line, stdin });
            }
            Action::Interrupt => {
                next.ask(Request::Interrupt);
            }
            Action::LoadExample(id) => {
                if let Some(found) = example(&id) {
                    next.from_link = false;
                    if !next.live {
                        next.view.yaml = found.yaml.to_string();
                        next.view.example = found.id.to_string();
                    }
                    next.ask(Request::LoadExample(id));
                }
            }
            Action::ResetExample => {
                if !next.live {
                    let yaml = example(&next.view.example).map_or(EXAMPLES[0].yaml, |e| e.yaml);
                    next.view.yaml = yaml.to_string();
                }
                next.ask(Request::ResetExample);
            }
            Action::SetLang(lang) => {
                next.lang = lang;
                next.ask(Request::SetLang(lang));
            }
            Action::ToggleTheme => next.dark = !next.dark,
            Action::ToggleHelp => next.help = !next.help,
            Action::ShowPanel(panel) => {
                next.panel = panel;
                next.ask(Request::ShowPanel(panel));
            }
            Action::StartLesson(id) => {
                next.from_link = false;
                next.panel = Panel::Lesson;
                let marks = storage::load_progress(&id);
                next.ask(Request::StartLesson { id, marks });
            }
            Action::LeaveLesson => {
                next.ask(Request::LeaveLesson);
            }
            // Only the engine can pack the run; until it is there, say it is on its way.
            Action::Share if next.live => next.ask(Request::Share),
            Action::Share => next.notice = Some(Text::EngineLoading.get(next.lang).to_string()),
            Action::Dismiss => {
                next.share_link = None;
                next.notice = None;
            }
            Action::EngineLoaded(loaded) => {
                next.live = loaded;
                // The text typed while it loaded is already among the
                // requests that waited, so the engine ends on the same text.
                bridge::open(loaded);
                if !loaded {
                    next.notice = Some(Text::EngineFailed.get(next.lang).to_string());
                }
            }
            Action::Updated(update) => next.mirror(*update),
        }
        next.revision += 1;
        Rc::new(next)
    }
}
