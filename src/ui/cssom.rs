//! Inline styles without the `style` attribute. A strict Content-Security-Policy
//! (`style-src 'self'`, no `'unsafe-inline'`) refuses `style="…"` whether it
//! comes in the HTML or from `setAttribute("style", …)`, which is how Yew
//! writes a `style={…}` prop; it allows the CSSOM (`element.style.setProperty`).
//! So a computed position or width is written here, after each render.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Sets the CSS property `name` (a custom property such as `--editor-width`,
/// or `left`) to `value` on the element the returned ref is given to,
/// whenever the value changes.
#[hook]
pub fn use_style_property(name: &'static str, value: String) -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(value, move |value| {
            if let Some(element) = node.cast::<HtmlElement>() {
                let _ = element.style().set_property(name, value);
            }
        });
    }
    node
}

/// After every render, gives each child of the element the returned ref is
/// given to the `left` its `data-left` attribute names (`"12.5%"`).
#[hook]
pub fn use_left_from_data() -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect(move || {
            if let Some(parent) = node.cast::<HtmlElement>() {
                let mut next = parent.first_element_child();
                while let Some(child) = next {
                    next = child.next_element_sibling();
                    let left = child.get_attribute("data-left");
                    if let (Some(child), Some(left)) = (child.dyn_ref::<HtmlElement>(), left) {
                        let _ = child.style().set_property("left", &left);
                    }
                }
            }
        });
    }
    node
}
