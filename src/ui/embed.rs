//! Embedding the playground in other pages (`?embed=1`): what the address
//! asks for (which panes, a YAML text, which parent origins may talk to it),
//! the small "open in podplay" link, and the postMessage bridge.
//!
//! The bridge, both ways:
//! - from the parent: `{type: "podplay:load", yaml}` (the editor's text, as if
//!   typed: validated the same way), `{type: "podplay:command", line}` (a line
//!   typed into the terminal), `{type: "podplay:play"}`, `{type: "podplay:pause"}`;
//! - to the parent: `{type: "podplay:ready"}` once, then `{type:
//!   "podplay:state", pod, status, phase, time}` whenever the pod's STATUS
//!   (or phase, or the pod) changes; `time` is virtual seconds.
//!
//! Every message is checked: an object whose `type` is one of the four, with
//! string fields of bounded length; anything else is ignored. Messages are
//! accepted only from the origins `&origin=` lists (comma-separated), or, with
//! none listed, from the page's own origin; replies go to the first of them.
//! A sandboxed iframe without `allow-same-origin` has an opaque origin
//! (`"null"`), which is never trusted: such an embed needs `&origin=`.

use super::state::{Action, Page};
use super::storage;
use crate::examples::example;
use crate::i18n::{Lang, Text};
use crate::scene::PodScene;
use gloo::events::EventListener;
use js_sys::{JsString, Object, Reflect};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// The longest YAML a `podplay:load` or `&yaml=` may carry: the API server's
/// request limit, which the editor's parser refuses past anyway.
pub const MAX_YAML_BYTES: usize = 3 * 1024 * 1024;

/// The longest line a `podplay:command` may carry.
pub const MAX_LINE_BYTES: usize = 4 * 1024;

/// The longest YAML the "open in podplay" link carries in its address; a
/// longer text is left out (the link opens the example).
const MAX_LINK_YAML_BYTES: usize = 16 * 1024;

/// The panes an embed may show beside the diagram (`&panes=editor,terminal`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Panes {
    /// The YAML editor.
    pub editor: bool,
    /// The kubectl terminal.
    pub terminal: bool,
    /// Events, logs and status.
    pub panels: bool,
}

/// What the address asks of an embed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmbedQuery {
    /// `?embed=1`: the compact layout, no storage, the postMessage bridge.
    pub on: bool,
    /// The panes shown beside the diagram.
    pub panes: Panes,
    /// `&yaml=`: the editor's first text (embedded or not).
    pub yaml: Option<String>,
    /// The origins messages are accepted from and posted to, in order.
    pub origins: Vec<String>,
}

impl EmbedQuery {
    /// The root element's classes: `embed` and one `show-PANE` per pane.
    pub fn classes(&self) -> Classes {
        if !self.on {
            return Classes::new();
        }
        classes!(
            "embed",
            self.panes.editor.then_some("show-editor"),
            self.panes.terminal.then_some("show-terminal"),
            self.panes.panels.then_some("show-panels"),
        )
    }
}

thread_local! {
    static QUERY: Rc<EmbedQuery> = Rc::new(read_query());
}

/// The embed part of the page's address, read once. An embedded page turns
/// storage off before anything could read or write it.
pub fn query() -> Rc<EmbedQuery> {
    QUERY.with(Rc::clone)
}

fn read_query() -> EmbedQuery {
    let Some(params) = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
    else {
        return EmbedQuery::default();
    };
    let on = params.get("embed").as_deref() == Some("1");
    if on {
        storage::turn_off();
    }
    let own = own_origin();
    let listed = params
        .get("origin")
        .map_or_else(Vec::new, |list| origins(&list));
    EmbedQuery {
        on,
        panes: params
            .get("panes")
            .map_or_else(Panes::default, |list| panes(&list)),
        yaml: params
            .get("yaml")
            .filter(|yaml| yaml.len() <= MAX_YAML_BYTES),
        origins: if listed.is_empty() {
            own.into_iter().collect()
        } else {
            listed
        },
    }
}

/// `editor,terminal` → the panes named; unknown names are ignored.
fn panes(list: &str) -> Panes {
    let mut panes = Panes::default();
    for name in list.split(',').map(str::trim) {
        match name {
            "editor" => panes.editor = true,
            "terminal" => panes.terminal = true,
            "panels" => panes.panels = true,
            _ => {}
        }
    }
    panes
}

/// The well-formed origins of a comma list, as browsers write them
/// (`https://docs.example.org`, `http://127.0.0.1:8080`: scheme, host and
/// port, no path). A trailing `/` is dropped; anything else is ignored,
/// `null` and `*` included.
fn origins(list: &str) -> Vec<String> {
    list.split(',')
        .map(|origin| origin.trim().trim_end_matches('/').to_ascii_lowercase())
        .filter(|origin| {
            let rest = origin
                .strip_prefix("https://")
                .or_else(|| origin.strip_prefix("http://"));
            rest.is_some_and(|host| {
                !host.is_empty()
                    && host.chars().all(|c| {
                        c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']')
                    })
            })
        })
        .collect()
}

/// The page's own origin, unless it is opaque (a sandboxed iframe's `"null"`).
fn own_origin() -> Option<String> {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .filter(|origin| origin != "null")
}

