// Embedding (?embed=1) in headless Chromium: the demo page runs two sandboxed
// playgrounds under a strict Content-Security-Policy without one violation;
// the compact layout shows only the panes asked for and fits 600×400; &yaml=
// opens that text and nothing is saved; the postMessage bridge obeys only
// the allowed origin and reports the pod's STATUS.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { env, shots, open, LIVE_DIAGRAM } from './harness.mjs';

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
// A sandboxed iframe (no allow-same-origin) has an opaque origin: its own
// files are cross-origin to it, so the server must allow CORS.
const CORS = { 'access-control-allow-origin': '*' };

afterEach(() => {
  env.headers = {};
});

/// A fresh context that records every CSP violation, in every frame. Tall
/// enough for the whole demo: a click right after scrolling to a button below
/// two busy iframes was sometimes lost in headless Chromium.
async function strictContext(viewport = { width: 1280, height: 1400 }) {
  const context = await env.browser.newContext({ viewport });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`;
      window.top.postMessage({ type: 'test:csp', report }, '*');
      (window.cspViolations ??= []).push(report);
    });
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return { context, page, problems };
}

test('the embed demo runs two sandboxed playgrounds under a strict CSP without a violation', async () => {
  env.headers = { 'content-security-policy': STRICT_CSP, ...CORS };
  const { context, page, problems } = await strictContext();
  await page.goto(`${env.baseUrl}embed-demo.html`);
  const first = page.frameLocator('#first');
  const second = page.frameLocator('#second');
  await first.locator('svg[aria-label="Pod diagram"]').waitFor();
  await second.locator('svg[aria-label="Pod diagram"]').waitFor();
  assert.match(await first.locator('svg .pod-title').textContent(), /my-podzz/);
  assert.match(await second.locator('svg .pod-title').textContent(), /pod-test1/);
  // Styles apply inside the frames (the stylesheet passed SRI over CORS).
  assert.equal(await first.locator('.top').evaluate((top) => getComputedStyle(top).display), 'none');

  // Both report; the button runs a command in the second.
  await page.locator('#log li[data-frame="first"][data-type="podplay:state"]').first().waitFor();
  await page.locator('#log li[data-frame="second"][data-type="podplay:state"]').first().waitFor();
  await page.locator('#get-pods').click();
  await second.locator('.transcript', { hasText: 'kubectl get pods' }).waitFor();
  await second.locator('.transcript', { hasText: /NAME\s+READY\s+STATUS/ }).waitFor();
  await page.screenshot({ path: join(shots, 'embed-demo.png'), fullPage: true });

  const violations = await Promise.all(page.frames().map((frame) =>
    frame.evaluate(() => window.cspViolations ?? []).catch(() => [])));
  assert.deepEqual(violations.flat(), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('?embed=1&panes=terminal shows the diagram and the terminal only, and fits 600×400', async () => {
  env.headers = { 'content-security-policy': STRICT_CSP };
  const { context, page, errors } = await open('?embed=1&panes=terminal,nonsense&example=pod-test1&lang=en',
    { width: 600, height: 400 });
  const visible = async (selector) => page.locator(selector).first().isVisible();
  assert.equal(await visible('header.top'), false);
  assert.equal(await visible('.editor-pane'), false);
  assert.equal(await visible('.panels'), false);
  assert.equal(await visible('.terminal'), true);
  assert.equal(await visible('.narration'), true);
  assert.equal(await visible('.controls'), true);

  // Everything fits the frame: no scrolling, the narration inside it.
  const size = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
  assert.deepEqual(size, [600, 400]);
  const narration = await page.locator('.narration').boundingBox();
  assert.ok(narration.y + narration.height <= 400, `narration ends at ${narration.y + narration.height}`);

  const link = page.getByRole('link', { name: 'Open in podplay' });
  assert.equal(await link.getAttribute('target'), '_blank');
  const href = new URL(await link.getAttribute('href'), env.baseUrl);
  assert.equal(href.searchParams.get('example'), 'pod-test1');
  assert.equal(href.searchParams.get('embed'), null);
  await page.screenshot({ path: join(shots, 'embed-600x400.png') });

  // The scrubber's marks are placed through the CSSOM, not a style attribute.
  await page.getByLabel('Play').click();
  await page.waitForFunction(() => document.querySelector('.marker')?.style.left);
  assert.deepEqual(errors, []);
  await context.close();
});

test('&yaml= opens that text, and an embed saves nothing to localStorage', async () => {
  const yaml = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: from-the-address\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: ["sleep", "3600"]\n';
  const { context, page, errors } = await open(`?embed=1&panes=editor&lang=en&yaml=${encodeURIComponent(yaml)}`,
    { width: 600, height: 400 });
  assert.match(await page.locator('svg .pod-title').textContent(), /from-the-address/);
  assert.equal(await page.getByLabel('Pod YAML').inputValue(), yaml);
  const href = new URL(await page.getByRole('link', { name: 'Open in podplay' }).getAttribute('href'), env.baseUrl);
  assert.equal(href.searchParams.get('yaml'), yaml);

  await page.getByLabel('Pod YAML').fill(yaml.replace('from-the-address', 'edited'));
  await page.waitForTimeout(800);
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

/// A parent page at `parentOrigin` holding a sandboxed embed of pod-test1 that
/// allows `allowed`; it keeps every message the embed posts.
async function parentWithEmbed(parentOrigin, allowed) {
  const context = await env.browser.newContext({ viewport: { width: 900, height: 600 } });
  const page = await context.newPage();
  await page.goto(`${parentOrigin}/not-a-page`);
  const src = `${env.baseUrl}?embed=1&example=pod-test1&panes=terminal&lang=en&origin=${encodeURIComponent(allowed)}`;
  await page.evaluate((src) => {
    window.received = [];
    window.addEventListener('message', (event) => window.received.push(event.data));
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.width = 600;
    frame.height = 400;
    frame.src = src;
    document.body.append(frame);
  }, src);
  const frame = page.frameLocator('iframe');
  await frame.locator('svg[aria-label="Pod diagram"]').waitFor();
  const post = (message) => page.evaluate((message) =>
    document.querySelector('iframe').contentWindow.postMessage(message, '*'), message);
  return { context, page, frame, post };
}

test('a message from an origin not allowed is ignored; from the allowed one it runs', async () => {
  env.headers = CORS;
  const self = env.baseUrl.replace(/\/$/, '');
  const other = self.replace('127.0.0.1', 'localhost');

  // The embed trusts only `self`; the parent is `other`.
  {
    const { context, page, frame, post } = await parentWithEmbed(other, self);
    await post({ type: 'podplay:command', line: 'kubectl get pods' });
    await page.waitForTimeout(1000);
    assert.doesNotMatch(await frame.locator('.transcript').textContent(), /get pods/);
    // Nor does it tell that parent anything.
    assert.deepEqual(await page.evaluate(() => window.received), []);
    await context.close();
  }
  // The parent is the allowed origin.
  {
    const { context, page, frame, post } = await parentWithEmbed(self, self);
    await page.waitForFunction(() => window.received.some((m) => m.type === 'podplay:state'));
    const [ready] = await page.evaluate(() => window.received);
    assert.deepEqual(ready, { type: 'podplay:ready' });

    // Malformed messages are ignored; a good one runs.
    for (const bad of [null, 'podplay:play', ['podplay:play'], { type: 'podplay:command' },
      { type: 'podplay:command', line: 7 }, { type: 'podplay:command', line: 'x'.repeat(5000) },
      { type: 'podplay:command', line: 'kubectl get pods\nkubectl delete pod pod-test1' },
      { type: 'podplay:nothing', line: 'kubectl get pods' }]) {
      await post(bad);
    }
    await post({ type: 'podplay:command', line: 'kubectl get pods' });
    await frame.locator('.transcript', { hasText: /NAME\s+READY\s+STATUS/ }).waitFor();
    assert.equal((await frame.locator('.transcript').textContent()).match(/get pods/g).length, 1);

    // Play, then pause: the state follows the pod; a loaded text replaces it.
    await post({ type: 'podplay:play' });
    await frame.getByLabel('Pause').waitFor();
    await post({ type: 'podplay:pause' });
    await frame.getByLabel('Play').waitFor();
    const yaml = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: loaded\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: ["sleep", "3600"]\n';
    await post({ type: 'podplay:load', yaml });
    await frame.locator('svg .pod-title', { hasText: 'loaded' }).waitFor();
    await post({ type: 'podplay:play' });
    await page.waitForFunction(() => window.received.some((m) =>
      m.type === 'podplay:state' && m.pod === 'loaded' && m.status === 'Running'));
    const state = await page.evaluate(() => window.received.findLast((m) => m.pod === 'loaded'));
    assert.equal(state.phase, 'Running');
    assert.equal(typeof state.time, 'number');
    await context.close();
  }
});

test('the full page runs under the strict CSP too, its editor width set through the CSSOM', async () => {
  env.headers = { 'content-security-policy': STRICT_CSP };
  const { context, page, problems } = await strictContext({ width: 1280, height: 800 });
  await page.goto(`${env.baseUrl}?lang=en`);
  await page.waitForSelector(LIVE_DIAGRAM);
  assert.equal(await page.locator('.workspace').evaluate((main) => main.style.getPropertyValue('--editor-width')), '440px');
  assert.equal(await page.locator('.open-in-podplay').count(), 0);
  assert.deepEqual(await page.evaluate(() => window.cspViolations ?? []), []);
  assert.deepEqual(problems, []);
  await context.close();
});
