//! The root component: one reducer (`state::Page`) for the whole page, the clock
//! that dispatches `Tick`, the keyboard shortcuts, saving the run,
//! and the layout: header, editor, diagram with its time controls, terminal
//! and panels.

use super::controls::Controls;
use super::cssom::use_style_property;
use super::diagram::PodDiagram;
use super::editor::Editor;
use super::embed::{self, use_embed_bridge, OpenLink};
use super::header::Header;
use super::help::Help;
use super::lesson_panel::{lesson_list, lesson_view, LessonPanel};
use super::panels::Panels;
use super::share_dialog::{share_url, ShareDialog};
use super::splitter::Splitter;
use super::start::first_page;
use super::state::{Action, Panel};
use super::storage;
use super::terminal::Terminal;
use super::url;
use crate::i18n::Text;
use crate::studio::TICK_MILLIS;
use gloo::events::EventListener;
use gloo::timers::callback::{Interval, Timeout};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The editor pane's first width, and the least and most it may take, in CSS pixels.
const DEFAULT_EDITOR_WIDTH: i32 = 440;
const MIN_EDITOR_WIDTH: i32 = 240;
const MAX_EDITOR_WIDTH: i32 = 1200;

/// How long after the last keystroke the editor's text is saved.
const SAVE_DELAY_MILLIS: u32 = 400;

/// The id of the terminal's input, for the `/` shortcut.
pub const TERMINAL_INPUT_ID: &str = "kubectl-input";

