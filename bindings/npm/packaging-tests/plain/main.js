// A page without a bundler: the package's files served as they are (here under /ocop/).
import { score } from '/ocop/index.js';

import { check, example } from '/shared/check.js';

document.querySelector('#result').textContent = check(score(example));
