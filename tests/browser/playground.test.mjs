// The editor in headless Chromium: the seed pod is drawn, a typed third
// container appears and survives a reload, a YAML error names its line while
// the running pod stays, and a validation error is underlined on its line
// and explained. Screenshots go to target/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { env, shots, open, containers } from './harness.mjs';

const names = async (page) => Object.keys(await containers(page)).filter((n) => n !== 'pause');

test('a CJK font is installed, so Chinese text renders in screenshots', () => {
  const families = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  assert.ok(families.trim().length > 0, 'no font covers Chinese: install fonts-noto-cjk');
});

test('the seed pod is drawn, a typed third container appears, and the YAML survives reload', async () => {
  const { context, page, errors } = await open('?lang=en');
  assert.deepEqual(await names(page), ['producer', 'consumer']);
  assert.equal(await page.locator('svg [data-volume]').getAttribute('data-volume'), 'shared-volume');
  assert.deepEqual(
    await page.$$eval('svg .mount-path', (labels) => labels.map((label) => label.textContent)),
    ['/producer_dir', '/consumer_dir'],
  );
  assert.match(await page.locator('svg .pod-title').textContent(), /my-podzz/);

  // Put the cursor before the `volumes:` line and type a third container.
  const editor = page.getByLabel('Pod YAML');
  await editor.click();
  await editor.evaluate((textarea) => {
    const at = textarea.value.indexOf('\n  volumes:');
    textarea.setSelectionRange(at, at);
  });
  await page.keyboard.type('\n  - name: sidecar\n    image: busybox:1.36\n    command: ["sleep", "3600"]\n');
  await page.waitForSelector('svg [data-container="sidecar"]');
  assert.deepEqual(await names(page), ['producer', 'consumer', 'sidecar']);

  await page.reload();
  await page.waitForSelector('svg [data-container="sidecar"]');
  assert.match(await editor.inputValue(), /name: sidecar/);

  // Break the YAML: the problem names its line and the running pod stays.
  await editor.focus();
  await editor.evaluate((textarea) => {
    const at = textarea.value.indexOf('  - name: consumer');
    textarea.setSelectionRange(at, at);
  });
  await page.keyboard.type(' oops: [\n');
  await page.waitForSelector('.problem');
  // The Worker answers each keystroke's text in turn: wait for the last one's.
  await page
    .waitForFunction(() => document.querySelector('.problem')?.textContent.includes('line 15'), null, { timeout: 5000 })
    .catch(() => {});
  assert.match(await page.locator('.problem').first().textContent(), /line 15/);
  assert.deepEqual(await names(page), ['producer', 'consumer', 'sidecar']);
  await page.screenshot({ path: join(shots, 'yaml-error.png'), fullPage: true });

  assert.deepEqual(errors, []);
  await context.close();
});

test('the declared pod is drawn before the simulation loads, and a failed load says so', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // The engine module never arrives: the page keeps the pod as declared.
  await page.route('**/podplay-engine_bg.wasm', (route) => route.abort());
  await page.goto(`${env.baseUrl}?example=myapp-pod&lang=en`);
  await page.waitForSelector('.notice');
  assert.match(await page.locator('.notice').textContent(), /simulator could not be loaded/);
  assert.equal(await page.locator('[data-live]').getAttribute('data-live'), 'false');
  const cards = await containers(page);
  assert.deepEqual(Object.keys(cards), ['pause', 'init-myservice', 'init-mydb', 'myapp-container']);
  assert.deepEqual(cards['init-myservice'], { kind: 'init', state: 'waiting', reason: '' });
  assert.match(await page.locator('svg .pod-title').textContent(), /Pending/);
  // The outline follows the editor while there is no simulation.
  const editor = page.getByLabel('Pod YAML');
  await editor.fill((await editor.inputValue()).replace('myapp-container', 'web'));
  await page.waitForSelector('svg [data-container="web"]');
  await context.close();
});

test('Tab indents by two spaces and undo takes it back', async () => {
  const { context, page } = await open('?lang=en');
  const editor = page.getByLabel('Pod YAML');
  const before = await editor.inputValue();
  await editor.evaluate((textarea) => textarea.setSelectionRange(0, 0));
  await editor.press('Tab');
  assert.equal(await editor.inputValue(), `  ${before}`);
  await editor.press('Shift+Tab');
  assert.equal(await editor.inputValue(), before);
  await editor.press('Tab');
  await editor.press('Control+z');
  assert.equal(await editor.inputValue(), before);
  await context.close();
});

test('a validation error is underlined on its line and explained beside kubectl\'s words', async () => {
  const { context, page } = await open('?lang=en');
  const editor = page.getByLabel('Pod YAML');
  const yaml = await editor.inputValue();
  await editor.fill(yaml.replace('  containers:', '  restartPolicy: Sometimes\n  containers:'));

  const problem = page.locator('.problem.error').first();
  await problem.waitFor();
  assert.match(
    await problem.locator('.problem-text').textContent(),
    /^spec\.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"$/,
  );
  assert.match(await problem.locator('.problem-line').textContent(), /line 7/);
  assert.match(await problem.locator('.problem-explain').textContent(), /one of: Always, OnFailure, Never/);
  assert.match(await problem.getAttribute('title'), /[\u4e00-\u9fff]/);

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
