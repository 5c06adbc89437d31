// ocop/forms: the printed forms (a member's Phiếu đánh giá, the council's summary, Mẫu số 01-03)
// as A4 HTML strings, from the same Rust core. A WebAssembly module of its own, with the
// editions' data inside (the forms print every label), embedded like the default entry's (gzip,
// as base64): importing `ocop` never loads it, and this entry does not load the scoring module.
// Ready once the import resolves (top-level await); browsers and Node.
import { embeddedBytes, instantiate } from './load.js';
import * as glue from './forms/ocop_forms.js';
import wasm from './forms/embedded.js';

export * from './forms/ocop_forms.js';

/** Resolves once the forms module is loaded (already so when this entry's import has resolved). */
export const ready = instantiate(glue, embeddedBytes(wasm));
await ready;
