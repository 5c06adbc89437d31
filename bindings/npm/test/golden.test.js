// The shared golden cases against the built package in Node: every case gives the fingerprint
// the Rust core gives, and all of them the Rust digest (from `ocop-cases`, computed by run.sh or
// here; never written down in JS).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import * as ocop from 'ocop';

import { runCases } from './golden.js';
import { loadCases, report, rustDigest } from './support.js';

const cases = loadCases();

test('the golden cases are all there', () => {
  assert.ok(cases.length >= 15, `expected the full set of golden cases, found ${cases.length}`);
  assert.equal(new Set(cases.map((c) => c.name)).size, cases.length, 'case names are unique');
});

test('Node: every golden case gives its hand-worked answer and the Rust digest', async () => {
  const result = await runCases(ocop, cases);
  report('Node', result);
  assert.deepEqual(result.failures, []);
  assert.equal(result.digest, rustDigest());
});
