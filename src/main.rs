//! The web entry point: on wasm32 it mounts the Yew app into the page that
//! Trunk builds from `index.html`. Natively there is nothing to show, so it
//! points at the native program instead.

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<podplay::ui::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!(
        "podplay-web is the browser app: serve it with scripts/serve.sh (see README.md). \
         The native program is `podplay run SCRIPT`."
    );
    std::process::ExitCode::from(2)
}
