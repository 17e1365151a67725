//! The page's one reducer: the [`Studio`] (the whole simulation, behind a
//! `RefCell` so a tick does not copy the cluster) plus what only the page has
//! (language, theme, which panel and overlay show), and the [`Action`]s that
//! change them.

use crate::examples::{example, EXAMPLES};
use crate::i18n::Lang;
use crate::sim::SimTime;
use crate::studio::{Studio, SPEEDS};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Which panel shows below the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Events,
    Logs,
    Status,
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
        }
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
        {
            let mut studio = next.studio.borrow_mut();
            match action {
                Action::Edit(yaml) => studio.edit(yaml),
                Action::Tick => {
                    if !studio.playing {
                        return self;
                    }
                    studio.tick();
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
            }
        }
        next.revision += 1;
        Rc::new(next)
    }
}
