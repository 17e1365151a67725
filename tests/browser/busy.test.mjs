// Hostile pods in headless Chromium: the simulation runs in a Web Worker in
// slices, so whatever the containers do, the page's main thread has no task
// over 50 ms (the Long Tasks API), Pause stops the clock within 100 ms, the
// controls say how fast the run really goes, and a seek far ahead shows its
// progress and can be cancelled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { shots, open } from './harness.mjs';

/// Containers that never sleep: a shell loop that prints, `yes`, and a fork
/// loop (`f(){ f & f & }; f`: thousands of processes run at each virtual
/// instant, which the worker cuts into slices by a budget of steps).
const HOSTILE = `apiVersion: v1
kind: Pod
metadata:
  name: hostile
spec:
  containers:
  - name: spin
    image: busybox
    command: ["sh", "-c", "while true; do echo x; done"]
  - name: yes-loop
    image: busybox
    command: ["yes"]
  - name: forks
    image: busybox
    command: ["sh", "-c", "f(){ f & f & }; f"]
`;

const query = (extra = '') => `?lang=en${extra}&yaml=${encodeURIComponent(HOSTILE)}`;

/// Starts recording the main thread's long tasks (over 50 ms) in the page.
async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.longTasks.push(Math.round(entry.duration));
      }
    }).observe({ type: 'longtask' });
  });
}

const clockMillis = (page) =>
  page.evaluate(() => Number(document.querySelector('[data-testid="clock"]').dataset.millis));

// The fork loop runs 2,000 processes at every virtual millisecond, so the
// run goes far slower than 60× (the figure is printed); what must hold is
// that the page never waits for it and Pause answers at once.
// Measured 2026-12-07: with the fork loop the run achieves 0.0× (the
// controls say so and name `spin`), Pause answers in 14 ms and the page has
// no long task; without the fork loop it achieves 45×.
test('a hostile pod at 60× never blocks the page, says how fast it runs and why, and Pause stops it at once', async () => {
  const { context, page, errors } = await open(query());
  await watchLongTasks(page);
  await page.getByLabel('Speed').selectOption({ label: '60×' });
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(2000);
  const [from, start] = [await clockMillis(page), Date.now()];
  await page.waitForTimeout(3000);
  const achieved = (await clockMillis(page) - from) / (Date.now() - start);
  console.log(`hostile pod at 60×: the run achieves ${achieved.toFixed(1)}×`);
  const behind = achieved < 48 ? await page.locator('.behind').textContent() : null;
  await page.screenshot({ path: join(shots, 'hostile-60x.png') });

  // Pause, clicked in the page: the clock stops within 100 ms, and stays.
  const paused = await page.evaluate(async () => {
    const clock = () => Number(document.querySelector('[data-testid="clock"]').dataset.millis);
    const clicked = performance.now();
    document.querySelector('button[aria-label="Pause"]').click();
    while (!document.querySelector('button[aria-label="Play"]') && performance.now() - clicked < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const latency = performance.now() - clicked;
    const at = clock();
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { latency, at, later: clock() };
  });
  console.log(`Pause took effect after ${paused.latency.toFixed(0)} ms`);
  assert.ok(paused.latency < 100, `Pause took ${paused.latency} ms`);
  assert.equal(paused.later, paused.at, 'the clock stays where Pause stopped it');

  const longTasks = await page.evaluate(() => window.longTasks);
  console.log(`main-thread long tasks while playing: ${JSON.stringify(longTasks)}`);
  assert.deepEqual(longTasks, [], 'no main-thread task over 50 ms');
  assert.deepEqual(errors, []);
  assert.ok(achieved > 0, `the run moves (${achieved.toFixed(3)}×)`);
  if (behind !== null) {
    console.log(`the controls say: ${behind}`);
    assert.match(behind, /^running at (< )?[\d.]+×(: container \S+ never sleeps)?$/);
  }
  await context.close();
});

test('a start far ahead shows its progress and Cancel stops it where it got to', async () => {
  const { context, page, errors } = await open(query('&t=3600'));
  await watchLongTasks(page);
  const seeking = page.locator('.seeking');
  await seeking.waitFor();
  assert.match(await seeking.textContent(), /Going to 3600s/);
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(shots, 'hostile-seeking.png') });
  await seeking.getByRole('button', { name: 'Cancel' }).click();
  await seeking.waitFor({ state: 'detached', timeout: 1000 });
  const stopped = await clockMillis(page);
  assert.ok(stopped > 0 && stopped < 3_600_000, `stopped at ${stopped} ms`);
  await page.waitForTimeout(300);
  assert.equal(await clockMillis(page), stopped, 'the clock stays where Cancel stopped it');
  assert.deepEqual(await page.evaluate(() => window.longTasks), []);
  assert.deepEqual(errors, []);
  await context.close();
});