/// A message from the parent, checked.
#[derive(Debug, PartialEq)]
enum Message {
    Load(String),
    Command(String),
    Play,
    Pause,
}

/// The message `data` is, if it is one: an object with a known string `type`
/// and its fields, each a string within its bound.
fn read_message(data: &JsValue) -> Option<Message> {
    if !data.is_object() || js_sys::Array::is_array(data) {
        return None;
    }
    let field = |name: &str, limit: usize| -> Option<String> {
        let value = Reflect::get(data, &JsValue::from_str(name)).ok()?;
        // Check the length before copying the text out of JavaScript: a
        // UTF-16 unit is at least one byte of UTF-8.
        let text = value.dyn_ref::<JsString>()?;
        if text.length() as usize > limit {
            return None;
        }
        String::from(text).into()
    };
    let message = match field("type", 32)?.as_str() {
        "podplay:load" => Message::Load(field("yaml", MAX_YAML_BYTES)?),
        "podplay:command" => Message::Command(field("line", MAX_LINE_BYTES)?),
        "podplay:play" => Message::Play,
        "podplay:pause" => Message::Pause,
        _ => return None,
    };
    match &message {
        Message::Load(yaml) if yaml.len() > MAX_YAML_BYTES => None,
        Message::Command(line) if line.len() > MAX_LINE_BYTES || line.contains(['\n', '\r']) => {
            None
        }
        _ => Some(message),
    }
}

/// Posts `fields` as a `podplay:…` message to the parent window, at the first
/// allowed origin. Nothing is posted from a top-level page or with no origin
/// to post to.
fn post(kind: &str, fields: &[(&str, JsValue)]) {
    let Some(target) = query().origins.first().cloned() else {
        return;
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(parent) = window.parent().ok().flatten() else {
        return;
    };
    if parent == window {
        return;
    }
    let message = Object::new();
    let _ = Reflect::set(&message, &"type".into(), &kind.into());
    for (name, value) in fields {
        let _ = Reflect::set(&message, &(*name).into(), value);
    }
    let _ = parent.post_message(&message, &target);
}

/// The postMessage bridge of an embedded page: takes the parent's messages
/// as actions and reports the pod's STATUS as it changes. Does nothing
/// unless the page is embedded.
#[hook]
pub fn use_embed_bridge(page: UseReducerHandle<Page>, scene: Option<Rc<PodScene>>) {
    let on = query().on;
    {
        let page = page.clone();
        use_effect_with((), move |_| {
            let listener = on.then(|| {
                EventListener::new(&gloo::utils::window(), "message", move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
                        return;
                    };
                    if !query()
                        .origins
                        .iter()
                        .any(|origin| *origin == event.origin())
                    {
                        return;
                    }
                    match read_message(&event.data()) {
                        Some(Message::Load(yaml)) => page.dispatch(Action::Edit(yaml)),
                        Some(Message::Command(line)) => page.dispatch(Action::Command(line, None)),
                        Some(Message::Play) => page.dispatch(Action::SetPlaying(true)),
                        Some(Message::Pause) => page.dispatch(Action::SetPlaying(false)),
                        None => {}
                    }
                })
            });
            if on {
                post("podplay:ready", &[]);
            }
            move || drop(listener)
        });
    }
    // Only the simulation's states are reported, not the outline's.
    let shown = scene.filter(|_| page.live).map(|scene| {
        (
            scene.name.clone(),
            scene.status.clone(),
            scene.phase.clone(),
        )
    });
    let seconds = page.view.clock.now as f64 / 1000.0;
    use_effect_with(shown, move |shown| {
        if let (true, Some((pod, status, phase))) = (on, shown) {
            post(
                "podplay:state",
                &[
                    ("pod", pod.into()),
                    ("status", status.into()),
                    ("phase", phase.into()),
                    ("time", seconds.into()),
                ],
            );
        }
    });
}

/// What the "open in podplay" link carries.
#[derive(Properties, PartialEq)]
pub struct OpenLinkProps {
    /// The page's language.
    pub lang: Lang,
    /// The example the text started from.
    pub example: String,
    /// The editor's text now.
    pub yaml: String,
}

/// The one piece of chrome an embed shows: a link to the full playground
/// (in a new tab) with the same example and, if changed and short enough,
/// the same text.
#[function_component(OpenLink)]
pub fn open_link(props: &OpenLinkProps) -> Html {
    let href = {
        let params = web_sys::UrlSearchParams::new().ok();
        if let Some(params) = &params {
            params.append("example", &props.example);
            let edited = example(&props.example).is_none_or(|e| e.yaml != props.yaml);
            if edited && props.yaml.len() <= MAX_LINK_YAML_BYTES {
                params.append("yaml", &props.yaml);
            }
            params.append("lang", props.lang.tag());
        }
        let path = web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_else(|| "/".to_string());
        let query = params
            .map(|p| String::from(p.to_string()))
            .unwrap_or_default();
        format!("{path}?{query}")
    };
    let text = Text::OpenInPodplay.get(props.lang);
    html! {
        <a class="open-in-podplay" href={href} target="_blank" rel="noopener">{ text }</a>
    }
}
