//! The simulation behind the web page, as a service the page talks to.
//!
//! The page is two wasm modules. The page module (Yew, the editor, the
//! drawing) draws the pod as declared ([`crate::outline`]); the engine module
//! (this service and the parser, kubelet, runtime, console and lessons) is
//! fetched after the first diagram. The page sends a [`Request`] and gets
//! back an [`Update`]: only the parts of its [`View`] that changed, as
//! postcard bytes ([`encode`], [`decode`]).
//!
//! **The engine owns the run.** The page keeps a mirror of what the engine
//! last said and computes no simulation state of its own.

mod pace;
mod request;
mod slices;
mod view;

pub use crate::marks::Problem;
pub use pace::Pace;
pub use request::{enqueue, Request};
pub use view::{
    Clock, LessonEntry, LessonView, Panel, Reply, Rows, StepView, TerminalView, Update, View,
};

use crate::clock::SimTime;
use crate::examples::{example, files_of, EXAMPLES};
use crate::i18n::Lang;
use crate::layout::Diagram;
use crate::lessons::{self, Lesson, Progress, StartingPod};
use crate::scene::PodScene;
use crate::share::Shared;
use crate::spec::Diagnostic;
use crate::studio::{Marker, Studio, TerminalEntry, SPEEDS};
use serde::{de::DeserializeOwned, Serialize};
use std::rc::Rc;
use view::{changed, rows};

/// The run and what the page was last told of it.
pub struct Engine {
    /// The run.
    studio: Studio,
    /// The example the editor's text started from.
    example: String,
    /// The lesson followed and the learner's progress in it.
    lesson: Option<(Lesson, Progress)>,
    /// The page's language (lessons are sent in it).
    lang: Lang,
    /// The panel shown.
    panel: Panel,
    /// What the page was last sent of each part.
    sent: Sent,
    /// Seeks, ticks and rebuilds run ahead in slices ([`Engine::work`]).
    sliced: bool,
    /// The run's goal was set by a tick, not by a seek (whose progress shows).
    ticking: bool,
    /// The answer to the last request, until an update carries it.
    reply: Reply,
    /// The next update grades the lesson.
    grade: bool,
    /// The virtual second the lesson was last graded at.
    graded: u64,
}

/// The parts of the view the page has, as last sent (`None`: never sent).
#[derive(Default)]
struct Sent {
    /// The editor's text.
    yaml: Option<String>,
    /// The example's id.
    example: Option<String>,
    /// The diagnostics the problems sent were worded from.
    diagnostics: Option<Vec<Diagnostic>>,
    /// The diagram's layout.
    layout: Option<Option<Diagram>>,
    /// The diagram's scene.
    scene: Option<Option<PodScene>>,
    /// The scrubber's markers.
    markers: Option<Rc<Vec<Marker>>>,
    /// The container that never sleeps.
    busiest: Option<Option<String>>,
    /// The terminal's transcript and prompt.
    terminal: Option<(Rc<Vec<TerminalEntry>>, String)>,
    /// The shown panel's rows.
    rows: Option<Rows>,
    /// What the lesson view sent was made of: (lesson id, progress marks, language).
    lesson_key: Option<Option<(String, String, Lang)>>,
}

impl Default for Engine {
    fn default() -> Engine {
        Engine {
            studio: Studio::new(String::new(), Vec::new()),
            example: EXAMPLES[0].id.to_string(),
            lesson: None,
            lang: Lang::default(),
            panel: Panel::default(),
            sent: Sent::default(),
            sliced: false,
            ticking: false,
            reply: Reply::None,
            grade: false,
            graded: 0,
        }
    }
}

