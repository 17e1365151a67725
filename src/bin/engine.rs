//! The engine module of the web page: the simulation behind it
//! ([`podplay::engine::Engine`]), built by Trunk as a second wasm that the
//! page module loads after its first diagram. It exports one function,
//! `call`: a request in, the update out, both as postcard bytes. Natively
//! there is nothing to run, so it points at the native program instead.

#[cfg(target_arch = "wasm32")]
mod exports {
    use podplay::engine::Engine;
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;

    thread_local! {
        /// The page's one run.
        static ENGINE: RefCell<Engine> = RefCell::new(Engine::default());
    }

    /// Answers one request (postcard bytes) with the update (postcard bytes).
    #[wasm_bindgen]
    pub fn call(request: &[u8]) -> Vec<u8> {
        ENGINE.with(|engine| engine.borrow_mut().handle_bytes(request))
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!(
        "podplay-engine is the browser app's simulation module: serve the app with \
         scripts/serve.sh (see README.md). The native program is `podplay run SCRIPT`."
    );
    std::process::ExitCode::from(2)
}
