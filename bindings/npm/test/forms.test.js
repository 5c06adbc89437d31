// ocop/forms against the built package: the optional entry prints the same forms, byte for
// byte, as the Rust core behind the CLI (run.sh writes them to test-output/forms-rust), and the
// two entries stay apart: `ocop` carries no form and `ocop/forms` no scoring.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import * as ocop from 'ocop';
import * as forms from 'ocop/forms';

import { OUTPUT_DIR, ROOT } from './support.js';

const EXAMPLES = join(ROOT, 'ocop-cli', 'src', 'examples');
const evaluation = JSON.parse(readFileSync(join(ROOT, 'ocop-cli', 'src', 'example.json'), 'utf8'));

/** The CLI's example of a form, as `ocop form <kind> --example` builds it. */
function example(kind, withEvaluation) {
  const data = JSON.parse(readFileSync(join(EXAMPLES, `${kind}.json`), 'utf8'));
  return { ...data, ...(withEvaluation ? { evaluation } : {}), language: 'vi' };
}

const rust = (kind) => readFileSync(join(OUTPUT_DIR, 'forms-rust', `${kind}.html`), 'utf8');

test('ocop/forms prints the example forms exactly as the Rust core does', () => {
  assert.equal(forms.printSheet(example('sheet', true)), rust('sheet'));
  assert.equal(forms.printCouncil(example('council', false)), rust('council'));
  for (const kind of ['mau-01', 'mau-02', 'mau-03']) {
    assert.equal(forms.printDossierForm(example(kind, kind === 'mau-02')), rust(kind), kind);
  }
});

test('a bad form is an OcopError with the code and path of every problem', () => {
  const bad = example('mau-01', false);
  bad.values = { ...bad.values, commune_received_on: '2026-02-30', case: 'second', colour: 'red' };
  try {
    forms.printDossierForm(bad);
    assert.fail('printed a bad form');
  } catch (e) {
    assert.equal(e.name, 'OcopError');
    assert.deepEqual(
      e.errors.map((x) => `${x.code}@${x.path}`),
      ['WRONG_TYPE@/values/case', 'UNKNOWN_FIELD@/values/colour', 'INVALID_DATE@/values/commune_received_on'],
    );
  }
});

test('the entries stay apart: ocop has no form, ocop/forms no scoring', () => {
  assert.equal(typeof ocop.score, 'function');
  assert.equal(ocop.printSheet, undefined);
  assert.equal(typeof forms.printSheet, 'function');
  assert.equal(forms.score, undefined);
});
