// End-to-end test of the built page (dist/) in headless Debian Chromium, driven
// by playwright-core. It loads the playground, checks the seed pod is drawn,
// types a third container into the YAML and sees it appear, checks that the
// text survives a reload, and that a YAML error is reported with its line while
// the last good diagram stays. Screenshots go to target/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '../..');
const dist = join(root, 'dist');
const shots = join(root, 'target/screenshots');
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
};

let server;
let browser;
let baseUrl;

before(async () => {
  server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    const file = join(dist, path.endsWith('/') ? 'index.html' : path);
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  baseUrl = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  await mkdir(shots, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
});

const containerNames = (page) =>
  page.$$eval('svg .container-card', (cards) => cards.map((card) => card.dataset.name));

test('a CJK font is installed, so Chinese text renders in screenshots', () => {
  const families = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  assert.ok(families.trim().length > 0, 'no font covers Chinese: install fonts-noto-cjk');
});

test('the seed pod is drawn, a typed third container appears, and the YAML survives reload', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(baseUrl);

  await page.waitForSelector('svg .container-card');
  assert.deepEqual(await containerNames(page), ['producer', 'consumer']);
  assert.equal(await page.locator('svg .volume-card').getAttribute('data-name'), 'shared-volume');
  assert.deepEqual(
    await page.$$eval('svg .mount-path', (labels) => labels.map((label) => label.textContent)),
    ['/producer_dir', '/consumer_dir'],
  );
  assert.match(await page.locator('svg .pod-title').textContent(), /my-podzz/);
  await page.screenshot({ path: join(shots, 'playground.png'), fullPage: true });

  // Put the cursor before the `volumes:` line and type a third container.
  const editor = page.locator('#yaml-editor');
  await editor.click();
  await editor.evaluate((textarea) => {
    const at = textarea.value.indexOf('\n  volumes:');
    textarea.setSelectionRange(at, at);
  });
  await page.keyboard.type('\n  - name: sidecar\n    image: busybox:1.36\n');
  await page.waitForSelector('svg .container-card[data-name="sidecar"]');
  assert.deepEqual(await containerNames(page), ['producer', 'consumer', 'sidecar']);
  await page.screenshot({ path: join(shots, 'third-container.png'), fullPage: true });

  await page.reload();
  await page.waitForSelector('svg .container-card[data-name="sidecar"]');
  assert.match(await editor.inputValue(), /name: sidecar/);

  // Break the YAML: the problem names its line and the last good diagram stays.
  await editor.focus();
  await editor.evaluate((textarea) => {
    const at = textarea.value.indexOf('  - name: consumer');
    textarea.setSelectionRange(at, at);
  });
  await page.keyboard.type(' oops: [\n');
  await page.waitForSelector('.problem');
  const problem = await page.locator('.problem').first().textContent();
  assert.match(problem, /line 15/);
  assert.deepEqual(await containerNames(page), ['producer', 'consumer', 'sidecar']);
  await page.screenshot({ path: join(shots, 'yaml-error.png'), fullPage: true });

  assert.deepEqual(errors, []);
  await context.close();
});

test('a validation error is underlined on its line and explained beside kubectl\'s words', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.waitForSelector('svg .container-card');
  const editor = page.locator('#yaml-editor');
  const yaml = await editor.inputValue();
  await editor.fill(yaml.replace('  containers:', '  restartPolicy: Sometimes\n  containers:'));

  const problem = page.locator('.problem.error').first();
  await problem.waitFor();
  assert.match(
    await problem.locator('.problem-text').textContent(),
    /^spec\.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"$/,
  );
  assert.match(await problem.locator('.problem-line').textContent(), /line 7/);
  const explanations = await problem.locator('.problem-explain').allTextContents();
  assert.equal(explanations.length, 2);
  assert.match(explanations[0], /[\u4e00-\u9fff]/);
  assert.match(explanations[1], /one of: Always, OnFailure, Never/);

  const underlined = await page.$eval('.yaml-mirror', (mirror) => {
    const mark = mirror.querySelector('.squiggle.error');
    let before = '';
    for (const node of mirror.childNodes) {
      if (node === mark) break;
      before += node.textContent;
    }
    return { text: mark.textContent, line: before.split('\n').length };
  });
  assert.deepEqual(underlined, { text: 'Sometimes', line: 7 });

  // Clicking the problem selects the offending text in the editor.
  await problem.click();
  const selected = await editor.evaluate((t) => t.value.slice(t.selectionStart, t.selectionEnd));
  assert.equal(selected, 'Sometimes');
  await page.screenshot({ path: join(shots, 'validation-error.png'), fullPage: true });
  await context.close();
});
