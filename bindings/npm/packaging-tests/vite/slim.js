// Vite with ocop/slim: the .wasm is a separate asset that init() fetches.
import init, { score } from 'ocop/slim';

import { check, example } from '../shared/check.js';

await init();
document.querySelector('#result').textContent = check(score(example));