impl Engine {
    /// Carries out one request (a sliced one only sets off: [`Engine::work`]).
    fn take(&mut self, request: Request) {
        let mut reply = Reply::None;
        let mut grade = true;
        let ticked = matches!(request, Request::Tick);
        let goal = self.studio.goal();
        let studio = &mut self.studio;
        match request {
            Request::Start {
                example: id,
                yaml,
                millis,
                playing,
                lang,
                panel,
            } => {
                self.example = known_example(&id);
                // The page has this text: sent back late, it would undo typing.
                self.sent.yaml = Some(yaml.clone());
                *studio = Studio::new(yaml, files_of(&self.example));
                studio.sliced = self.sliced;
                if let Some(millis) = millis {
                    studio.seek(SimTime::from_millis(millis));
                }
                studio.playing = playing;
                self.lang = lang;
                self.panel = panel;
            }
            Request::Open { fragment } => match Shared::from_fragment(&fragment) {
                Ok(shared) => {
                    self.sent.yaml = Some(shared.yaml.clone());
                    *studio = shared.set_off();
                    self.example = known_example(&shared.example);
                }
                Err(error) => reply = Reply::Refused(error.to_string()),
            },
            Request::Edit(yaml) => {
                // The page has this text (and may have typed on): not sent back.
                self.sent.yaml = Some(yaml.clone());
                studio.edit(yaml);
            }
            Request::Tick => {
                // Grading on every frame is not needed: once a second will do.
                grade = false;
                // A tick while the last is still on its way is dropped: the
                // clock goes as fast as the run does, no faster.
                if studio.goal().is_none() {
                    studio.tick();
                }
            }
            Request::SetPlaying(playing) => {
                studio.playing = playing;
                // Pause stops a seek or a tick where it has got to.
                if !playing {
                    studio.stop();
                }
            }
            Request::Step => {
                studio.playing = false;
                studio.step();
            }
            Request::Seek(millis) => studio.seek(SimTime::from_millis(millis)),
            Request::SetSpeed(index) => studio.speed = index.min(SPEEDS.len() - 1),
            Request::Command { line, stdin } => studio.type_command(line, stdin),
            Request::Interrupt => studio.interrupt(),
            Request::LoadExample(id) => {
                if let Some(found) = example(&id) {
                    *studio = Studio::new(found.yaml.to_string(), files_of(found.id));
                    self.example = found.id.to_string();
                }
            }
            Request::ResetExample => {
                let yaml = example(&self.example).map_or(EXAMPLES[0].yaml, |e| e.yaml);
                studio.edit(yaml.to_string());
            }
            Request::StartLesson { id, marks } => {
                if let Some(lesson) = lessons::lesson(&id) {
                    *studio = lesson.studio();
                    if let StartingPod::Example(started) = &lesson.pod {
                        self.example = started.id.to_string();
                    }
                    let progress = marks
                        .map(|marks| Progress::from_marks(&lesson, &marks))
                        .unwrap_or_else(|| Progress::new(&lesson));
                    self.lesson = Some((lesson, progress));
                    self.panel = Panel::Lesson;
                }
            }
            Request::LeaveLesson => self.lesson = None,
            Request::SetLang(lang) => self.lang = lang,
            Request::ShowPanel(panel) => self.panel = panel,
            Request::Complete(line) => {
                grade = false;
                reply = Reply::Completion(studio.complete(&line));
            }
            Request::Share => {
                grade = false;
                reply = Reply::Fragment(Shared::of(studio, &self.example).to_fragment());
            }
            Request::Lessons { progress } => {
                grade = false;
                reply = Reply::Lessons(self.lesson_list(&progress));
            }
        }
        self.settle(ticked, goal, reply, grade);
    }

    /// After a request: the run is sliced as the engine is (or brought where
    /// it is heading at once), the clock's own pace told apart from a seek,
    /// and the answer kept for the next update.
    fn settle(&mut self, ticked: bool, goal: Option<SimTime>, reply: Reply, grade: bool) {
        let studio = &mut self.studio;
        studio.sliced = self.sliced;
        if !self.sliced {
            studio.finish();
        }
        if ticked {
            self.ticking = studio.goal().is_some();
        } else if studio.goal() != goal {
            self.ticking = false;
        }
        self.reply = reply;
        self.grade |= grade;
    }

    /// Grades the lesson against the run now: its progress to store, if a
    /// check newly passed.
    fn grade(&mut self) -> Option<(String, String)> {
        let (lesson, progress) = self.lesson.as_mut()?;
        let results = lesson.evaluate(&self.studio);
        progress
            .update(&results)
            .then(|| (lesson.id.clone(), progress.marks()))
    }

