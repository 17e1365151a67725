//! The root component: one reducer (`state::Page`) for the whole page, the clock
//! that dispatches `Tick`, the keyboard shortcuts, saving the run,
//! and the layout: header, editor, diagram with its time controls, terminal
//! and panels.

use super::bridge;
use super::controls::Controls;
use super::cssom::use_style_property;
use super::diagram::PodDiagram;
use super::editor::Editor;
use super::embed::{self, use_embed_bridge, OpenLink};
use super::header::Header;
use super::help::Help;
use super::panels::Panels;
use super::share_dialog::{share_url, ShareDialog};
use super::splitter::Splitter;
use super::start::first_page;
use super::state::Action;
use super::storage;
use super::terminal::{Terminal, TERMINAL_INPUT_ID};
use super::url;
use crate::engine::{Reply, Request};
use crate::i18n::Text;
use crate::kubectl::Completion;
use crate::layout::layout_pod;
use crate::outline::{declared_pod, declared_scene};
use crate::sim::NODE_NAME;
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

/// The playground page.
#[function_component(App)]
pub fn app() -> Html {
    let page = use_reducer(first_page);
    let save_problem = use_state(|| None::<String>);
    let reduced_motion = use_memo((), |_| url::prefers_reduced_motion());
    let editor_width = use_state(|| DEFAULT_EDITOR_WIDTH);
    // Callbacks are made once (memoized on what they close over): a fresh
    // callback each render would make every child's props unequal, and so
    // redraw every component on every frame and keystroke.
    let on_resize = use_callback(editor_width.setter(), |width: i32, setter| {
        setter.set(width.clamp(MIN_EDITOR_WIDTH, MAX_EDITOR_WIDTH))
    });

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
    // The engine is started once the first diagram (the outline) is up; what
    // it sends back is dispatched as it comes.
    {
        let page = page.clone();
        use_effect_with((), move |_| {
            let updates = page.dispatcher();
            bridge::load(
                move |update| updates.dispatch(Action::Updated(Box::new(update))),
                move |loaded| page.dispatch(Action::EngineLoaded(loaded)),
            );
        });
    }
    let view = &page.view;
    // Save the run (text, commands, time) a moment after the typing stops or
    // the clock is paused (a save is a synchronous write), and the text at
    // once when the page is hidden.
    {
        let save_problem = save_problem.clone();
        let example = view.example.clone();
        let yaml = view.yaml.clone();
        let from_link = page.from_link;
        use_effect_with(
            (yaml, view.typed, view.clock.playing),
            move |(yaml, _, _)| {
                let yaml = yaml.clone();
                let timeout = (!from_link).then(|| {
                    Timeout::new(SAVE_DELAY_MILLIS, move || save(example, yaml, save_problem))
                });
                move || drop(timeout)
            },
        );
    }
    // The pagehide listener reads the text and example of the latest render.
    let latest = use_mut_ref(|| (String::new(), String::new()));
    *latest.borrow_mut() = (view.example.clone(), view.yaml.clone());
    use_effect_with(page.from_link, move |from_link| {
        let from_link = *from_link;
        let listener = EventListener::new(&gloo::utils::window(), "pagehide", move |_| {
            let (example, yaml) = &*latest.borrow();
            if !from_link {
                let _ = storage::save(example, yaml, None);
            }
        });
        move || drop(listener)
    });
    // The document follows the language and theme.
    use_effect_with((page.lang, page.dark), |(lang, dark)| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("lang", lang.tag());
            let _ = root.set_attribute("data-theme", if *dark { "dark" } else { "light" });
        }
    });

    let on_action = use_callback(page.dispatcher(), |action: Action, dispatcher| {
        dispatcher.dispatch(action)
    });
    let on_edit = use_callback(page.dispatcher(), |yaml: String, dispatcher| {
        dispatcher.dispatch(Action::Edit(yaml))
    });
    let complete = use_callback((), |(line, reply): (String, Callback<Completion>), _| {
        let unchanged = Completion {
            line: line.clone(),
            candidates: Vec::new(),
        };
        let answer = reply.clone();
        let asked = bridge::ask(Request::Complete(line), move |completion| {
            if let Reply::Completion(completion) = completion {
                answer.emit(completion);
            }
        });
        if !asked {
            reply.emit(unchanged);
        }
    });
    let lang = page.lang;
    // The lesson list is asked for once per language (and again when the
    // learner comes back to the list, for its progress), not once per frame.
    let all_lessons = use_state(|| Rc::new(Vec::new()));
    {
        let list = all_lessons.setter();
        use_effect_with(
            (lang, view.lesson.is_some(), page.panel, page.live),
            move |_| {
                let progress = storage::all_progress();
                bridge::ask(Request::Lessons { progress }, move |reply| {
                    if let Reply::Lessons(lessons) = reply {
                        list.set(Rc::new(lessons));
                    }
                });
            },
        );
    }
    // Until the engine is there, the diagram is the pod as declared.
    let outline = use_memo((view.yaml.clone(), page.live), |(yaml, live)| {
        if *live {
            return None;
        }
        let pod = declared_pod(yaml)?;
        Some((
            Rc::new(layout_pod(&pod, NODE_NAME)),
            Rc::new(declared_scene(&pod)),
        ))
    });
    let (layout, scene) = match &*outline {
        Some((layout, scene)) => (Some(layout.clone()), Some(scene.clone())),
        None => (view.layout.clone(), view.scene.clone()),
    };
    use_embed_bridge(page.clone(), scene.clone());
    let embed = embed::query();
    let workspace = use_style_property("--editor-width", format!("{}px", *editor_width));

    html! {
        <div class={classes!("page", embed.classes())}>
            if embed.on { <OpenLink lang={lang} example={view.example.clone()} yaml={view.yaml.clone()} /> }
            <Header lang={lang} example={view.example.clone()} dark={page.dark} on_action={on_action.clone()} />
            <main class="workspace" ref={workspace}>
                <section class="pane editor-pane">
                    <Editor
                        yaml={view.yaml.clone()}
                        problems={view.problems.clone()}
                        has_pod={layout.is_some()}
                        stale={view.stale}
                        lang={lang}
                        on_edit={on_edit}
                    />
                </section>
                <Splitter width={*editor_width} on_resize={on_resize} />
                <section class="pane diagram-pane" data-live={page.live.to_string()}>
                    {
                        match (layout, scene) {
                            (Some(layout), Some(scene)) => html! {
                                <PodDiagram layout={layout} scene={scene} lang={lang} reduced_motion={*reduced_motion} />
                            },
                            _ => html! { <p class="empty">{ Text::NoPodToDraw.get(lang) }</p> },
                        }
                    }
                    <Controls
                        now={view.clock.now}
                        horizon={view.clock.horizon}
                        markers={view.markers.clone()}
                        playing={view.clock.playing}
                        speed={view.clock.speed}
                        goal={view.clock.goal}
                        achieved={page.pace.behind()}
                        busiest={view.busiest.clone()}
                        live={page.live}
                        lang={lang}
                        on_action={on_action.clone()}
                    />
                </section>
                <section class="pane side-pane">
                    <Terminal
                        terminal={view.terminal.clone()}
                        complete={complete}
                        lang={lang}
                        on_action={on_action.clone()}
                    />
                    <Panels
                        panel={page.panel}
                        rows={view.rows.clone()}
                        lesson={view.lesson.clone()}
                        lessons={(*all_lessons).clone()}
                        lang={lang}
                        on_action={on_action.clone()}
                    />
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

/// Saves the editor's text and, once the engine has packed it, the whole
/// run; what went wrong goes to `problem`.
fn save(example: String, yaml: String, problem: UseStateHandle<Option<String>>) {
    let run = {
        let (example, yaml, problem) = (example.clone(), yaml.clone(), problem.clone());
        move |reply| {
            if let Reply::Fragment(fragment) = reply {
                problem.set(storage::save(&example, &yaml, Some(&fragment)).err());
            }
        }
    };
    if !bridge::ask(Request::Share, run) {
        problem.set(storage::save(&example, &yaml, None).err());
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
