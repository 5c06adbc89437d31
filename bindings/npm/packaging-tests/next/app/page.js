// Next.js, a server component: import and call (it runs on the server only).
import { score } from 'ocop';

import { check, example } from '../../shared/check.js';
import ClientScore from './client-score.js';

export const dynamic = 'force-dynamic'; // scored at each request, not only at build time

export default function Page() {
  return (
    <main>
      <p id="server">{check(score(example))}</p>
      <ClientScore />
    </main>
  );
}
