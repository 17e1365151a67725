// What every browser test file shares: a static server for dist/, headless
// Debian Chromium through playwright-core, and the screenshots folder.
import { before, after } from 'node:test';
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const root = resolve(import.meta.dirname, '../..');
export const shots = join(root, 'target/screenshots');
const dist = join(root, 'dist');
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
};

/// `headers` are added to every response (a test may set a
/// Content-Security-Policy, or CORS for a sandboxed iframe).
export const env = { browser: null, baseUrl: '', headers: {} };
let server;

before(async () => {
  server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    const file = join(dist, path.endsWith('/') ? 'index.html' : path);
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        ...env.headers,
        'content-type': types[extname(file)] ?? 'application/octet-stream',
      });
      response.end(body);
    } catch {
      response.writeHead(404, env.headers).end('not found');
    }
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  env.baseUrl = `http://127.0.0.1:${server.address().port}/`;
  env.browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  await mkdir(shots, { recursive: true });
});

after(async () => {
  await env.browser?.close();
  server?.close();
});

/// The diagram once the engine module has loaded: the simulation's picture,
/// not the outline the page draws before it (src/ui/bridge.rs).
export const LIVE_DIAGRAM = '[data-live="true"] svg[aria-label="Pod diagram"]';

/// A fresh page (its own storage) at `query`, once the simulation draws it,
/// collecting page errors.
export async function open(query = '', { width = 1280, height = 800, dark = false } = {}) {
  const context = await env.browser.newContext({
    viewport: { width, height },
    colorScheme: dark ? 'dark' : 'light',
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(env.baseUrl + query);
  await page.waitForSelector(LIVE_DIAGRAM);
  return { context, page, errors };
}

/// The data-* state of every container card, by name.
export async function containers(page) {
  return page.$$eval('svg [data-container]', (cards) =>
    Object.fromEntries(cards.map((c) => [c.dataset.container, {
      kind: c.dataset.kind, state: c.dataset.state, reason: c.dataset.reason,
    }])));
}

/// Types a command into the kubectl console and presses Enter.
export async function typeCommand(page, line) {
  const input = page.getByLabel('kubectl console');
  await input.fill(line);
  await input.press('Enter');
}
