//! A blank Yew page built with podplay's release profile, for the browser
//! benchmark (`benches/browser/run.mjs`): the time a bare Yew app takes to
//! show its first element is the yardstick for the playground's first diagram.

#[cfg(target_arch = "wasm32")]
fn main() {
    use yew::prelude::*;

    #[function_component(Blank)]
    fn blank() -> Html {
        html! { <p id="blank">{ "blank" }</p> }
    }

    yew::Renderer::<Blank>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("podplay-blank is a browser page for the benchmark: node benches/browser/run.mjs");
}
