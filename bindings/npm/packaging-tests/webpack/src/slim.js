// webpack with ocop/slim: the .wasm is emitted as an asset that init() fetches.
import init, { score } from 'ocop/slim';

import { check, example } from '../../shared/check.js';

await init();
document.querySelector('#result').textContent = check(score(example));