/// The playground page.
#[function_component(App)]
pub fn app() -> Html {
    let page = use_reducer(first_page);
    let save_problem = use_state(|| None::<String>);
    let reduced_motion = use_memo((), |_| url::prefers_reduced_motion());
    let editor_width = use_state(|| DEFAULT_EDITOR_WIDTH);
    let on_resize = {
        let editor_width = editor_width.clone();
        Callback::from(move |width: i32| {
            editor_width.set(width.clamp(MIN_EDITOR_WIDTH, MAX_EDITOR_WIDTH))
        })
    };

    // The clock: an interval that only dispatches `Tick`.
    {
        let page = page.clone();
        use_effect_with((), move |_| {
            let interval = Interval::new(TICK_MILLIS as u32, move || page.dispatch(Action::Tick));
            move || drop(interval)
        });
    }
    // Keyboard shortcuts, unless the learner is typing.
    {
        let page = page.clone();
        use_effect_with((), move |_| {
            let document = gloo::utils::document();
            let listener = EventListener::new(&document, "keydown", move |event| {
                let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                if typing(event) || event.ctrl_key() || event.meta_key() || event.alt_key() {
                    return;
                }
                let action = match event.key().as_str() {
                    " " => Action::TogglePlay,
                    "ArrowRight" => Action::Step,
                    "?" => Action::ToggleHelp,
                    "/" => {
                        focus_terminal();
                        event.prevent_default();
                        return;
                    }
                    _ => return,
                };
                event.prevent_default();
                page.dispatch(action);
            });
            move || drop(listener)
        });
    }
    let studio = page.studio.borrow();
    // Save the run (text, commands, time) a moment after the typing stops (a
    // save is a synchronous write), and at once when the page is hidden.
    {
        let save_problem = save_problem.clone();
        let studio_cell = page.studio.clone();
        let example = page.example;
        let from_link = page.from_link;
        let typed = studio.commands().len();
        use_effect_with((studio.yaml.clone(), typed), move |_| {
            let timeout = (!from_link).then(|| {
                Timeout::new(SAVE_DELAY_MILLIS, move || {
                    save_problem.set(storage::save(example, &studio_cell.borrow()).err());
                })
            });
            move || drop(timeout)
        });
    }
    {
        let studio_cell = page.studio.clone();
        let example = page.example;
        use_effect_with((example, page.from_link), move |(_, from_link)| {
            let from_link = *from_link;
            let listener = EventListener::new(&gloo::utils::window(), "pagehide", move |_| {
                if !from_link {
                    let _ = storage::save(example, &studio_cell.borrow());
                }
            });
            move || drop(listener)
        });
    }
    // The document follows the language and theme.
    use_effect_with((page.lang, page.dark), |(lang, dark)| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("lang", lang.tag());
            let _ = root.set_attribute("data-theme", if *dark { "dark" } else { "light" });
        }
    });

    let dispatch = |make: fn(String) -> Action| {
        let page = page.clone();
        Callback::from(move |value: String| page.dispatch(make(value)))
    };
    let on_action = {
        let page = page.clone();
        Callback::from(move |action: Action| page.dispatch(action))
    };
    let complete = {
        let studio = page.studio.clone();
        Callback::from(move |line: String| studio.borrow().complete(&line))
    };
    let lang = page.lang;
    // Reading the lesson files once per language, not once per frame.
    // (and again when the learner comes back to the list, for its progress).
    let all_lessons = use_memo((lang, page.lesson.is_some(), page.panel), |(lang, _, _)| {
        lesson_list(*lang)
    });
    let scene = studio.scene().map(Rc::new);
    let layout = studio.layout().cloned().map(Rc::new);
    use_embed_bridge(page.clone(), scene.clone());
    let embed = embed::query();
    let workspace = use_style_property("--editor-width", format!("{}px", *editor_width));

    html! {
        <div class={classes!("page", embed.classes())}>
            if embed.on { <OpenLink lang={lang} example={page.example} yaml={studio.yaml.clone()} /> }
            <Header lang={lang} example={page.example} dark={page.dark} on_action={on_action.clone()} />
            <main class="workspace" ref={workspace}>
                <section class="pane editor-pane">
                    <Editor
                        yaml={studio.yaml.clone()}
                        diagnostics={studio.diagnostics.clone()}
                        has_pod={studio.layout().is_some()}
                        stale={studio.has_errors()}
                        lang={lang}
                        on_edit={dispatch(Action::Edit)}
                    />
                </section>
                <Splitter width={*editor_width} on_resize={on_resize} />
                <section class="pane diagram-pane">
                    {
                        match (layout, scene) {
                            (Some(layout), Some(scene)) => html! {
                                <PodDiagram layout={layout} scene={scene} lang={lang} reduced_motion={*reduced_motion} />
                            },
                            _ => html! { <p class="empty">{ Text::NoPodToDraw.get(lang) }</p> },
                        }
                    }
                    <Controls
                        now={studio.now().as_millis()}
                        horizon={studio.horizon().as_millis()}
                        markers={studio.markers()}
                        playing={studio.playing}
                        speed={studio.speed}
                        lang={lang}
                        on_action={on_action.clone()}
                    />
                </section>
                <section class="pane side-pane">
                    <Terminal
                        entries={studio.shared_terminal()}
                        prompt={studio.prompt()}
                        history={Rc::new(studio.history().map(str::to_string).collect::<Vec<_>>())}
                        complete={complete}
                        lang={lang}
                        on_action={on_action.clone()}
                    />
                    <Panels
                        panel={page.panel}
                        events={Rc::new(if page.panel == Panel::Events { studio.events() } else { Vec::new() })}
                        logs={Rc::new(if page.panel == Panel::Logs { studio.logs() } else { Vec::new() })}
                        pods={Rc::new(if page.panel == Panel::Status { studio.pods() } else { Vec::new() })}
                        lang={lang}
                        on_action={on_action.clone()}
                    >
                        <LessonPanel lesson={lesson_view(&page, lang)} all={(*all_lessons).clone()}
                                     lang={lang} on_action={on_action.clone()} />
                    </Panels>
                </section>
            </main>
            if let Some(fragment) = &page.share_link {
                <ShareDialog link={share_url(fragment)} lang={lang} on_action={on_action.clone()} />
            }
            if let Some(notice) = &page.notice {
                <div class="notice" role="alert">
                    { notice.clone() }
                    <button onclick={{ let on_action = on_action.clone(); Callback::from(move |_: MouseEvent| on_action.emit(Action::Dismiss)) }}>
                        { Text::Close.get(lang) }
                    </button>
                </div>
            }
            if page.help {
                <Help lang={lang} on_action={on_action} />
            }
            if let Some(problem) = &*save_problem {
                <footer class="notice" role="status">
                    { format!("{}{problem}", Text::SaveFailed.get(lang)) }
                </footer>
            }
        </div>
    }
}

/// Whether a key goes to a text field (the editor or the terminal).
fn typing(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|element| {
            matches!(element.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT")
        })
}

/// Puts the cursor in the terminal.
fn focus_terminal() {
    if let Some(input) = gloo::utils::document()
        .get_element_by_id(TERMINAL_INPUT_ID)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = input.focus();
    }
}
