// The animated pod in headless Chromium, through the page's test contract
// (data-container/-kind/-state/-reason, aria labels, ?example=, ?t=,
// ?autoplay=): every example reaches its expected state, myapp-pod starts
// once its Services are applied from the terminal, pod-test1 counts down its
// back-off, scrubbing back and forth gives the same picture, and the page has
// no WCAG A/AA violation. Screenshots at 1280×800 and 390×844, light and dark,
// go to target/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { shots, open, containers, typeCommand } from './harness.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/// Each example at a time, and the states its containers must be in then.
const examples = [
  ['my-podzz', 30, { producer: 'running/Running', consumer: 'running/Running' }],
  ['my-podz', 60, { 'nginx-demoz': 'running/Running', 'java-demoz': 'running/Running' }],
  ['myapp-pod', 30, { 'init-myservice': 'running/Running', 'init-mydb': 'waiting/PodInitializing', 'myapp-container': 'waiting/PodInitializing' }],
  ['pod-test1', 60, { nginx: 'waiting/CrashLoopBackOff' }],
  ['static-web', 30, { web: 'running/Running' }],
  ['emptydir-redis', 30, { 'emptydir-redis': 'running/Running' }],
  ['hostpath-demo', 30, { nginx: 'running/Running' }],
  ['nfs-demo', 30, { nginx: 'running/Running' }],
  ['reference-pod', 30, { web: 'running/Running' }],
  ['port-clash', 60, { web: 'running/Running', 'web-again': 'waiting/CrashLoopBackOff' }],
  ['image-typo', 60, { web: 'waiting/ImagePullBackOff' }],
  ['native-sidecar', 30, { 'log-tailer': 'running/Running', app: 'running/Running' }],
  ['share-process-namespace', 30, { nginx: 'running/Running', shell: 'running/Running' }],
];

test('every example loads and reaches its expected state', async () => {
  for (const [id, seconds, expected] of examples) {
    const { context, page, errors } = await open(`?example=${id}&t=${seconds}&lang=en`);
    await page.waitForFunction((s) => document.querySelector('[data-testid="clock"]')?.textContent === `${s}s`, seconds);
    const seen = await containers(page);
    assert.equal(seen.pause.state, 'running', `${id}: pause`);
    for (const [name, want] of Object.entries(expected)) {
      const got = seen[name] && `${seen[name].state}/${seen[name].reason}`;
      assert.equal(got, want, `${id}: ${name}`);
    }
    assert.deepEqual(errors, [], id);
    await context.close();
  }
});

test('the producer writes, the consumer reads, and its log shows the numbers', async () => {
  const { context, page } = await open('?example=my-podzz&t=20&lang=en');
  const kinds = await containers(page);
  assert.equal(kinds.producer.kind, 'app');
  assert.match(await page.locator('[data-volume="shared-volume"] .volume-file').textContent(), /^hello · \d+ B · \d+$/);
  await page.getByRole('tab', { name: 'Logs' }).click();
  const log = await page.locator('[data-log="consumer"] pre').textContent();
  assert.match(log, /^1\n2\n3\n/);
  assert.match(await page.locator('.narration').textContent(), /producer writes into volume shared-volume/);
  await context.close();
});

test('myapp-pod waits in Init:0/2 until the Services are applied from the terminal', async () => {
  const { context, page } = await open('?example=myapp-pod&t=20&lang=en');
  assert.match(await page.locator('svg .pod-title').textContent(), /Init:0\/2/);
  assert.equal((await containers(page))['init-myservice'].kind, 'init');
  await typeCommand(page, 'kubectl apply -f myservice.yaml');
  await typeCommand(page, 'kubectl apply -f mydb.yaml');
  await page.waitForFunction(() => document.querySelector('.transcript').textContent.includes('service/mydb created'));
  await page.getByLabel('Step').click();
  await page.getByLabel('Time').fill('60000');
  await page.waitForFunction(() => document.querySelector('[data-container="myapp-container"]')?.dataset.state === 'running');
  assert.match(await page.locator('svg .pod-title').textContent(), /Running/);
  const seen = await containers(page);
  assert.equal(seen['init-myservice'].reason, 'Completed');
  await context.close();
});

