// Starts the engine of the page and carries messages to and from it (see
// src/ui/bridge.rs).
//
// Trunk builds the engine (`podplay-engine`) as an ES module and its wasm,
// and does not load them: the page starts them only after the first diagram,
// so the first load carries the page module alone. The engine runs in a
// dedicated module Worker (engine_worker.js, copied into dist by index.html);
// where no worker can start (or it cannot load the engine), the page imports
// the same host and runs the engine itself, still in slices.

let send = null;

// Starts the engine: `hostScript` is engine_worker.js, `script` and `wasm`
// the engine's files. Every message from it goes to `deliver(answer, update)`;
// `done(true)` once it answers, `done(false)` if it could not be started.
export function startEngine(hostScript, script, wasm, deliver, done) {
  const base = new URL('.', document.baseURI);
  const hostUrl = new URL(hostScript, base).href;
  const urls = { script: new URL(script, base).href, wasm: new URL(wasm, base).href };
  let settled = false;
  const settle = (started) => {
    if (!settled) {
      settled = true;
      done(started);
    }
  };
  const onThePage = () => {
    import(hostUrl)
      // Delivered after the call that posted the request has returned, as
      // a worker's message is: the page's reducer is never re-entered.
      .then((module) => module.host(urls, (message) =>
        queueMicrotask(() => deliver(message.answer, message.update))))
      .then((take) => {
        send = take;
        settle(true);
      })
      .catch(() => settle(false));
  };
  let worker;
  try {
    worker = new Worker(hostUrl, { type: 'module' });
  } catch {
    onThePage();
    return;
  }
  const fallBack = () => {
    if (!settled && send === null) {
      worker.terminate();
      onThePage();
    }
  };
  worker.onerror = fallBack;
  worker.onmessage = (event) => {
    const message = event.data;
    if ('loaded' in message) {
      if (message.loaded) {
        send = (request) => worker.postMessage(request, [request.buffer]);
        settle(true);
      } else {
        fallBack();
      }
    } else {
      deliver(message.answer, message.update);
    }
  };
  worker.postMessage({ load: urls });
}

// Sends one request (postcard bytes; a copy is made, the engine keeps it).
export function postRequest(request) {
  send(request.slice());
}
