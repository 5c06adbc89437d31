'use client';
// Next.js, a client component: rendered on the server, then in the browser.
import { score } from 'ocop';
import { useEffect, useState } from 'react';

import { check, example } from '../../shared/check.js';

export default function ClientScore() {
  const [inBrowser, setInBrowser] = useState('');
  useEffect(() => setInBrowser(check(score(example))), []);
  return (
    <>
      <p id="client">{check(score(example))}</p>
      <p id="browser">{inBrowser}</p>
    </>
  );
}
