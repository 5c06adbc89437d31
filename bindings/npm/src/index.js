// ocop for browsers and bundlers. The WebAssembly and both editions' data are inside this
// JavaScript (gzip, as base64), so there is no file to serve and no bundler setting: the module
// is ready once the import resolves (top-level await). Each edition is decoded at its first use.
// `ready` and `init()` are there for code shared with `ocop/slim`.
import rules2026 from './editions/26-2026.js';
import labels2026 from './editions/26-2026.labels.js';
import rules2023 from './editions/148-2023.js';
import labels2023 from './editions/148-2023.labels.js';
import { instantiateEmbedded } from './load.js';
import wasm from './wasm/embedded.js';
import * as glue from './wasm/ocop_wasm.js';

export * from './wasm/ocop_wasm.js';

/** Resolves once the module is loaded (already so when this entry's import has resolved). */
export const ready = instantiateEmbedded(glue, wasm, [rules2026, labels2026, rules2023, labels2023]);
await ready;

/**
 * Nothing left to do: the module loaded on import. Returns `ready`; any argument is ignored.
 * @returns {Promise<void>}
 */
export function init() {
  return ready;
}

export default init;
