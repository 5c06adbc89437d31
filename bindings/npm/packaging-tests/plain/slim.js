// ocop/slim without a bundler: init() fetches /ocop/wasm/ocop_wasm_bg.wasm (next to slim.js).
import init, { score } from '/ocop/slim.js';

import { check, example } from '/shared/check.js';

await init();
document.querySelector('#result').textContent = check(score(example));
