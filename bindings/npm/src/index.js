// ocop for browsers and bundlers. Call `await init()` once before anything else: it fetches
// and instantiates the wasm that sits next to this file (bundlers copy it as an asset through
// `new URL(…, import.meta.url)`), or the one you pass.
import initWasm from './wasm/ocop_wasm.js';

export * from './wasm/ocop_wasm.js';

/**
 * Loads the WebAssembly module once; later calls return at once.
 * @param {import('./index.d.ts').InitInput | Promise<import('./index.d.ts').InitInput>} [wasm]
 *   where to find `ocop_wasm_bg.wasm` (default: next to this file), or its bytes or module.
 * @returns {Promise<void>}
 */
export async function init(wasm) {
  await initWasm(wasm === undefined ? undefined : { module_or_path: wasm });
}

export default init;
