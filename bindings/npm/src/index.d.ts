// The package's types, the same for every entry: every function and type of the wasm module,
// plus `init` and `ready`.
export * from './wasm/ocop_wasm.js';
import type { InitInput } from './wasm/ocop_wasm.js';

/**
 * Resolves once the WebAssembly module is loaded. With `ocop` it already has when the import
 * resolves; with `ocop/slim`, when the first `init()` finishes (it rejects if that failed).
 */
export declare const ready: Promise<void>;

/**
 * Loads the WebAssembly module; later calls return the same promise. Needed only with
 * `ocop/slim`; with `ocop` the module loads on import and this returns `ready`.
 * @param wasm - (`ocop/slim`) where the `.wasm` is (default: next to the entry), a `Response`,
 *   its bytes or a compiled `WebAssembly.Module`.
 * @throws an `OcopError` with code `WASM_LOAD_FAILED` when the module cannot be loaded (for
 *   example an HTML page served where the `.wasm` should be), saying what to do.
 */
export function init(wasm?: InitInput | Promise<InitInput>): Promise<void>;
export default init;
