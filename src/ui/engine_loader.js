// Loads the engine module of the page and calls it (see src/ui/bridge.rs).
//
// Trunk builds the engine (`podplay-engine`) as an ES module and its wasm,
// and does not load them: the page imports them only when it asks (after
// the first diagram), so the first load carries the page module alone.

let engine = null;

// Imports the engine's script, then instantiates its wasm; `done(true)`
// once it answers, `done(false)` if either could not be fetched or compiled.
export function loadEngine(script, wasm, done) {
  const base = new URL(".", document.baseURI);
  import(new URL(script, base).href)
    .then(async (module) => {
      await module.default({ module_or_path: new URL(wasm, base) });
      engine = module;
      done(true);
    })
    .catch(() => done(false));
}

// Sends one request (postcard bytes) and returns the update (postcard bytes).
export function callEngine(request) {
  return engine.call(request);
}
