//! The engine module of the web page: the simulation behind it
//! ([`podplay::engine::Engine`]), built by Trunk as a second wasm that runs
//! in a Web Worker (`src/ui/engine_worker.js`; on the page itself where no
//! worker can start). It exports the engine's verbs over postcard bytes:
//! `request` takes a request, `work` runs a seek or tick a bounded slice
//! further, `update` says what changed. Natively there is nothing to run,
//! so it points at the native program instead.

#[cfg(target_arch = "wasm32")]
mod exports {
    use podplay::engine::Engine;
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;

    thread_local! {
        /// The page's one run, moved ahead in slices.
        static ENGINE: RefCell<Engine> = RefCell::new(Engine::in_slices());
    }

    /// Takes one request (postcard bytes).
    #[wasm_bindgen]
    pub fn request(request: &[u8]) {
        ENGINE.with(|engine| engine.borrow_mut().take_bytes(request));
    }

    /// Runs a seek or tick at most `slice` virtual milliseconds and about
    /// `steps` steps of work further; whether there is more to do.
    #[wasm_bindgen]
    pub fn work(slice: u32, steps: u32) -> bool {
        ENGINE.with(|engine| engine.borrow_mut().work(u64::from(slice), u64::from(steps)))
    }

    /// Whether a seek or tick is on its way.
    #[wasm_bindgen]
    pub fn ahead() -> bool {
        ENGINE.with(|engine| engine.borrow().ahead())
    }

    /// What changed since the last update (postcard bytes).
    #[wasm_bindgen]
    pub fn update() -> Vec<u8> {
        ENGINE.with(|engine| engine.borrow_mut().update_bytes())
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
