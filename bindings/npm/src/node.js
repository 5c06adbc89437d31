// ocop for Node, Deno, Bun and server bundles (Next.js, Vite SSR): the embedded WebAssembly is
// inflated and instantiated synchronously on import, so `require('ocop')` works too, and no file
// is read at run time (a bundler that moves this file cannot break it).
import { Buffer } from 'node:buffer';
import { gunzipSync } from 'node:zlib';

import { initSync } from './wasm/ocop_wasm.js';
import { wasmGzipBase64 } from './wasm/embedded.js';

initSync({ module: gunzipSync(Buffer.from(wasmGzipBase64, 'base64')) });

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
