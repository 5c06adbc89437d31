// Node (ESM), Deno and Bun: ready on import.
import { score } from 'ocop';

import { check, example } from '../shared/check.js';

console.log(check(score(example)));
