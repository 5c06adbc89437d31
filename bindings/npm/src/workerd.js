// ocop for Cloudflare Workers (the `workerd` condition, which wrangler sets). Workers may not
// compile WebAssembly from bytes at run time, so the module is imported: wrangler uploads the
// `.wasm` beside the script and hands it over compiled. Ready on import. Only `workerd`, not
// `worker`: webpack sets `worker` for web workers, where importing a .wasm needs experiments.
import { initSync } from './wasm/ocop_wasm.js';
import module from './wasm/ocop_wasm_bg.wasm';

initSync({ module });

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
