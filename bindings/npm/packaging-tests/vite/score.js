// Vite with ocop/score: the scoring build and the rules of 26/2026, the page a form needs.
import { score } from 'ocop/score';

import { check, example } from '../shared/check.js';

document.querySelector('#result').textContent = check(score(example));