test('pod-test1 counts down its back-off', async () => {
  const { context, page } = await open('?example=pod-test1&t=45&lang=en');
  const ring = page.locator('[data-container="nginx"] .back-off');
  const left = Number(await ring.getAttribute('data-seconds-left'));
  assert.ok(left > 0 && left <= 40, `seconds left: ${left}`);
  await page.screenshot({ path: join(shots, 'crashloop.png') });
  await context.close();
});

test('scrubbing back and forth gives the same picture', async () => {
  const { context, page } = await open('?example=pod-test1&t=90&lang=en');
  const picture = () => page.locator('svg[aria-label="Pod diagram"]').evaluate((svg) => svg.outerHTML);
  const at90 = await picture();
  const scrubber = page.getByLabel('Time');
  await scrubber.fill('15000');
  await page.waitForFunction(() => document.querySelector('[data-testid="clock"]').textContent === '15s');
  assert.notEqual(await picture(), at90);
  await scrubber.fill('90000');
  await page.waitForFunction(() => document.querySelector('[data-testid="clock"]').textContent === '90s');
  assert.equal(await picture(), at90);
  await context.close();
});

test('play, pause and step move the virtual clock', async () => {
  const { context, page } = await open('?example=my-podzz&lang=en');
  const clock = page.getByTestId('clock');
  assert.equal(await clock.textContent(), '0s');
  await page.getByLabel('Step').click();
  // The Worker answers a moment later.
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="clock"]').dataset.millis) > 0, null, { timeout: 5000 }).catch(() => {});
  const stepped = Number(await clock.getAttribute('data-millis'));
  assert.ok(stepped > 0, 'step moves the clock');
  await page.getByLabel('Speed').selectOption({ label: '60×' });
  await page.getByLabel('Play').click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="clock"]').dataset.millis) > 5000);
  await page.getByLabel('Pause').click();
  // A slice already under way may still land: Pause holds from 100 ms on.
  await page.waitForTimeout(100);
  const paused = await clock.textContent();
  await page.waitForTimeout(300);
  assert.equal(await clock.textContent(), paused);
  await context.close();
});

test('autoplay plays from the start', async () => {
  const { context, page } = await open('?example=my-podzz&autoplay=1');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="clock"]').dataset.millis) > 0);
  assert.equal(await page.getByLabel('Pause').count(), 1);
  await context.close();
});

test('the terminal runs kubectl get pods', async () => {
  const { context, page } = await open('?example=my-podzz&t=30&lang=en');
  await typeCommand(page, 'kubectl get pods');
  const transcript = page.locator('.transcript');
  await page.waitForFunction(() => document.querySelector('.transcript').textContent.includes('NAME'));
  assert.match(await transcript.textContent(), /NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nmy-podzz\s+2\/2\s+Running\s+0\s+30s\n/);
  // History and completion.
  const input = page.getByLabel('kubectl console');
  await input.press('ArrowUp');
  assert.equal(await input.inputValue(), 'kubectl get pods');
  await input.fill('kubectl logs my');
  await input.press('Tab');
  // The engine answers a completion from its Worker, a moment later.
  await page.waitForFunction(() => document.querySelector('[aria-label="kubectl console"]').value !== 'kubectl logs my');
  assert.equal(await input.inputValue(), 'kubectl logs my-podzz ');
  await context.close();
});

test('screenshots at 1280×800 and 390×844, light and dark', async () => {
  for (const [width, height] of [[1280, 800], [390, 844]]) {
    for (const dark of [false, true]) {
      const { context, page, errors } = await open('?example=my-podzz&t=30', { width, height, dark });
      const theme = dark ? 'dark' : 'light';
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no sideways scrolling at ${width}px (${overflow}px too wide)`);
      await page.screenshot({ path: join(shots, `playground-${width}x${height}-${theme}.png`) });
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});

test('axe-core finds no WCAG A/AA violation', async () => {
  for (const dark of [false, true]) {
    const { context, page } = await open('?example=pod-test1&t=45', { dark });
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(() =>
      window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
    const violations = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    assert.deepEqual(violations, [], dark ? 'dark' : 'light');
    await context.close();
  }
});
