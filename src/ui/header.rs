//! The page's header: the name, the examples menu (each with its one-line
//! description), reset, language, theme and the shortcuts overlay.

use super::state::Action;
use crate::examples::{example, EXAMPLES};
use crate::i18n::{Lang, Text};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// What the header shows.
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The page's language.
    pub lang: Lang,
    /// The current example's id.
    pub example: String,
    /// Whether the dark theme is on.
    pub dark: bool,
    /// Where the header's actions go.
    pub on_action: Callback<Action>,
}

/// The header component.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let lang = props.lang;
    let send = |action: fn() -> Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action()))
    };
    let on_example = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            on_action.emit(Action::LoadExample(select.value()));
        })
    };
    let on_lang = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::SetLang(lang.other())))
    };
    let describe = |id: &str| {
        example(id).map_or("", |e| match lang {
            Lang::Zh => e.zh,
            Lang::En => e.en,
        })
    };
    html! {
        <header class="top">
            <h1 class="brand">{ "podplay" }</h1>
            <p class="tagline">{ Text::Tagline.get(lang) }</p>
            <label class="examples">
                <span class="visually-hidden">{ Text::Examples.get(lang) }</span>
                <select aria-label="Examples" onchange={on_example}>
                    { for EXAMPLES.iter().map(|e| html! {
                        <option value={e.id} selected={e.id == props.example}>
                            { format!("{} — {}", e.id, describe(e.id)) }
                        </option>
                    }) }
                </select>
            </label>
            <p class="example-line">{ describe(&props.example) }</p>
            <div class="header-buttons">
                <button class="reset" onclick={send(|| Action::ResetExample)}>{ Text::ResetExample.get(lang) }</button>
                <button class="share" onclick={send(|| Action::Share)}>{ Text::Share.get(lang) }</button>
                <button class="lang" onclick={on_lang} lang={lang.other().tag()}>{ Text::Language.get(lang) }</button>
                <button class="theme" onclick={send(|| Action::ToggleTheme)}
                        aria-label={Text::Theme.get(lang)} title={Text::Theme.get(lang)}>
                    { if props.dark { "☀" } else { "☾" } }
                </button>
                <button class="help" onclick={send(|| Action::ToggleHelp)}
                        aria-label={Text::Help.get(lang)} title={Text::Help.get(lang)}>{ "?" }</button>
            </div>
        </header>
    }
}
