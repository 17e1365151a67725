//! The YAML editor: a plain textarea (input methods keep working) and, under
//! it, the problems in the text with their line numbers.

use crate::spec::Diagnostic;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// What the editor shows and whom it tells about edits.
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The text to show.
    pub yaml: String,
    /// Problems to list under the text.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the text holds a Pod.
    pub has_pod: bool,
    /// Called with the whole new text on every edit.
    pub on_edit: Callback<String>,
}

/// The editor component.
#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let oninput = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |event: InputEvent| {
            let textarea: HtmlTextAreaElement = event.target_unchecked_into();
            on_edit.emit(textarea.value());
        })
    };
    html! {
        <div class="editor">
            <label class="pane-title" for="yaml-editor">{ "Pod YAML" }</label>
            <textarea
                id="yaml-editor"
                class="yaml-input"
                spellcheck="false"
                autocapitalize="off"
                autocomplete="off"
                value={props.yaml.clone()}
                {oninput}
            />
            <ul class="problems" aria-live="polite">
                { for props.diagnostics.iter().map(|diagnostic| html! {
                    <li class="problem">
                        <span class="problem-line">{ format!("第 {0} 行 · line {0}", diagnostic.span.line) }</span>
                        <span class="problem-text">{ diagnostic.kind.to_string() }</span>
                    </li>
                }) }
                if props.diagnostics.is_empty() && !props.has_pod {
                    <li class="hint">{ "编辑器里没有 Pod · The editor holds no Pod (kind: Pod)" }</li>
                }
            </ul>
        </div>
    }
}
