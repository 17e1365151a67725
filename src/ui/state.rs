//! The page's one reducer: the [`Studio`] (the whole simulation, behind a
//! `RefCell` so a tick does not copy the cluster) plus what only the page has
//! (language, theme, which panel and overlay show), and the [`Action`]s that
//! change them.

use super::storage;
use crate::examples::{example, EXAMPLES};
use crate::i18n::Lang;
use crate::lessons::{self, Lesson, Progress, StartingPod};
use crate::share::Shared;
use crate::sim::SimTime;
use crate::studio::{Studio, SPEEDS};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Which panel shows below the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Lesson,
    Events,
    Logs,
    Status,
}

/// The lesson being followed, and how far the learner is.
#[derive(Clone)]
pub struct LessonState {
    /// The lesson.
    pub lesson: Rc<Lesson>,
    /// Its checks passed so far.
    pub progress: Progress,
}

/// Everything the user can do to the page.
pub enum Action {
    /// The editor's text changed.
    Edit(String),
    /// The page's clock ticked.
    Tick,
    /// Play or pause.
    TogglePlay,
    /// Run to the next thing that happens.
    Step,
    /// Jump to a virtual time (milliseconds).
    Seek(u64),
    /// Choose a speed by its index in [`SPEEDS`].
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
}

/// The page's state.
#[derive(Clone)]
pub struct Page {
    /// The simulation and the editor's text.
    pub studio: Rc<RefCell<Studio>>,
    /// Bumped on every change, so components know to redraw.
    pub revision: u64,
    /// The example the editor started from.
    pub example: &'static str,
    /// The page's language.
    pub lang: Lang,
    /// Dark theme instead of light.
    pub dark: bool,
    /// The shortcuts overlay is open.
    pub help: bool,
    /// The panel below the terminal.
    pub panel: Panel,
    /// The lesson being followed.
    pub lesson: Option<LessonState>,
    /// A share link to show.
    pub share_link: Option<String>,
    /// Something to tell the learner (a refused share link).
    pub notice: Option<String>,
    /// The run came from a share link: nothing is saved until the learner edits.
    pub from_link: bool,
}

impl PartialEq for Page {
    fn eq(&self, other: &Page) -> bool {
        self.revision == other.revision
    }
}

impl Page {
    /// A page showing `yaml` (from example `example_id`).
    pub fn new(example_id: &str, yaml: String, lang: Lang, dark: bool) -> Page {
        let example = example(example_id).unwrap_or(&EXAMPLES[0]);
        Page {
            studio: Rc::new(RefCell::new(Studio::new(yaml, files_of(example.id)))),
            revision: 0,
            example: example.id,
            lang,
            dark,
            help: false,
            panel: Panel::Events,
            lesson: None,
            share_link: None,
            notice: None,
            from_link: false,
        }
    }

    /// A page showing what a share link (or the saved run) holds.
    pub fn from_shared(shared: &Shared, lang: Lang, dark: bool) -> Page {
        let mut page = Page::new(&shared.example, String::new(), lang, dark);
        page.studio = Rc::new(RefCell::new(shared.open()));
        page.from_link = true;
        page
    }

    /// Grades the lesson against the run now; whether a check newly passed.
    fn grade(&mut self) -> bool {
        let Some(state) = self.lesson.as_mut() else {
            return false;
        };
        let results = state.lesson.evaluate(&self.studio.borrow());
        state.progress.update(&results)
    }
}

/// The files an example puts beside the editor's (for `kubectl apply -f`).
fn files_of(id: &str) -> Vec<(String, String)> {
    example(id)
        .map(|e| {
            e.files
                .iter()
                .map(|(name, text)| (name.to_string(), text.to_string()))
                .collect()
        })
        .unwrap_or_default()
}

impl Reducible for Page {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let mut grade = true;
        {
            let mut studio = next.studio.borrow_mut();
            match action {
                Action::Edit(yaml) => {
                    next.from_link = false;
                    studio.edit(yaml)
                }
                Action::Tick => {
                    if !studio.playing {
                        return self;
                    }
                    let second = studio.now().as_millis() / 1000;
                    studio.tick();
                    // Grading on every frame is not needed: once a second will do.
                    grade = studio.now().as_millis() / 1000 != second;
                }
                Action::TogglePlay => studio.playing = !studio.playing,
                Action::Step => {
                    studio.playing = false;
                    studio.step();
                }
                Action::Seek(millis) => studio.seek(SimTime::from_millis(millis)),
                Action::SetSpeed(index) => studio.speed = index.min(SPEEDS.len() - 1),
                Action::Command(line, stdin) => studio.type_command(line, stdin),
                Action::Interrupt => studio.interrupt(),
                Action::LoadExample(id) => {
                    if let Some(found) = example(&id) {
                        *studio = Studio::new(found.yaml.to_string(), files_of(found.id));
                        next.example = found.id;
                        next.from_link = false;
                    }
                }
                Action::ResetExample => {
                    let yaml = example(next.example).map_or(EXAMPLES[0].yaml, |e| e.yaml);
                    studio.edit(yaml.to_string());
                }
                Action::SetLang(lang) => next.lang = lang,
                Action::ToggleTheme => next.dark = !next.dark,
                Action::ToggleHelp => next.help = !next.help,
                Action::ShowPanel(panel) => next.panel = panel,
                Action::StartLesson(id) => {
                    if let Some(lesson) = lessons::lesson(&id) {
                        *studio = lesson.studio();
                        if let StartingPod::Example(started) = &lesson.pod {
                            next.example = started.id;
                        }
                        next.from_link = false;
                        let progress = storage::load_progress(&lesson.id)
                            .map(|marks| Progress::from_marks(&lesson, &marks))
                            .unwrap_or_else(|| Progress::new(&lesson));
                        next.lesson = Some(LessonState {
                            lesson: Rc::new(lesson),
                            progress,
                        });
                        next.panel = Panel::Lesson;
                    }
                }
                Action::LeaveLesson => next.lesson = None,
                Action::Share => {
                    next.share_link = Some(Shared::of(&studio, next.example).to_fragment())
                }
                Action::Dismiss => {
                    next.share_link = None;
                    next.notice = None;
                }
            }
        }
        if grade && next.grade() {
            if let Some(state) = &next.lesson {
                let _ = storage::save_progress(&state.lesson.id, &state.progress.marks());
            }
        }
        next.revision += 1;
        Rc::new(next)
    }
}
