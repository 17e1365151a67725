//! The shortcuts overlay (`?`).

use super::state::Action;
use crate::i18n::{Lang, Text};
use yew::prelude::*;

/// What the overlay shows.
#[derive(Properties, PartialEq)]
pub struct HelpProps {
    /// The page's language.
    pub lang: Lang,
    /// Where closing goes.
    pub on_action: Callback<Action>,
}

/// The help overlay component.
#[function_component(Help)]
pub fn help(props: &HelpProps) -> Html {
    let lang = props.lang;
    let close = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::ToggleHelp))
    };
    let rows = [
        ("Space", Text::ShortcutPlay),
        ("→", Text::ShortcutStep),
        ("/", Text::ShortcutTerminal),
        ("?", Text::ShortcutHelp),
    ];
    html! {
        <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="help-title">
            <div class="overlay-card">
                <h2 id="help-title">{ Text::Shortcuts.get(lang) }</h2>
                <dl class="shortcuts">
                    { for rows.iter().map(|(key, text)| html! {
                        <>
                            <dt><kbd>{ *key }</kbd></dt>
                            <dd>{ text.get(lang) }</dd>
                        </>
                    }) }
                </dl>
                <button onclick={close}>{ Text::Close.get(lang) }</button>
            </div>
        </div>
    }
}
