// The package's types: every function and type of the wasm module, plus `init`.
export * from './wasm/ocop_wasm.js';
import type { InitInput } from './wasm/ocop_wasm.js';

/**
 * Loads the WebAssembly module once; later calls return at once. Required before any other
 * call in browsers and bundlers; in Node the module is loaded on import and this does nothing.
 * @param wasm - where to find `ocop_wasm_bg.wasm` (default: next to the package's entry), or
 *   its bytes, a `Response` or a compiled `WebAssembly.Module`.
 */
export function init(wasm?: InitInput | Promise<InitInput>): Promise<void>;
export default init;
