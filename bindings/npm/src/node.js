// ocop for Node, Deno, Bun and server bundles (Next.js, Vite SSR): the embedded WebAssembly and
// editions' data are inflated and instantiated synchronously on import, so `require('ocop')`
// works too, and no file is read at run time (a bundler that moves this file cannot break it).
// Each edition is decoded at its first use.
import { Buffer } from 'node:buffer';
import { gunzipSync } from 'node:zlib';

import rules2026 from './editions/26-2026.js';
import labels2026 from './editions/26-2026.labels.js';
import rules2023 from './editions/148-2023.js';
import labels2023 from './editions/148-2023.labels.js';
import wasm from './wasm/embedded.js';
import { initSync, loadEditionData } from './wasm/ocop_wasm.js';

const inflate = (text) => gunzipSync(Buffer.from(text, 'base64'));
initSync({ module: inflate(wasm) });
for (const file of [rules2026, labels2026, rules2023, labels2023]) loadEditionData(inflate(file));

export * from './wasm/ocop_wasm.js';

/** Already resolved: the module loaded on import. */
export const ready = Promise.resolve();

/**
 * Nothing to do (the module loaded on import); there for code shared with browsers.
 * @returns {Promise<void>}
 */
export function init() {
  return ready;
}

export default init;
