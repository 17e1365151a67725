//! The handle between the editor and the diagram: drag it (or focus it and
//! press ←/→) to give one more room than the other. It reports the wanted
//! editor width; the page applies it.

use wasm_bindgen::JsCast;
use web_sys::{Element, PointerEvent};
use yew::prelude::*;

/// How far one arrow key moves the handle, in CSS pixels.
const KEY_STEP: i32 = 24;

/// What the handle shows and whom it tells.
#[derive(Properties, PartialEq)]
pub struct SplitterProps {
    /// The editor pane's width now, in CSS pixels.
    pub width: i32,
    /// Called with the editor width the user asks for.
    pub on_resize: Callback<i32>,
}

/// The splitter component.
#[function_component(Splitter)]
pub fn splitter(props: &SplitterProps) -> Html {
    let dragging = use_state(|| false);
    let onpointerdown = {
        let dragging = dragging.clone();
        Callback::from(move |event: PointerEvent| {
            if let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) {
                let _ = target.set_pointer_capture(event.pointer_id());
            }
            dragging.set(true);
        })
    };
    let onpointermove = {
        let dragging = dragging.clone();
        let on_resize = props.on_resize.clone();
        Callback::from(move |event: PointerEvent| {
            if !*dragging {
                return;
            }
            // The editor starts at the workspace's left edge.
            let left = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|handle| handle.parent_element())
                .map_or(0.0, |workspace| workspace.get_bounding_client_rect().left());
            on_resize.emit(event.client_x() - left as i32);
        })
    };
    let onpointerup = {
        let dragging = dragging.clone();
        Callback::from(move |_: PointerEvent| dragging.set(false))
    };
    let onkeydown = {
        let (width, on_resize) = (props.width, props.on_resize.clone());
        Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
            "ArrowLeft" => on_resize.emit(width - KEY_STEP),
            "ArrowRight" => on_resize.emit(width + KEY_STEP),
            _ => {}
        })
    };
    html! {
        <div class={classes!("splitter", dragging.then_some("dragging"))} role="separator"
             aria-orientation="vertical" aria-label="Resize the editor" tabindex="0"
             aria-valuenow={props.width.to_string()} aria-valuemin="240" aria-valuemax="1200"
             {onpointerdown} {onpointermove} {onpointerup} {onkeydown} />
    }
}
