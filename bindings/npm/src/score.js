// ocop/score: scoring alone, for pages that score sheets and count bytes: score, safeScore,
// Form and scoreBatch, from a WebAssembly build without the catalog browser, councils, plans,
// explanations and office functions (a third of the size), with the rules of the edition in
// force (26/2026) and not the words of its labels (which `ocop` has: `sheet`, `explain`).
// Everything is inside this JavaScript (gzip, as base64): ready once the import resolves.
// Another edition is a separate download, on demand: `await loadEdition('148/2023')`.
import rules2026 from './editions/26-2026.js';
import { instantiateEmbedded, loadEmbedded, loadFailed } from './load.js';
import wasm from './wasm/score-embedded.js';
import * as glue from './wasm/ocop_score.js';

export { Form, loadEditionData, safeScore, score, scoreBatch } from './wasm/ocop_score.js';

/** Resolves once the module is loaded (already so when this entry's import has resolved). */
export const ready = instantiateEmbedded(glue, wasm, [rules2026]);
await ready;

// The editions' rules, each a chunk that bundlers split off and load only when asked for.
const editions = {
  '26/2026': () => Promise.resolve(),
  '148/2023': () => import('./editions/148-2023.js').then((m) => loadEmbedded(glue, [m.default])),
};
const loading = new Map();

/**
 * Loads an edition's rules, so that `score` and `Form` take its sheets (26/2026 is loaded on
 * import). Later calls return the same promise.
 * @param {string} edition - `148/2023` or `26/2026`
 * @returns {Promise<void>} rejects with an `OcopError` (UNKNOWN_EDITION, or WASM_LOAD_FAILED when
 *   the file cannot be fetched).
 */
export function loadEdition(edition) {
  const load = editions[edition];
  if (!load) {
    const error = loadFailed(`\`${edition}\` is not an edition; use one of: ${Object.keys(editions).join(', ')}`);
    error.code = error.errors[0].code = 'UNKNOWN_EDITION';
    error.path = error.errors[0].path = '/edition';
    error.message = `UNKNOWN_EDITION: ${error.errors[0].message}`;
    return Promise.reject(error);
  }
  if (!loading.has(edition)) {
    loading.set(edition, load().catch((e) => {
      loading.delete(edition);
      throw e.name === 'OcopError' ? e : loadFailed(`the data of edition ${edition} could not be loaded (${e?.message ?? e}).`, e);
    }));
  }
  return loading.get(edition);
}

/**
 * Nothing left to do: the module loaded on import. Returns `ready`.
 * @returns {Promise<void>}
 */
export function init() {
  return ready;
}

export default init;
