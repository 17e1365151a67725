//! The Yew app (wasm32 only). It renders the core's state and dispatches
//! actions; it computes nothing the core could.
//!
//! One reducer at the root ([`app`]), props down, callbacks up, one component
//! per file.

mod app;
mod bridge;
mod container_card;
mod controls;
mod cssom;
mod diagram;
mod editor;
mod embed;
mod header;
mod help;
mod lesson_panel;
mod panels;
mod share_dialog;
mod splitter;
mod start;
mod state;
mod storage;
mod terminal;
mod url;
mod volume_card;

pub use app::App;
