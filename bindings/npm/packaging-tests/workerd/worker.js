// Cloudflare Workers: import and call; wrangler picks the `workerd` entry.
import { score } from 'ocop';

import { check, example } from '../shared/check.js';

export default {
  fetch() {
    return Response.json({ result: check(score(example)) });
  },
};
