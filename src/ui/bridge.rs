//! The page's line to the engine module (`crate::engine`): loads it after
//! the first diagram, queues what the page asks before it is there, and
//! carries each request and update across as postcard bytes.

use crate::engine::{decode, encode, enqueue, Reply, Request, Update};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/ui/engine_loader.js")]
extern "C" {
    #[wasm_bindgen(js_name = loadEngine)]
    fn load_engine(script: &str, wasm: &str, done: &JsValue);

    #[wasm_bindgen(catch, js_name = callEngine)]
    fn call_engine(request: &[u8]) -> Result<Vec<u8>, JsValue>;
}

/// The engine's script and wasm, as Trunk names them in `dist/`.
const ENGINE_SCRIPT: &str = "./podplay-engine.js";
const ENGINE_WASM: &str = "./podplay-engine_bg.wasm";

/// Where the engine is.
enum Line {
    /// Not loaded yet: the requests to send once it is, in order.
    Waiting(Vec<Request>),
    /// Loaded: requests go straight through.
    Open,
    /// It could not be loaded.
    Down,
}

thread_local! {
    static LINE: RefCell<Line> = const { RefCell::new(Line::Waiting(Vec::new())) };
}

/// Starts loading the engine; `done(true)` when it answers, `done(false)`
/// if it could not be loaded.
pub fn load(done: impl FnOnce(bool) + 'static) {
    let done = Closure::once_into_js(done);
    load_engine(ENGINE_SCRIPT, ENGINE_WASM, &done);
}

/// Sends a request: its update, or `None` while the engine is not there
/// (the request then waits for [`open`]).
pub fn send(request: Request) -> Option<Update> {
    LINE.with(|line| match &mut *line.borrow_mut() {
        Line::Waiting(queue) => {
            enqueue(queue, request);
            None
        }
        Line::Open => call(&request),
        Line::Down => None,
    })
}

/// Asks something that changes nothing in the run (a completion, a share
/// fragment, the lesson list): only the reply is wanted, since the update
/// of such a request carries nothing new. `None` while the engine is not there.
pub fn ask(request: Request) -> Option<Reply> {
    let open = LINE.with(|line| matches!(&*line.borrow(), Line::Open));
    open.then(|| call(&request))
        .flatten()
        .map(|update| update.reply)
}

/// The engine is loaded (`true`) or will not be: sends the requests that
/// waited and returns their updates, in order.
pub fn open(loaded: bool) -> Vec<Update> {
    let waiting = LINE.with(|line| {
        let next = if loaded { Line::Open } else { Line::Down };
        match std::mem::replace(&mut *line.borrow_mut(), next) {
            Line::Waiting(queue) => queue,
            _ => Vec::new(),
        }
    });
    if !loaded {
        return Vec::new();
    }
    waiting.iter().filter_map(call).collect()
}

/// One request through the engine.
fn call(request: &Request) -> Option<Update> {
    let bytes = call_engine(&encode(request)).ok()?;
    decode(&bytes)
}
