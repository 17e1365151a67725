//! The kubectl terminal: the transcript as plain text (copy-friendly), and
//! an input line after the console's prompt with history (↑/↓), Tab
//! completion, Ctrl-C to stop a stream, and pasted scripts (several lines,
//! here-documents) run command by command.

use super::state::Action;
use crate::engine::TerminalView;
use crate::i18n::{Lang, Text};
use crate::kubectl::Completion;
use crate::script::parse_script;
use crate::studio::TerminalEntry;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The id of the terminal's input, for the `/` shortcut.
pub const TERMINAL_INPUT_ID: &str = "kubectl-input";

/// What the terminal shows.
#[derive(Properties, PartialEq)]
pub struct TerminalProps {
    /// The transcript, the prompt and the commands typed so far.
    pub terminal: Rc<TerminalView>,
    /// Completes a line (Tab): the line, and where the engine's answer goes.
    pub complete: Callback<(String, Callback<Completion>)>,
    /// The page's language.
    pub lang: Lang,
    /// Where commands go.
    pub on_action: Callback<Action>,
}

/// The terminal component.
#[function_component(Terminal)]
pub fn terminal(props: &TerminalProps) -> Html {
    let input = use_node_ref();
    let transcript = use_node_ref();
    // Where ↑/↓ is in the history: `None` while editing a new line.
    let recall = use_state(|| None::<usize>);
    let candidates = use_state(Vec::<String>::new);

    // Keep the newest output in view.
    {
        let transcript = transcript.clone();
        use_effect_with(props.terminal.entries.len(), move |_| {
            if let Some(element) = transcript.cast::<web_sys::Element>() {
                element.set_scroll_top(element.scroll_height());
            }
        });
    }

    let onkeydown = {
        let input = input.clone();
        let recall = recall.clone();
        let candidates = candidates.clone();
        let terminal = props.terminal.clone();
        let on_action = props.on_action.clone();
        let complete = props.complete.clone();
        Callback::from(move |event: KeyboardEvent| {
            let Some(field) = input.cast::<HtmlInputElement>() else {
                return;
            };
            match event.key().as_str() {
                "Enter" => {
                    let line = field.value();
                    field.set_value("");
                    recall.set(None);
                    candidates.set(Vec::new());
                    if !line.trim().is_empty() {
                        on_action.emit(Action::Command(line, None));
                    }
                }
                "Tab" => {
                    event.prevent_default();
                    let asked = field.value();
                    let line = asked.clone();
                    let candidates = candidates.clone();
                    // The answer comes back a moment later: it is used only
                    // if the line is still the one asked about.
                    let answer = Callback::from(move |completion: Completion| {
                        if field.value() == asked {
                            field.set_value(&completion.line);
                            candidates.set(completion.candidates);
                        }
                    });
                    complete.emit((line, answer));
                }
                "ArrowUp" | "ArrowDown" if !terminal.history.is_empty() => {
                    let history = &terminal.history;
                    event.prevent_default();
                    let last = history.len() - 1;
                    let next = match (event.key().as_str(), *recall) {
                        ("ArrowUp", None) => Some(last),
                        ("ArrowUp", Some(at)) => Some(at.saturating_sub(1)),
                        ("ArrowDown", Some(at)) if at < last => Some(at + 1),
                        _ => None,
                    };
                    field.set_value(next.map_or("", |at| history[at].as_str()));
                    recall.set(next);
                }
                "c" if event.ctrl_key() && field.selection_start() == field.selection_end() => {
                    event.prevent_default();
                    field.set_value("");
                    on_action.emit(Action::Interrupt);
                }
                _ => {}
            }
        })
    };
    let onpaste = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: Event| {
            let Some(text) = pasted_text(&event) else {
                return;
            };
            if !text.contains('\n') {
                return;
            }
            event.prevent_default();
            if let Ok(steps) = parse_script(&text) {
                for step in steps {
                    on_action.emit(Action::Command(step.command, step.stdin));
                }
            }
        })
    };
    let focus = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            let selecting = gloo::utils::window()
                .get_selection()
                .ok()
                .flatten()
                .is_some_and(|s| !s.is_collapsed());
            if let (false, Some(field)) = (selecting, input.cast::<HtmlInputElement>()) {
                let _ = field.focus();
            }
        })
    };
    html! {
        <div class="terminal" onclick={focus}>
            <h2 class="pane-title">{ Text::Terminal.get(props.lang) }</h2>
            <pre class="transcript" ref={transcript} aria-live="polite">
                { for props.terminal.entries.iter().map(|entry| match entry {
                    TerminalEntry::Command { prompt, line } => html! {
                        <span class="command"><span class="prompt">{ prompt.clone() }</span>{ if line.is_empty() { "^C".to_string() } else { line.clone() } }{ "\n" }</span>
                    },
                    TerminalEntry::Output(text) => html! { <span class="stdout">{ text.clone() }</span> },
                    TerminalEntry::Error(text) => html! { <span class="stderr">{ text.clone() }</span> },
                }) }
            </pre>
            if !candidates.is_empty() {
                <p class="candidates">{ candidates.join("  ") }</p>
            }
            <div class="input-line">
                <span class="prompt">{ props.terminal.prompt.clone() }</span>
                <input
                    id={TERMINAL_INPUT_ID}
                    ref={input}
                    aria-label="kubectl console"
                    placeholder={Text::TerminalPlaceholder.get(props.lang)}
                    spellcheck="false"
                    autocomplete="off"
                    autocapitalize="off"
                    {onkeydown}
                    {onpaste}
                />
            </div>
        </div>
    }
}

/// The text of a paste event.
fn pasted_text(event: &Event) -> Option<String> {
    use wasm_bindgen::JsCast;
    let event = event.dyn_ref::<web_sys::ClipboardEvent>()?;
    event.clipboard_data()?.get_data("text/plain").ok()
}
