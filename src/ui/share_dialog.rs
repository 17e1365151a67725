//! The share dialog: the link to this run, selected for copying.

use super::state::Action;
use crate::i18n::{Lang, Text};
use crate::share::FRAGMENT_KEY;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the dialog shows.
#[derive(Properties, PartialEq)]
pub struct ShareDialogProps {
    /// The whole link.
    pub link: String,
    /// The page's language.
    pub lang: Lang,
    /// Where closing goes.
    pub on_action: Callback<Action>,
}

/// The share dialog component.
#[function_component(ShareDialog)]
pub fn share_dialog(props: &ShareDialogProps) -> Html {
    let input = use_node_ref();
    {
        let input = input.clone();
        use_effect_with(props.link.clone(), move |_| {
            if let Some(field) = input.cast::<HtmlInputElement>() {
                let _ = field.focus();
                field.select();
            }
        });
    }
    let close = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::Dismiss))
    };
    html! {
        <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="share-title">
            <div class="overlay-card share">
                <h2 id="share-title">{ Text::Share.get(props.lang) }</h2>
                <p>{ Text::ShareTitle.get(props.lang) }</p>
                <input ref={input} class="share-link" readonly=true aria-label="Share link" value={props.link.clone()} />
                <p class="share-length">{ format!("{} characters", props.link.chars().count()) }</p>
                <button onclick={close}>{ Text::Close.get(props.lang) }</button>
            </div>
        </div>
    }
}

/// The page's address with `#share=FRAGMENT`.
pub fn share_url(fragment: &str) -> String {
    let location = gloo::utils::window().location();
    let base = location.href().unwrap_or_default();
    let base = base.split('#').next().unwrap_or_default();
    format!("{base}#{FRAGMENT_KEY}{fragment}")
}
