// ocop/score: the scoring functions of `ocop` (same types), `loadEdition`, `init` and `ready`.
export type * from './wasm/ocop_wasm.js';
export { Form, loadEditionData, safeScore, score, scoreBatch } from './wasm/ocop_wasm.js';

/** Resolves once the WebAssembly module is loaded: already so when the import has resolved. */
export declare const ready: Promise<void>;

/** Nothing to do (the module loads on import); returns `ready`. */
export function init(): Promise<void>;
export default init;

/**
 * Loads an edition's rules so that `score` and `Form` take its sheets: `26/2026` is loaded on
 * import, `148/2023` is a separate download. Later calls return the same promise.
 * @throws an `OcopError`: `UNKNOWN_EDITION`, or `WASM_LOAD_FAILED` when the data cannot be fetched.
 */
export function loadEdition(edition: '26/2026' | '148/2023' | (string & {})): Promise<void>;