    /// What changed since the page was last told, with `reply`.
    fn update(&mut self, reply: Reply, progress: Option<(String, String)>) -> Update {
        let studio = &self.studio;
        let sent = &mut self.sent;
        // A rebuild (an edit, a seek back) makes new transcripts and marks,
        // most often equal to the old: compared by value, they are not resent.
        let terminal = studio.shared_terminal();
        let prompt = studio.prompt();
        let terminal_changed = sent
            .terminal
            .as_ref()
            .is_none_or(|(entries, shown)| *entries != terminal || *shown != prompt);
        let markers = studio.markers();
        let markers_changed = sent.markers.as_ref().is_none_or(|shown| *shown != markers);
        // Problems and the lesson are worded only when what they come from changed.
        let problems = (sent.diagnostics.as_ref() != Some(&studio.diagnostics)).then(|| {
            sent.diagnostics = Some(studio.diagnostics.clone());
            studio.diagnostics.iter().map(Problem::from).collect()
        });
        let lesson_key = self
            .lesson
            .as_ref()
            .map(|(lesson, progress)| (lesson.id.clone(), progress.marks(), self.lang));
        let lesson = (sent.lesson_key.as_ref() != Some(&lesson_key)).then(|| {
            sent.lesson_key = Some(lesson_key);
            self.lesson
                .as_ref()
                .map(|(lesson, progress)| lesson_view(lesson, progress, self.lang))
        });
        Update {
            yaml: changed(&mut sent.yaml, &studio.yaml),
            example: changed(&mut sent.example, &self.example),
            problems,
            stale: studio.has_errors(),
            // Compared in place: the layout changes only with the text, and
            // this runs every frame.
            layout: (sent.layout.as_ref().map(Option::as_ref) != Some(studio.layout())).then(
                || {
                    sent.layout = Some(studio.layout().cloned());
                    studio.layout().cloned()
                },
            ),
            scene: changed(&mut sent.scene, &studio.scene()),
            clock: Clock {
                now: studio.now().as_millis(),
                horizon: studio.horizon().as_millis(),
                playing: studio.playing,
                speed: studio.speed,
                goal: (!self.ticking)
                    .then(|| studio.goal())
                    .flatten()
                    .map(SimTime::as_millis),
            },
            busiest: changed(
                &mut sent.busiest,
                &studio.busiest_container().map(str::to_string),
            ),
            markers: markers_changed.then(|| {
                sent.markers = Some(Rc::clone(&markers));
                markers.to_vec()
            }),
            terminal: terminal_changed.then(|| {
                sent.terminal = Some((Rc::clone(&terminal), prompt.clone()));
                TerminalView {
                    entries: terminal.to_vec(),
                    prompt,
                    history: studio.history().map(str::to_string).collect(),
                }
            }),
            typed: studio.commands().len(),
            rows: changed(&mut sent.rows, &rows(studio, self.panel)),
            lesson,
            progress,
            reply,
        }
    }

    /// Every lesson in the page's language, with the progress stored for each.
    fn lesson_list(&self, stored: &[(String, String)]) -> Vec<LessonEntry> {
        lessons::all()
            .into_iter()
            .map(|lesson| {
                let progress = stored
                    .iter()
                    .find(|(id, _)| *id == lesson.id)
                    .map(|(_, marks)| Progress::from_marks(&lesson, marks))
                    .unwrap_or_else(|| Progress::new(&lesson));
                LessonEntry {
                    title: lesson.title.get(self.lang).to_string(),
                    summary: lesson.summary.get(self.lang).to_string(),
                    done: progress.steps_done(),
                    id: lesson.id,
                }
            })
            .collect()
    }
}

/// The lesson followed, in `lang`, with each check lit as `progress` says.
fn lesson_view(lesson: &Lesson, progress: &Progress, lang: Lang) -> LessonView {
    LessonView {
        id: lesson.id.clone(),
        title: lesson.title.get(lang).to_string(),
        summary: lesson.summary.get(lang).to_string(),
        steps: lesson
            .steps
            .iter()
            .enumerate()
            .map(|(step, s)| StepView {
                text: s.text.get(lang).to_string(),
                commands: s.commands.clone(),
                hints: s.hints.iter().map(|h| h.get(lang).to_string()).collect(),
                checks: s
                    .checks
                    .iter()
                    .enumerate()
                    .map(|(index, check)| {
                        (
                            check.describe().get(lang).to_string(),
                            progress.check_passed(step, index),
                        )
                    })
                    .collect(),
            })
            .collect(),
        current: progress.current_step(),
    }
}

/// `id` if it names an example, else the first example's id.
fn known_example(id: &str) -> String {
    example(id).map_or(EXAMPLES[0].id, |e| e.id).to_string()
}

/// A value packed for the other module.
pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    postcard::to_allocvec(value).unwrap_or_default()
}

/// A value unpacked from the other module, if the bytes hold one.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    postcard::from_bytes(bytes).ok()
}

#[cfg(test)]
mod tests;
