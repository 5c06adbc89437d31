// ocop for Node: the wasm is read and instantiated synchronously on import, so every function
// is ready at once. `init()` exists so that code shared with the browser can await it.
import { readFileSync } from 'node:fs';
import { initSync } from './wasm/ocop_wasm.js';

initSync({ module: readFileSync(new URL('./wasm/ocop_wasm_bg.wasm', import.meta.url)) });

export * from './wasm/ocop_wasm.js';

/**
 * Nothing to do in Node (the wasm is loaded on import); there for code shared with browsers.
 * @returns {Promise<void>}
 */
export async function init() {}

export default init;
