// ocop for Cloudflare Workers (the `workerd` condition, which wrangler sets). Workers may not
// compile WebAssembly from bytes at run time, so the module is imported: wrangler uploads the
// `.wasm` beside the script and hands it over compiled, and the editions' `.bin` files as data
// (its default rules). Ready on import. Only `workerd`, not `worker`: webpack sets `worker` for
// web workers, where importing a .wasm needs experiments.
import rules2026 from './editions/26-2026.bin';
import labels2026 from './editions/26-2026.labels.bin';
import rules2023 from './editions/148-2023.bin';
import labels2023 from './editions/148-2023.labels.bin';
import { initSync, loadEditionData } from './wasm/ocop_wasm.js';
import module from './wasm/ocop_wasm_bg.wasm';

initSync({ module });
for (const file of [rules2026, labels2026, rules2023, labels2023]) loadEditionData(new Uint8Array(file));

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
