// ocop/slim: the WebAssembly stays a separate file, fetched by `init()`, for pages that count
// bytes (it is compiled while it downloads and the browser caches it) or serve it themselves.
// Call `await init()` once before anything else; `ready` resolves when that has finished.
import { instantiate } from './load.js';
import initWasm from './wasm/ocop_wasm.js';

export * from './wasm/ocop_wasm.js';

let loading;
let settle;
/** Resolves when the first `init()` has loaded the module; rejects if it failed. */
export const ready = new Promise((resolve, reject) => {
  settle = { resolve, reject };
});
ready.catch(() => {}); // whoever calls init() sees the failure; `ready` alone must not be "unhandled"

/**
 * Loads the module; later calls return the same promise (whatever they are given).
 * @param {import('./index.d.ts').InitInput | Promise<import('./index.d.ts').InitInput>} [wasm]
 *   where the `.wasm` is (default: `wasm/ocop_wasm_bg.wasm` next to this file, which bundlers
 *   copy as an asset), a `Response`, its bytes or a compiled `WebAssembly.Module`.
 * @returns {Promise<void>} rejects with an `OcopError` WASM_LOAD_FAILED that names the fix.
 */
export function init(wasm) {
  loading ??= instantiate(wasm ?? new URL('./wasm/ocop_wasm_bg.wasm', import.meta.url), initWasm).then(settle.resolve, (e) => {
    settle.reject(e);
    throw e;
  });
  return loading;
}

export default init;
