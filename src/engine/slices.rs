//! How the engine is driven: one request at a time ([`Engine::handle`]),
//! or, in the page's worker, in slices: a request is taken
//! ([`Engine::take_bytes`]), the run is moved toward where it is heading a
//! bounded piece at a time ([`Engine::work`]) with other requests (a pause,
//! an edit) taken in between, and an update is sent whenever the worker
//! posts one ([`Engine::update_bytes`]).

use super::{decode, encode, Engine, Request, Update};
use crate::runtime::Budget;

impl Engine {
    /// An engine whose seeks, ticks and rebuilds run ahead in slices.
    pub fn in_slices() -> Engine {
        let mut engine = Engine {
            sliced: true,
            ..Engine::default()
        };
        engine.studio.sliced = true;
        engine
    }

    /// Answers one request: the run changes, then what the page must redraw.
    pub fn handle(&mut self, request: Request) -> Update {
        self.take(request);
        self.flush()
    }

    /// Answers one request packed as postcard bytes with the update packed
    /// the same way; bytes that are no request change nothing.
    pub fn handle_bytes(&mut self, request: &[u8]) -> Vec<u8> {
        self.take_bytes(request);
        self.update_bytes()
    }

    /// Takes one request packed as postcard bytes; bytes that are no
    /// request change nothing.
    pub fn take_bytes(&mut self, request: &[u8]) {
        if let Some(request) = decode::<Request>(request) {
            self.take(request);
        }
    }

    /// Whether the run is on its way somewhere ([`Engine::work`] has more to do).
    pub fn ahead(&self) -> bool {
        self.studio.goal().is_some()
    }

    /// Runs toward where the run is heading for at most `slice` virtual
    /// milliseconds and about `steps` steps of the containers' work (so a
    /// busy instant is cut too); whether there is more to do.
    pub fn work(&mut self, slice: u64, steps: u64) -> bool {
        self.studio.run_ahead(slice, Budget::steps(steps))
    }

    /// What changed since the page was last told, packed as postcard bytes.
    pub fn update_bytes(&mut self) -> Vec<u8> {
        encode(&self.flush())
    }

    /// What changed since the page was last told, with the last request's
    /// answer; the lesson is graded after a request and once a virtual
    /// second while the clock runs.
    fn flush(&mut self) -> Update {
        let second = self.studio.now().as_millis() / 1000;
        let grade = std::mem::take(&mut self.grade) || second != self.graded;
        let progress = if grade {
            self.graded = second;
            self.grade()
        } else {
            None
        };
        let reply = std::mem::take(&mut self.reply);
        self.update(reply, progress)
    }
}
