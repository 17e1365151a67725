// Typing in headless Chromium: keystrokes in a 1 MB document arrive intact
// (in the textarea, in the lines the editor draws, in the simulation), and
// nothing typed right before a reload is lost. How long a keystroke takes is
// measured in benches/browser/run.mjs, not here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { shots, open, typeCommand, LIVE_DIAGRAM } from './harness.mjs';
import { bigPod, loadBigPod } from './big_pod.mjs';

/// The lines the mirror draws, and the same lines of the textarea's text.
async function drawnAndTyped(page) {
  return page.evaluate(() => {
    const textarea = document.querySelector('textarea[aria-label="Pod YAML"]');
    const stack = document.querySelector('.editor-stack');
    const first = Number(stack.style.getPropertyValue('--first-line'));
    const drawn = document.querySelector('.yaml-mirror .lines-window').textContent.replace(/ $/, '');
    const count = drawn.split('\n').length;
    const typed = textarea.value.split('\n').slice(first, first + count).join('\n');
    const numbers = document.querySelector('.line-numbers').textContent.trim().split('\n');
    return { first, drawn, typed, numbers: [numbers[0], numbers.length] };
  });
}

test('keystrokes in a 1 MB document arrive intact in the text, the lines drawn and the simulation', async () => {
  const { context, page, errors } = await open('?lang=en');
  const text = bigPod();
  assert.ok(text.length > 1_000_000);
  await loadBigPod(page, text, LIVE_DIAGRAM);
  const editor = page.getByLabel('Pod YAML');

  // Ten keystrokes in the middle, in a value.
  const middle = text.indexOf('value number 08000');
  await editor.focus();
  await editor.evaluate((textarea, at) => textarea.setSelectionRange(at, at), middle);
  await page.keyboard.type('edited-new');
  let expected = `${text.slice(0, middle)}edited-new${text.slice(middle)}`;
  assert.equal(await editor.inputValue(), expected);
  // The editor scrolled to the caret and draws the lines there, as typed.
  await page.waitForFunction(() => Number(document.querySelector('.editor-stack').style.getPropertyValue('--first-line')) > 0);
  const shown = await drawnAndTyped(page);
  assert.ok(shown.drawn.includes('edited-newvalue number 08000'), 'the typed line is drawn');
  assert.equal(shown.drawn, shown.typed);
  assert.deepEqual(shown.numbers, [String(shown.first + 1), shown.drawn.split('\n').length]);
  await page.screenshot({ path: join(shots, 'editor-1mb.png') });

  // Ten at the top, in the container's name: the simulation draws the new name.
  const name = expected.indexOf('  - name: app') + '  - name: app'.length;
  await editor.evaluate((textarea, at) => textarea.setSelectionRange(at, at), name);
  await page.keyboard.type('-renamed1');
  expected = `${expected.slice(0, name)}-renamed1${expected.slice(name)}`;
  assert.equal(await editor.inputValue(), expected);
  await page.waitForSelector(`${LIVE_DIAGRAM} [data-container="app-renamed1"]`, { timeout: 30000 });
  const top = await drawnAndTyped(page);
  assert.equal(top.first, 0);
  assert.equal(top.drawn, top.typed);

  // Undo takes the last keystrokes back.
  await page.keyboard.press('Control+z');
  assert.notEqual(await editor.inputValue(), expected);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a command and an edit typed right before a reload are kept', async () => {
  const { context, page } = await open('?lang=en');
  const editor = page.getByLabel('Pod YAML');
  await editor.evaluate((textarea) => {
    const at = textarea.value.length;
    textarea.setSelectionRange(at, at);
  });
  await editor.focus();
  await page.keyboard.type('# kept\n');
  await typeCommand(page, 'kubectl get pods');
  // At once: neither the Worker's answer nor the save a moment later has come.
  await page.reload();
  await page.waitForSelector(LIVE_DIAGRAM);
  await page.waitForFunction(() => document.querySelector('.transcript').textContent.includes('$ kubectl get pods'));
  assert.match(await page.locator('.transcript').textContent(), /\$ kubectl get pods\nNAME/);
  assert.match(await editor.inputValue(), /# kept\n$/);
  await page.getByLabel('kubectl console').press('ArrowUp');
  assert.equal(await page.getByLabel('kubectl console').inputValue(), 'kubectl get pods');

  // A second command, then a reload: both are there, in order, once each.
  await typeCommand(page, 'kubectl get pods -o wide');
  await page.reload();
  await page.waitForSelector(LIVE_DIAGRAM);
  await page.waitForFunction(() => document.querySelector('.transcript').textContent.includes('-o wide'));
  const transcript = await page.locator('.transcript').textContent();
  assert.equal(transcript.match(/\$ kubectl get pods\n/g)?.length, 1);
  assert.equal(transcript.match(/\$ kubectl get pods -o wide\n/g)?.length, 1);
  await context.close();
});

test('a command typed on another example is not replayed after switching examples and reloading', async () => {
  const { context, page } = await open('?lang=en');
  await typeCommand(page, 'kubectl get pods');
  await page.getByLabel('Examples').selectOption({ index: 1 });
  await page.reload();
  await page.waitForSelector(LIVE_DIAGRAM);
  assert.doesNotMatch(await page.locator('.transcript').textContent(), /\$ kubectl get pods\n/);
  await context.close();
});
