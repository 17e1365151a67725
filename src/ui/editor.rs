//! The YAML editor: a plain textarea (input methods keep working) over a
//! mirror layer that draws squiggles under the spans diagnostics point at,
//! and under it the problems: kubectl's words, the line, and an explanation
//! in Chinese and English. Clicking a problem selects its span in the text.

use crate::marks::mark_runs;
use crate::spec::{explain, Diagnostic, Severity};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// What the editor shows and whom it tells about edits.
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The text to show.
    pub yaml: String,
    /// Problems to underline and list.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the text holds a Pod.
    pub has_pod: bool,
    /// Called with the whole new text on every edit.
    pub on_edit: Callback<String>,
}

/// The editor component.
#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let textarea = use_node_ref();
    let mirror = use_node_ref();
    let oninput = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |event: InputEvent| {
            let textarea: HtmlTextAreaElement = event.target_unchecked_into();
            on_edit.emit(textarea.value());
        })
    };
    let onscroll = {
        let (textarea, mirror) = (textarea.clone(), mirror.clone());
        Callback::from(move |_: Event| {
            if let (Some(source), Some(target)) = (
                textarea.cast::<HtmlTextAreaElement>(),
                mirror.cast::<web_sys::Element>(),
            ) {
                target.set_scroll_top(source.scroll_top());
                target.set_scroll_left(source.scroll_left());
            }
        })
    };
    let runs = mark_runs(&props.yaml, &props.diagnostics);
    let select = |diagnostic: &Diagnostic| {
        let textarea = textarea.clone();
        let (yaml, span) = (props.yaml.clone(), diagnostic.span);
        Callback::from(move |_: MouseEvent| {
            if let Some(element) = textarea.cast::<HtmlTextAreaElement>() {
                let start = utf16_offset(&yaml, span.line, span.column);
                let end = utf16_offset(&yaml, span.end_line, span.end_column).max(start);
                let _ = element.focus();
                let _ = element.set_selection_range(start, end);
            }
        })
    };
    html! {
        <div class="editor">
            <label class="pane-title" for="yaml-editor">{ "Pod YAML" }</label>
            <div class="editor-stack">
                <pre class="yaml-mirror" ref={mirror} aria-hidden="true">
                    { for runs.into_iter().map(|run| match run.severity {
                        Some(severity) => html! {
                            <span class={classes!("squiggle", severity_class(severity))}>{ run.text }</span>
                        },
                        None => html! { { run.text } },
                    }) }
                    // A trailing newline needs a character after it to take up a line.
                    { " " }
                </pre>
                <textarea
                    id="yaml-editor"
                    class="yaml-input"
                    ref={textarea.clone()}
                    spellcheck="false"
                    autocapitalize="off"
                    autocomplete="off"
                    value={props.yaml.clone()}
                    {oninput}
                    {onscroll}
                />
            </div>
            <ul class="problems" aria-live="polite">
                { for props.diagnostics.iter().map(|diagnostic| {
                    let explanation = explain(&diagnostic.kind);
                    html! {
                        <li class={classes!("problem", severity_class(diagnostic.severity()))}
                            onclick={select(diagnostic)}>
                            <span class="problem-line">{ format!("第 {0} 行 · line {0}", diagnostic.span.line) }</span>
                            <span class="problem-text">{ diagnostic.kind.to_string() }</span>
                            <span class="problem-explain" lang="zh-CN">{ explanation.zh }</span>
                            <span class="problem-explain" lang="en">{ explanation.en }</span>
                        </li>
                    }
                }) }
                if props.diagnostics.is_empty() && !props.has_pod {
                    <li class="hint">{ "编辑器里没有 Pod · The editor holds no Pod (kind: Pod)" }</li>
                }
            </ul>
        </div>
    }
}

fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// The UTF-16 offset (what the DOM counts) of a 1-based line and column.
fn utf16_offset(text: &str, line: usize, column: usize) -> u32 {
    let mut offset = 0u32;
    for (index, content) in text.split('\n').enumerate() {
        if index + 1 == line {
            let within: u32 = content
                .chars()
                .take(column.saturating_sub(1))
                .map(|c| c.len_utf16() as u32)
                .sum();
            return offset + within;
        }
        offset += content.chars().map(|c| c.len_utf16() as u32).sum::<u32>() + 1;
    }
    offset
}
