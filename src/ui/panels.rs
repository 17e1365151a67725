//! The panels under the terminal: the lesson, Events (as `kubectl get events`), each
//! container's log, and the pods' status (as `kubectl get pods`).

use super::lesson_panel::LessonPanel;
use super::state::Action;
use crate::engine::{LessonEntry, LessonView, Panel, Rows};
use crate::i18n::{Lang, Text};
use crate::studio::{EventRow, StatusRow};
use std::rc::Rc;
use yew::prelude::*;

/// What the panels show; only the open panel's rows are filled in.
#[derive(Properties, PartialEq)]
pub struct PanelsProps {
    /// The open panel.
    pub panel: Panel,
    /// The open panel's rows (events, each container's log, or the pods).
    pub rows: Rc<Rows>,
    /// The page's language.
    pub lang: Lang,
    /// Where switching panels goes.
    pub on_action: Callback<Action>,
    /// The lesson followed, if any (the Lesson tab).
    pub lesson: Option<Rc<LessonView>>,
    /// Every lesson, with the learner's progress (the Lesson tab's list).
    pub lessons: Rc<Vec<LessonEntry>>,
}

/// The panels component.
#[function_component(Panels)]
pub fn panels(props: &PanelsProps) -> Html {
    let lang = props.lang;
    let tab = |panel: Panel, text: Text| {
        let on_action = props.on_action.clone();
        let selected = props.panel == panel;
        html! {
            <button role="tab" aria-selected={selected.to_string()} class={classes!("tab", selected.then_some("selected"))}
                    onclick={Callback::from(move |_: MouseEvent| on_action.emit(Action::ShowPanel(panel)))}>
                { text.get(lang) }
            </button>
        }
    };
    html! {
        <div class="panels">
            <div class="tabs" role="tablist">
                { tab(Panel::Lesson, Text::Lessons) }
                { tab(Panel::Events, Text::Events) }
                { tab(Panel::Logs, Text::Logs) }
                { tab(Panel::Status, Text::Status) }
            </div>
            <div class="panel" role="tabpanel">
                // Rows of another panel (the engine has not answered the
                // switch yet) show as none.
                { match (props.panel, &*props.rows) {
                    (Panel::Lesson, _) => html! {
                        <LessonPanel lesson={props.lesson.clone()} all={props.lessons.clone()}
                                     lang={lang} on_action={props.on_action.clone()} />
                    },
                    (Panel::Events, Rows::Events(rows)) => events(rows, lang),
                    (Panel::Events, _) => events(&[], lang),
                    (Panel::Logs, Rows::Logs(rows)) => logs(rows, lang),
                    (Panel::Logs, _) => logs(&[], lang),
                    (Panel::Status, Rows::Status(rows)) => status(rows),
                    (Panel::Status, _) => status(&[]),
                } }
            </div>
        </div>
    }
}

fn events(rows: &[EventRow], lang: Lang) -> Html {
    if rows.is_empty() {
        return html! { <p class="empty">{ Text::NoEvents.get(lang) }</p> };
    }
    html! {
        <table class="events">
            <thead><tr><th>{ "LAST SEEN" }</th><th>{ "TYPE" }</th><th>{ "REASON" }</th><th>{ "OBJECT" }</th><th>{ "MESSAGE" }</th></tr></thead>
            <tbody>
                { for rows.iter().map(|row| html! {
                    <tr class={classes!((row.event_type == "Warning").then_some("warning"))}>
                        <td>{ row.last_seen.clone() }</td>
                        <td>{ row.event_type.clone() }</td>
                        <td>{ row.reason.clone() }{ if row.count > 1 { format!(" (x{})", row.count) } else { String::new() } }</td>
                        <td>{ row.object.clone() }</td>
                        <td>{ row.message.clone() }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

fn logs(logs: &[(String, String)], lang: Lang) -> Html {
    if logs.iter().all(|(_, text)| text.is_empty()) {
        return html! { <p class="empty">{ Text::NoLogs.get(lang) }</p> };
    }
    html! {
        <div class="logs">
            { for logs.iter().map(|(container, text)| html! {
                <section class="log" data-log={container.clone()}>
                    <h3>{ container.clone() }</h3>
                    <pre>{ text.clone() }</pre>
                </section>
            }) }
        </div>
    }
}

fn status(rows: &[StatusRow]) -> Html {
    html! {
        <table class="status">
            <thead><tr><th>{ "NAME" }</th><th>{ "READY" }</th><th>{ "STATUS" }</th><th>{ "RESTARTS" }</th><th>{ "AGE" }</th></tr></thead>
            <tbody>
                { for rows.iter().map(|row| html! {
                    <tr data-pod={row.name.clone()}>
                        <td>{ row.name.clone() }</td><td>{ row.ready.clone() }</td><td>{ row.status.clone() }</td>
                        <td>{ row.restarts.clone() }</td><td>{ row.age.clone() }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
