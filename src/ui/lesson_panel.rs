//! The lesson panel: the list of lessons, or the lesson being followed with
//! its steps (what to do, commands to click into the terminal, hints) and
//! each check lit when the simulation shows it done.

use super::state::Action;
use crate::engine::{LessonEntry, LessonView};
use crate::i18n::{Lang, Text};
use crate::script::parse_script;
use std::rc::Rc;
use yew::prelude::*;

/// What the panel shows.
#[derive(Properties, PartialEq)]
pub struct LessonPanelProps {
    /// The lesson followed, if any.
    pub lesson: Option<Rc<LessonView>>,
    /// Every lesson, with the learner's progress.
    pub all: Rc<Vec<LessonEntry>>,
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
                { for props.all.iter().map(|entry| {
                    let on_action = props.on_action.clone();
                    let id = entry.id.clone();
                    let (done, steps) = entry.done;
                    html! {
                        <li>
                            <button class="lesson-start" onclick={Callback::from(move |_: MouseEvent| on_action.emit(Action::StartLesson(id.clone())))}>
                                { entry.title.clone() }
                            </button>
                            <span class="lesson-summary">{ entry.summary.clone() }</span>
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
