// The playground measured in headless Debian Chromium (playwright-core).
// Prints figures for the README; asserts nothing (targets live here, never in
// timed tests). Run `node benches/browser/run.mjs` after `trunk build
// --release` (it builds the blank Yew yardstick page itself).
//
// - bytes a browser downloads on first load, gzip (goal ≤ 250 KB all in):
//   the page module and everything it needs to draw the first diagram; the
//   engine module (podplay-engine*, the simulation) is fetched after it and
//   counted apart;
// - navigation → first diagram, against a blank Yew page built with the same
//   profile in the same run (goal ≤ 2×), median of several loads; and
//   navigation → the first diagram the simulation drew (the engine loaded);
// - keystroke → updated diagram for a seed pod (goal ≤ 2 ms p95), in the
//   steady state after 150 warm-up keystrokes (reported too);
// - frame times during 60× playback of the producer/consumer pod (goal: no
//   frame over 16.7 ms).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '../..');
const blankDist = join(root, 'target/blank-dist');
execFileSync('trunk', ['build', '--release', '--dist', blankDist, join(root, 'benches/browser/blank.html')], {
  cwd: root, stdio: 'ignore',
});

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
function serve(dir) {
  const gzipped = new Map();
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    const file = join(dir, path.endsWith('/') ? 'index.html' : path);
    try {
      const body = await readFile(file);
      if (!gzipped.has(file)) gzipped.set(file, gzipSync(body, { level: 9 }));
      const zipped = gzipped.get(file);
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'content-encoding': 'gzip', 'content-length': zipped.length });
      response.end(zipped);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((ready) => server.listen(0, '127.0.0.1', () => ready({ server, url: `http://127.0.0.1:${server.address().port}/` })));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

const app = await serve(join(root, 'dist'));
const blank = await serve(blankDist);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// The engine module's files: fetched by the page after its first diagram.
const isEngine = (url) => new URL(url).pathname.startsWith('/podplay-engine');

// Each selector's first match is timed in the page itself (a mutation
// observer installed before any script runs), so the figure is when the
// diagram was in the DOM, not when the test noticed.
async function firstPaint(url, selectors) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  let bytes = 0;
  let engineBytes = 0;
  page.on('response', async (response) => {
    const length = Number((await response.allHeaders())['content-length'] ?? 0);
    if (isEngine(response.url())) engineBytes += length; else bytes += length;
  });
  await page.addInitScript((selectors) => {
    window.__seen = {};
    const look = () => {
      for (const selector of selectors) {
        if (!(selector in window.__seen) && document.querySelector(selector)) window.__seen[selector] = performance.now();
      }
    };
    new MutationObserver(look).observe(document, { childList: true, subtree: true, attributes: true });
  }, selectors);
  await page.goto(url);
  for (const selector of selectors) await page.waitForSelector(selector);
  const seen = await page.evaluate(() => window.__seen);
  await page.waitForLoadState('networkidle');
  await context.close();
  const [millis, liveMillis] = selectors.map((selector) => seen[selector]);
  return { millis, liveMillis, bytes, engineBytes };
}

const loads = 7;
const appLoads = [];
const blankLoads = [];
for (let i = 0; i < loads; i += 1) {
  appLoads.push(await firstPaint(`${app.url}?example=my-podzz`, [
    'svg[aria-label="Pod diagram"] [data-container="producer"]',
    '[data-live="true"] svg[aria-label="Pod diagram"] [data-container="producer"]',
  ]));
  blankLoads.push(await firstPaint(blank.url, ['#blank']));
}
const appFirst = median(appLoads.map((l) => l.millis));
const appLive = median(appLoads.map((l) => l.liveMillis));
const blankFirst = median(blankLoads.map((l) => l.millis));

// Keystroke → updated diagram: each edit changes the pod (a label's value),
// so the simulation reruns from zero back to the same time and the page is
// redrawn; timed from the input event to the end of the render that follows.
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
await page.goto(`${app.url}?example=my-podzz&t=30`);
await page.waitForSelector('[data-live="true"] [data-container="producer"]');
const typing = (edit, count) => page.evaluate(async ({ edit, count }) => {
  const textarea = document.querySelector('textarea[aria-label="Pod YAML"]');
  const mirror = document.querySelector('.yaml-mirror');
  const base = textarea.value;
  const times = [];
  for (let i = 0; i < count; i += 1) {
    const changed = new Promise((done) => {
      const observer = new MutationObserver(() => { observer.disconnect(); done(performance.now()); });
      observer.observe(mirror, { childList: true, subtree: true, characterData: true });
    });
    const start = performance.now();
    textarea.value = edit === 'label'
      ? base.replace('  namespace: default\n', `  namespace: default\n  labels:\n    edit: v${i}\n`)
      : `${base}# ${i}\n`;
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    times.push((await changed) - start);
    await new Promise((r) => setTimeout(r, 20));
  }
  textarea.value = base;
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
  return times;
}, { edit, count });
// The first keystrokes after load run while the browser still compiles the
// engine's hot functions with its optimizing tier; they are reported apart
// from the steady state measured after them.
const cold = await typing('label', 150);
const keystrokes = await typing('label', 100);
// A comment changes no object, so the run is kept: what is left is drawing.
const drawing = await typing('comment', 100);

// Frame times at 60×.
await page.goto(`${app.url}?example=my-podzz`);
await page.waitForSelector('[data-live="true"] [data-container="producer"]');
await page.getByLabel('Speed').selectOption({ label: '60×' });
await page.getByLabel('Play').click();
const frames = await page.evaluate(() => new Promise((done) => {
  const deltas = [];
  let last = performance.now();
  const end = last + 5000;
  const frame = (now) => {
    deltas.push(now - last);
    last = now;
    if (now < end) requestAnimationFrame(frame); else done(deltas);
  };
  requestAnimationFrame(frame);
}));
await context.close();
await browser.close();
app.server.close();
blank.server.close();

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
console.log(`first load, gzip:            ${kb(appLoads[0].bytes)} (blank Yew page ${kb(blankLoads[0].bytes)}); goal ≤ 250 KB`);
console.log(`  then the engine module:    ${kb(appLoads[0].engineBytes)}`);
console.log(`navigation → first diagram:  ${appFirst.toFixed(0)} ms; blank Yew page ${blankFirst.toFixed(0)} ms; ratio ${(appFirst / blankFirst).toFixed(2)}× (median of ${loads}); goal ≤ 2×`);
console.log(`  → the simulation's diagram: ${appLive.toFixed(0)} ms (${(appLive / blankFirst).toFixed(2)}× the blank page)`);
console.log(`keystroke → diagram (t=30s): p50 ${percentile(keystrokes, 50).toFixed(2)} ms, p95 ${percentile(keystrokes, 95).toFixed(2)} ms (100 edits, steady state); goal ≤ 2 ms p95`);
console.log(`  the first 150 after load:  p50 ${percentile(cold, 50).toFixed(2)} ms, p95 ${percentile(cold, 95).toFixed(2)} ms`);
console.log(`  of which drawing (a comment, no rerun): p50 ${percentile(drawing, 50).toFixed(2)} ms, p95 ${percentile(drawing, 95).toFixed(2)} ms`);
// A frame interval is the display's refresh (16.7 ms at 60 Hz, with a little
// timer jitter); a dropped frame shows as an interval of 1.5 refreshes or more.
const dropped = frames.filter((f) => f >= 25).length;
console.log(`frames at 60× for 5 s:       ${frames.length} frames, p95 ${percentile(frames, 95).toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms, dropped (≥ 25 ms): ${dropped}; goal: none over 16.7 ms`);
