// The engine's host: runs the simulation (the podplay-engine module) and
// answers the page's requests (see src/ui/bridge.rs and engine_loader.js).
//
// It runs in a dedicated module Worker, so nothing a container does can hold
// the page's main thread; where no worker can start, the page imports this
// same file and hosts the engine itself, in the same slices.
//
// A request is taken and answered at once; then the run moves toward where
// it is heading (a seek, a tick, the replay after an edit) in slices of
// about SLICE_TARGET_MS of real time, each bounded in virtual time and in
// steps of the containers' work (so even one busy virtual instant is cut),
// for at most BATCH_MS before the host looks at its inbox again (a pause or
// an edit waits no longer than that), posting what changed at most every
// POST_MS while it runs. Real time only sizes the slices: the run itself is
// the same however it is sliced.

const BATCH_MS = 8;
const POST_MS = 16;
const SLICE_TARGET_MS = 2;
// Virtual milliseconds per slice, at least and at most: a slice grown over
// an idle stretch (an image pull) must not meet busy containers at full
// size, since its size is only corrected after it has run.
const MIN_SLICE = 4;
const MAX_SLICE = 64;
// Steps of the containers' work per slice, at least and at most: a busy
// virtual instant (a fork loop's thousands of processes) is cut into pieces
// too, so no slice runs much past SLICE_TARGET_MS whatever the pod does.
const MIN_STEPS = 1000;
const MAX_STEPS = 100000;

// A slice's size scaled toward SLICE_TARGET_MS of real time after one took
// `spent` ms: at most doubled, kept within [least, most].
const resize = (size, spent, least, most) => {
  const scaled = spent > 0 ? (size * SLICE_TARGET_MS) / spent : size * 2;
  return Math.max(least, Math.min(most, Math.round(Math.min(scaled, size * 2))));
};

// Starts hosting the engine whose script and wasm are at `urls`; `post(message)`
// sends a message to the page: `{ answer, update }` (`answer`: the update
// after a request, in the order they came; otherwise progress). Resolves to
// the function that takes a request (postcard bytes).
export async function host(urls, post) {
  const engine = await import(urls.script);
  await engine.default({ module_or_path: urls.wasm });
  // Virtual milliseconds and steps per `work` call, sized to about SLICE_TARGET_MS.
  let slice = 16;
  let steps = 20000;
  let pumping = false;
  let posted = 0;
  const wake = new MessageChannel();

  const batch = () => {
    const start = performance.now();
    let more = engine.ahead();
    while (more && performance.now() - start < BATCH_MS) {
      const before = performance.now();
      more = engine.work(slice, steps);
      const spent = performance.now() - before;
      slice = resize(slice, spent, MIN_SLICE, MAX_SLICE);
      steps = resize(steps, spent, MIN_STEPS, MAX_STEPS);
    }
    return more;
  };
  const send = (answer) => {
    posted = performance.now();
    post({ answer, update: engine.update() });
  };
  const pump = () => {
    pumping = false;
    const more = batch();
    if (!more || performance.now() - posted >= POST_MS) {
      send(false);
    }
    if (more) {
      schedule();
    }
  };
  const schedule = () => {
    if (!pumping) {
      pumping = true;
      wake.port2.postMessage(null);
    }
  };
  wake.port1.onmessage = pump;

  // A request is answered at once and the work left to the pump: the page
  // ticks 60 times a second whatever the run costs, and a request that
  // waited for a batch would let the inbox grow (and a Pause wait behind it).
  return (request) => {
    engine.request(request);
    send(true);
    if (engine.ahead()) {
      schedule();
    }
  };
}

// In a worker: the first message says where the engine is, each later one
// is a request.
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  let take = null;
  const waiting = [];
  self.onmessage = (event) => {
    if (event.data && event.data.load) {
      host(event.data.load, (message) => self.postMessage(message, [message.update.buffer]))
        .then((taker) => {
          take = taker;
          self.postMessage({ loaded: true });
          waiting.splice(0).forEach(take);
        })
        .catch(() => self.postMessage({ loaded: false }));
    } else if (take) {
      take(event.data);
    } else {
      waiting.push(event.data);
    }
  };
}
