// Next.js, a route handler.
import { score } from 'ocop';

import { check, example } from '../../../../shared/check.js';

export function GET() {
  return Response.json({ result: check(score(example)) });
}
