// ocop/slim: the WebAssembly stays a separate file, fetched by `init()`, for pages that count
// bytes (it is compiled while it downloads and the browser caches it) or serve it themselves.
// The editions' data is inside this JavaScript (gzip, as base64), each decoded at its first use.
// Call `await init()` once before anything else; `ready` resolves when that has finished.
import rules2026 from './editions/26-2026.js';
import labels2026 from './editions/26-2026.labels.js';
import rules2023 from './editions/148-2023.js';
import labels2023 from './editions/148-2023.labels.js';
import { embeddedBytes, instantiate } from './load.js';
import * as glue from './wasm/ocop_wasm.js';

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
  loading ??= load(wasm).then(settle.resolve, (e) => {
    settle.reject(e);
    throw e;
  });
  return loading;
}

async function load(wasm) {
  const editions = Promise.all([rules2026, labels2026, rules2023, labels2023].map(embeddedBytes));
  editions.catch(() => {}); // if the module fails first, that is the error to report
  await instantiate(glue, wasm ?? new URL('./wasm/ocop_wasm_bg.wasm', import.meta.url));
  for (const file of await editions) glue.loadEditionData(file);
}

export default init;
