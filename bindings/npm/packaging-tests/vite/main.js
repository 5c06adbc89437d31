// Vite: import and call; no plugin, no config.
import { score } from 'ocop';

import { check, example } from '../shared/check.js';

document.querySelector('#result').textContent = check(score(example));
