//! The page's line to the engine (`crate::engine`), which runs in a Web
//! Worker (`engine_worker.js`; on the page itself where no worker can
//! start): starts it after the first diagram, queues what the page asks
//! before it is there, and carries each request and update across as
//! postcard bytes. Nothing waits: a request is posted, and updates come
//! back as messages, to the page's `on_update`; a question (a completion,
//! a share link, the lesson list) gets its reply through a callback.

use crate::engine::{decode, encode, enqueue, Reply, Request, Update};
use std::cell::RefCell;
use std::collections::VecDeque;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/ui/engine_loader.js")]
extern "C" {
    #[wasm_bindgen(js_name = startEngine)]
    fn start_engine(host: &str, script: &str, wasm: &str, deliver: &JsValue, done: &JsValue);

    #[wasm_bindgen(js_name = postRequest)]
    fn post_request(request: &[u8]);
}

/// The engine's host script, its script and its wasm, as Trunk puts them in `dist/`.
const ENGINE_HOST: &str = "./engine_worker.js";
const ENGINE_SCRIPT: &str = "./podplay-engine.js";
const ENGINE_WASM: &str = "./podplay-engine_bg.wasm";

/// Where the engine is.
enum Line {
    /// Not started yet: the requests to send once it is, in order.
    Waiting(Vec<Request>),
    /// Started: requests go straight through.
    Open,
    /// It could not be started.
    Down,
}

/// What to do with the answer to a request sent: mirror its update, or
/// hand its reply to whoever asked (and mirror the rest of the update).
type Answer = Option<Box<dyn FnOnce(Reply)>>;

thread_local! {
    static LINE: RefCell<Line> = const { RefCell::new(Line::Waiting(Vec::new())) };
    /// One entry per request sent and not answered yet, oldest first (the
    /// engine answers in order).
    static ANSWERS: RefCell<VecDeque<Answer>> = const { RefCell::new(VecDeque::new()) };
}

/// Starts the engine: every update it sends goes to `on_update`;
/// `done(true)` when it answers, `done(false)` if it could not be started.
pub fn load(on_update: impl Fn(Update) + 'static, done: impl FnOnce(bool) + 'static) {
    let deliver = Closure::<dyn Fn(bool, Vec<u8>)>::new(move |answer: bool, bytes: Vec<u8>| {
        let Some(mut update) = decode::<Update>(&bytes) else {
            return;
        };
        let asked = answer
            .then(|| ANSWERS.with(|answers| answers.borrow_mut().pop_front()))
            .flatten()
            .flatten();
        if let Some(asked) = asked {
            asked(std::mem::take(&mut update.reply));
        }
        on_update(update);
    });
    let done = Closure::once_into_js(done);
    start_engine(
        ENGINE_HOST,
        ENGINE_SCRIPT,
        ENGINE_WASM,
        &deliver.into_js_value(),
        &done,
    );
}

/// Sends a request; its update comes back to `on_update`. A request made
/// before the engine is there waits for [`open`].
pub fn send(request: Request) {
    LINE.with(|line| match &mut *line.borrow_mut() {
        Line::Waiting(queue) => enqueue(queue, request),
        Line::Open => post(&request, None),
        Line::Down => {}
    });
}

/// Asks something that changes nothing in the run (a completion, a share
/// fragment, the lesson list): `reply` gets the answer. Whether it was
/// asked: `false` while the engine is not there (`reply` is then never called).
pub fn ask(request: Request, reply: impl FnOnce(Reply) + 'static) -> bool {
    let open = LINE.with(|line| matches!(&*line.borrow(), Line::Open));
    if open {
        post(&request, Some(Box::new(reply)));
    }
    open
}

/// The engine is there (`true`) or will not be: sends the requests that
/// waited, in order.
pub fn open(loaded: bool) {
    let waiting = LINE.with(|line| {
        let next = if loaded { Line::Open } else { Line::Down };
        match std::mem::replace(&mut *line.borrow_mut(), next) {
            Line::Waiting(queue) => queue,
            _ => Vec::new(),
        }
    });
    if loaded {
        for request in &waiting {
            post(request, None);
        }
    }
}

/// Posts one request, noting what to do with its answer.
fn post(request: &Request, answer: Answer) {
    ANSWERS.with(|answers| answers.borrow_mut().push_back(answer));
    post_request(&encode(request));
}
