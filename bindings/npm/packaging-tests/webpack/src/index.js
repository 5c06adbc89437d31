// webpack: import and call.
import { score } from 'ocop';

import { check, example } from '../../shared/check.js';

document.querySelector('#result').textContent = check(score(example));
