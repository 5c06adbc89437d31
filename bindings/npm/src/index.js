// ocop for browsers and bundlers. The WebAssembly is inside this JavaScript (gzip, as base64),
// so there is no file to serve and no bundler setting: the module is ready once the import
// resolves (top-level await). `ready` and `init()` are there for code shared with `ocop/slim`.
import { embeddedBytes, instantiate } from './load.js';
import initWasm from './wasm/ocop_wasm.js';
import { wasmGzipBase64 } from './wasm/embedded.js';

export * from './wasm/ocop_wasm.js';

/** Resolves once the module is loaded (already so when this entry's import has resolved). */
export const ready = instantiate(embeddedBytes(wasmGzipBase64), initWasm);
await ready;

/**
 * Nothing left to do: the module loaded on import. Returns `ready`; any argument is ignored.
 * @returns {Promise<void>}
 */
export function init() {
  return ready;
}

export default init;
