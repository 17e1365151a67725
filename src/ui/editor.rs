//! The YAML editor: a plain textarea (input methods keep working) over a
//! mirror layer that draws the syntax colours and the squiggles under the
//! spans diagnostics point at, with line numbers beside it; Tab and
//! Shift-Tab indent by two spaces (through the browser's own editing, so
//! undo keeps working). Under it the problems: kubectl's words, the line,
//! and an explanation in the page's language (both on hover). Clicking a
//! problem selects its span in the text.

use crate::engine::Problem;
use crate::i18n::{Lang, Text};
use crate::marks::mark_runs;
use crate::spec::Severity;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// The indentation Tab inserts.
const INDENT: &str = "  ";

/// What the editor shows and whom it tells about edits.
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The text to show.
    pub yaml: String,
    /// Problems to underline and list.
    pub problems: Rc<Vec<Problem>>,
    /// Whether the text holds a Pod.
    pub has_pod: bool,
    /// Whether the text has errors, so the diagram shows an older text.
    pub stale: bool,
    /// The page's language.
    pub lang: Lang,
    /// Called with the whole new text on every edit.
    pub on_edit: Callback<String>,
}

/// The editor component.
#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let textarea = use_node_ref();
    let mirror = use_node_ref();
    let gutter = use_node_ref();
    let oninput = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |event: InputEvent| {
            let textarea: HtmlTextAreaElement = event.target_unchecked_into();
            on_edit.emit(textarea.value());
        })
    };
    let onscroll = {
        let (textarea, mirror, gutter) = (textarea.clone(), mirror.clone(), gutter.clone());
        Callback::from(move |_: Event| {
            let Some(source) = textarea.cast::<HtmlTextAreaElement>() else {
                return;
            };
            if let Some(target) = mirror.cast::<web_sys::Element>() {
                target.set_scroll_top(source.scroll_top());
                target.set_scroll_left(source.scroll_left());
            }
            if let Some(target) = gutter.cast::<web_sys::Element>() {
                target.set_scroll_top(source.scroll_top());
            }
        })
    };
    let onkeydown = Callback::from(|event: KeyboardEvent| {
        if event.key() != "Tab" || event.ctrl_key() || event.alt_key() || event.meta_key() {
            return;
        }
        let textarea: HtmlTextAreaElement = event.target_unchecked_into();
        event.prevent_default();
        indent(&textarea, event.shift_key());
    });
    let runs = mark_runs(&props.yaml, &props.problems);
    let line_count = props.yaml.split('\n').count();
    let gutter_text: String = (1..=line_count).map(|n| format!("{n}\n")).collect();
    let lang = props.lang;
    let select = |problem: &Problem| {
        let textarea = textarea.clone();
        let (yaml, span) = (props.yaml.clone(), problem.span);
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
                <pre class="line-numbers" ref={gutter} aria-hidden="true">{ gutter_text }</pre>
                <pre class="yaml-mirror" ref={mirror} aria-hidden="true">
                    { for runs.into_iter().map(|run| match run.severity {
                        Some(severity) => html! {
                            <span class={classes!(run.token.class(), "squiggle", severity_class(severity))}>{ run.text }</span>
                        },
                        None => html! { <span class={run.token.class()}>{ run.text }</span> },
                    }) }
                    // A trailing newline needs a character after it to take up a line.
                    { " " }
                </pre>
                <textarea
                    id="yaml-editor"
                    class="yaml-input"
                    aria-label="Pod YAML"
                    wrap="off"
                    ref={textarea.clone()}
                    {onkeydown}
                    spellcheck="false"
                    autocapitalize="off"
                    autocomplete="off"
                    value={props.yaml.clone()}
                    {oninput}
                    {onscroll}
                />
            </div>
            <ul class="problems" aria-live="polite">
                { for props.problems.iter().map(|problem| {
                    let explanation = &problem.explanation;
                    let (line_text, shown) = match lang {
                        Lang::Zh => (format!("第 {} 行", problem.span.line), explanation.zh.clone()),
                        Lang::En => (format!("line {}", problem.span.line), explanation.en.clone()),
                    };
                    html! {
                        <li class={classes!("problem", severity_class(problem.severity))}
                            data-line={problem.span.line.to_string()}
                            title={format!("{}\n{}", explanation.zh, explanation.en)}
                            onclick={select(problem)}>
                            <span class="problem-line">{ line_text }</span>
                            <span class="problem-text">{ problem.message.clone() }</span>
                            <span class="problem-explain">{ shown }</span>
                        </li>
                    }
                }) }
                if props.stale {
                    <li class="hint">{ Text::EditorHasErrors.get(lang) }</li>
                }
                if props.problems.is_empty() && !props.has_pod {
                    <li class="hint">{ Text::NoPodToDraw.get(lang) }</li>
                }
            </ul>
        </div>
    }
}

/// Indents (or, with `outdent`, unindents) the selected lines by two
/// spaces; with no selection, Tab inserts two spaces. The change goes
/// through `insertText`, so the browser's undo sees it.
fn indent(textarea: &HtmlTextAreaElement, outdent: bool) {
    let value = textarea.value();
    let units: Vec<u16> = value.encode_utf16().collect();
    let start = textarea.selection_start().ok().flatten().unwrap_or(0) as usize;
    let end = textarea.selection_end().ok().flatten().unwrap_or(0) as usize;
    if start == end && !outdent {
        insert_text(textarea, INDENT);
        return;
    }
    let newline = u16::from(b'\n');
    let line_start = units[..start.min(units.len())]
        .iter()
        .rposition(|u| *u == newline)
        .map_or(0, |p| p + 1);
    let end = end.min(units.len());
    let block = String::from_utf16_lossy(&units[line_start..end]);
    let changed: Vec<String> = block
        .split('\n')
        .map(|line| {
            if outdent {
                line.strip_prefix(INDENT)
                    .or_else(|| line.strip_prefix(' '))
                    .unwrap_or(line)
                    .to_string()
            } else {
                format!("{INDENT}{line}")
            }
        })
        .collect();
    let changed = changed.join("\n");
    let _ = textarea.set_selection_range(line_start as u32, end as u32);
    insert_text(textarea, &changed);
    let new_end = line_start + changed.encode_utf16().count();
    let _ = textarea.set_selection_range(line_start as u32, new_end as u32);
}

/// Replaces the selection with `text` as typing would (undoable), falling
/// back to setting the value where `execCommand` is missing.
fn insert_text(textarea: &HtmlTextAreaElement, text: &str) {
    let document = gloo::utils::document();
    let inserted = document
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|html| {
            html.exec_command_with_show_ui_and_value("insertText", false, text)
                .ok()
        })
        .unwrap_or(false);
    if !inserted {
        let _ = textarea.set_range_text(text);
        if let Ok(event) = web_sys::Event::new("input") {
            let _ = textarea.dispatch_event(&event);
        }
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
