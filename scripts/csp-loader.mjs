// A Trunk post_build hook (see Trunk.toml): makes dist/index.html work under a
// strict Content-Security-Policy (`script-src 'self' 'wasm-unsafe-eval';
// style-src 'self'`) and in a sandboxed iframe.
//
// 1. Trunk 0.21 always writes the wasm loader as an inline
//    `<script type="module">` (trunk-rs/trunk#288 is still open), which
//    `script-src 'self'` refuses. It is moved, unchanged, into
//    `loader-<hash>.js` beside the other files and loaded by `src`.
// 2. The stylesheet gets `crossorigin="anonymous"`: in an iframe sandboxed
//    without allow-same-origin the page's origin is opaque, so its own
//    stylesheet is cross-origin, and its SRI `integrity` can only be checked
//    over CORS (the server must send `Access-Control-Allow-Origin`, as it must
//    for the wasm and JS in that case anyway). Same-origin pages are unaffected.
//
// Trunk runs it with TRUNK_STAGING_DIR (where index.html was just written) and
// TRUNK_PUBLIC_URL; `trunk build` and `trunk serve` both run it.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? '/';
if (!staging) {
  console.error('csp-loader: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)');
  process.exit(1);
}
const path = join(staging, 'index.html');
let html = await readFile(path, 'utf8');

const inline = /<script type="module">([\s\S]*?)<\/script>/;
const found = html.match(inline);
if (!found) {
  console.error('csp-loader: no inline module loader in index.html; did Trunk change its output?');
  process.exit(1);
}
const code = found[1].trim() + '\n';
const name = `loader-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
await writeFile(join(staging, name), code);
html = html.replace(inline, `<script type="module" src="${publicUrl}${name}"></script>`);

html = html.replace(/<link rel="stylesheet"(?![^>]*crossorigin)/g, '<link rel="stylesheet" crossorigin="anonymous"');
await writeFile(path, html);
