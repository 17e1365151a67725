//! The lesson panel: the list of lessons, or the lesson being followed with
//! its steps (what to do, commands to click into the terminal, hints) and
//! each check lit when the simulation shows it done.

use super::state::{Action, Page};
use super::storage;
use crate::i18n::{Lang, Text};
use crate::lessons::{self, Progress};
use crate::script::parse_script;
use yew::prelude::*;

/// One step as the panel shows it.
#[derive(Debug, Clone, PartialEq)]
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

/// The lesson as the panel shows it, in the page's language.
#[derive(Debug, Clone, PartialEq)]
pub struct LessonView {
    /// Its title.
    pub title: String,
    /// What it teaches.
    pub summary: String,
    /// Its steps.
    pub steps: Vec<StepView>,
    /// The first step not done yet.
    pub current: Option<usize>,
}

/// What the panel shows.
#[derive(Properties, PartialEq)]
pub struct LessonPanelProps {
    /// The lesson followed, if any.
    pub lesson: Option<LessonView>,
    /// Every lesson: (id, title, summary, (steps done, steps)).
    pub all: Vec<(String, String, String, (usize, usize))>,
    /// The page's language.
    pub lang: Lang,
    /// Where the panel's actions go.
    pub on_action: Callback<Action>,
}

/// The lesson panel component.
#[function_component(LessonPanel)]
pub fn lesson_panel(props: &LessonPanelProps) -> Html {
    let lang = props.lang;
    let Some(lesson) = &props.lesson else {
        return html! {
            <ol class="lesson-list">
                { for props.all.iter().map(|(id, title, summary, (done, steps))| {
                    let on_action = props.on_action.clone();
                    let id = id.clone();
                    html! {
                        <li>
                            <button class="lesson-start" onclick={Callback::from(move |_: MouseEvent| on_action.emit(Action::StartLesson(id.clone())))}>
                                { title.clone() }
                            </button>
                            <span class="lesson-summary">{ summary.clone() }</span>
                            <span class={classes!("lesson-done", (done == steps).then_some("complete"))}>
                                { format!("{done}/{steps} {}", Text::StepsDone.get(lang)) }
                            </span>
                        </li>
                    }
                }) }
            </ol>
        };
    };
    let done = lesson
        .steps
        .iter()
        .filter(|s| s.checks.iter().all(|(_, p)| *p))
        .count();
    let leave = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::LeaveLesson))
    };
    html! {
        <div class="lesson" data-lesson-done={(done == lesson.steps.len()).to_string()}>
            <h3>{ lesson.title.clone() }</h3>
            <p class="lesson-summary">{ lesson.summary.clone() }</p>
            <p class="lesson-progress">
                { format!("{done}/{} {}", lesson.steps.len(), Text::StepsDone.get(lang)) }
                if done == lesson.steps.len() {
                    <strong>{ format!(" · {}", Text::LessonDone.get(lang)) }</strong>
                }
            </p>
            <ol class="lesson-steps">
                { for lesson.steps.iter().enumerate().map(|(index, step)| html! {
                    <li class={classes!("lesson-step", (lesson.current == Some(index)).then_some("current"))}>
                        <p>{ step.text.clone() }</p>
                        { for step.commands.iter().map(|command| command_button(command, lang, &props.on_action)) }
                        { for step.hints.iter().map(|hint| html! {
                            <details class="hint"><summary>{ Text::Hint.get(lang) }</summary>{ hint.clone() }</details>
                        }) }
                        <ul class="checks">
                            { for step.checks.iter().map(|(text, passed)| html! {
                                <li class={classes!("check", passed.then_some("passed"))} data-passed={passed.to_string()}>
                                    <span class="check-mark" aria-hidden="true">{ if *passed { "✓" } else { "○" } }</span>
                                    { text.clone() }
                                </li>
                            }) }
                        </ul>
                    </li>
                }) }
            </ol>
            <button class="leave" onclick={leave}>{ Text::LeaveLesson.get(lang) }</button>
        </div>
    }
}

/// The lesson followed, in the page's language, for the panel.
pub fn lesson_view(page: &Page, lang: Lang) -> Option<LessonView> {
    let state = page.lesson.as_ref()?;
    let lesson = &state.lesson;
    Some(LessonView {
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
                            state.progress.check_passed(step, index),
                        )
                    })
                    .collect(),
            })
            .collect(),
        current: state.progress.current_step(),
    })
}

/// Every lesson's id, title and summary in the page's language.
pub fn lesson_list(lang: Lang) -> Vec<(String, String, String, (usize, usize))> {
    lessons::all()
        .into_iter()
        .map(|l| {
            let progress = storage::load_progress(&l.id)
                .map(|marks| Progress::from_marks(&l, &marks))
                .unwrap_or_else(|| Progress::new(&l));
            (
                l.id.clone(),
                l.title.get(lang).to_string(),
                l.summary.get(lang).to_string(),
                progress.steps_done(),
            )
        })
        .collect()
}

/// A command to click into the terminal; a here-document runs as a pasted script.
fn command_button(command: &str, lang: Lang, on_action: &Callback<Action>) -> Html {
    let on_action = on_action.clone();
    let text = command.to_string();
    let onclick = Callback::from(move |_: MouseEvent| {
        if let Ok(steps) = parse_script(&text) {
            for step in steps {
                on_action.emit(Action::Command(step.command, step.stdin));
            }
        }
    });
    html! {
        <button class="try" title={Text::TryIt.get(lang)} {onclick}><code>{ command.to_string() }</code></button>
    }
}
