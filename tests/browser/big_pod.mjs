// A valid pod of about 1 MB (one container with 16,000 env variables), for
// typing in a long document: keystroke.test.mjs and benches/browser/run.mjs.

/// The pod's YAML; `entries` env variables of about 66 bytes each.
export function bigPod(entries = 16000) {
  const lines = [
    'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: big', 'spec:', '  containers:',
    '  - name: app', '    image: busybox:1.36', "    command: [sh, -c, 'sleep 3600']", '    env:',
  ];
  for (let i = 0; i < entries; i += 1) {
    const n = String(i).padStart(5, '0');
    lines.push(`    - name: SETTING_${n}`, `      value: "value number ${n} of the big pod"`);
  }
  return `${lines.join('\n')}\n`;
}

/// Replaces the editor's text as a paste would, and waits until the
/// simulation draws the big pod's container.
export async function loadBigPod(page, text, diagram) {
  await page.locator('textarea[aria-label="Pod YAML"]').evaluate((textarea, text) => {
    textarea.value = text;
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await page.waitForSelector(`${diagram} [data-container="app"]`, { timeout: 60000 });
}
