//! The Yew app (wasm32 only). It renders the core's state and dispatches
//! actions; it computes nothing the core could.
//!
//! One reducer at the root ([`app`]), props down, callbacks up, one component
//! per file.

mod app;
mod diagram;
mod editor;
mod storage;

pub use app::App;
