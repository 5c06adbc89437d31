// Malformed input against the built package: every refusal is a JS Error named OcopError with
// a stable code, a JSON Pointer and every problem listed; nothing traps, nothing else throws,
// and the module keeps working afterwards.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import * as ocop from 'ocop';

import { ROOT } from './support.js';

const example = JSON.parse(readFileSync(join(ROOT, 'ocop-cli', 'src', 'example.json'), 'utf8'));
const sheet9 = ocop.sheet('26/2026', 9);
const criterionCount = sheet9.parts.flatMap((p) => p.sections.flatMap((s) => s.criteria)).length;

/** Asserts that `call` throws an OcopError whose first problem is `code` at `path`. */
function refused(call, code, path, count) {
  let thrown;
  try {
    call();
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown, `expected ${code} at ${path}, but nothing was thrown`);
  assert.ok(thrown instanceof Error, `not an Error: ${thrown}`);
  assert.equal(thrown.name, 'OcopError', `${thrown.name}: ${thrown.message}`);
  assert.equal(thrown.code, code, thrown.message);
  assert.equal(thrown.path, path, thrown.message);
  assert.ok(Array.isArray(thrown.errors) && thrown.errors.length >= 1);
  assert.deepEqual({ code: thrown.errors[0].code, path: thrown.errors[0].path }, { code, path });
  for (const e of thrown.errors) assert.equal(typeof e.message, 'string');
  assert.ok(thrown.message.includes(code));
  if (count !== undefined) assert.equal(thrown.errors.length, count, JSON.stringify(thrown.errors));
  return thrown;
}

const withAnswers = (answers) => ({ ...example, answers: { ...example.answers, ...answers } });
// The product and the council's decisions, without a sheet: what a council adds `members` to.
const { answers: _, ...product } = example;

describe('score refuses malformed evaluations with a code and a path', () => {
  const cases = [
    ['undefined', undefined, 'WRONG_TYPE', ''],
    ['null', null, 'WRONG_TYPE', ''],
    ['a number', 42, 'WRONG_TYPE', ''],
    ['a string', '{"productSet": 9}', 'WRONG_TYPE', ''],
    ['an array', [example], 'WRONG_TYPE', ''],
    ['NaN product set', { ...example, productSet: NaN }, 'WRONG_TYPE', '/productSet'],
    ['Infinity as an option', withAnswers({ 'A1.1': Infinity }), 'WRONG_TYPE', '/answers/A1.1'],
    ['a fractional option', withAnswers({ 'A1.1': 2.5 }), 'WRONG_TYPE', '/answers/A1.1'],
    ['a negative option', withAnswers({ 'A1.1': -1 }), 'OPTION_OUT_OF_RANGE', '/answers/A1.1'],
    ['an option out of range', withAnswers({ 'A1.1': 9 }), 'OPTION_OUT_OF_RANGE', '/answers/A1.1'],
    ['a BigInt', { ...example, productSet: 9n }, 'WRONG_TYPE', '/productSet'],
    ['a function', { ...example, reference: () => 'x' }, 'WRONG_TYPE', '/reference'],
    ['a Symbol', { ...example, edition: Symbol('26/2026') }, 'WRONG_TYPE', '/edition'],
    ['a Map of answers', { ...example, answers: new Map(Object.entries(example.answers)) }, 'WRONG_TYPE', '/answers'],
    ['a Date', { ...example, evaluatedOn: new Date('2026-11-23') }, 'WRONG_TYPE', '/evaluatedOn'],
    ['an impossible date', { ...example, evaluatedOn: '2026-02-30' }, 'INVALID_DATE', '/evaluatedOn'],
    ['a date with a time', { ...example, evaluatedOn: '2026-11-23T10:00' }, 'INVALID_DATE', '/evaluatedOn'],
    ['an unknown edition', { ...example, edition: '1048/2019' }, 'UNKNOWN_EDITION', '/edition'],
    ['an unknown product set', { ...example, productSet: 27 }, 'UNKNOWN_PRODUCT_SET', '/productSet'],
    ['an unknown subject type', { ...example, subjectType: 'bank' }, 'UNKNOWN_SUBJECT_TYPE', '/subjectType'],
    ['an unknown criterion', withAnswers({ Z9: 0 }), 'UNKNOWN_CRITERION', '/answers/Z9'],
    ['a criterion of another sheet', withAnswers({ C12: 0 }), 'CRITERION_NOT_ON_SHEET', '/answers/C12'],
    ['an unknown field', { ...example, colour: 'red' }, 'UNKNOWN_FIELD', '/colour'],
    ['a missing answer', { ...example, answers: { 'A1.1': 2 } }, 'MISSING_ANSWER', '/answers/A1.2'],
    ['a key needing escapes', withAnswers({ 'a/b~c': 0 }), 'UNKNOWN_CRITERION', '/answers/a~1b~0c'],
    ['a reference too long', { ...example, reference: 'x'.repeat(201) }, 'STRING_TOO_LONG', '/reference'],
    ['too many answers', { ...example, answers: Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`X${i}`, 0])) }, 'TOO_MANY_ITEMS', '/answers'],
  ];
  for (const [name, input, code, path] of cases) {
    test(name, () => {
      refused(() => ocop.score(input), code, path);
      const answer = ocop.safeScore(input);
      assert.equal(answer.type, 'failure');
      assert.deepEqual([answer.errors[0].code, answer.errors[0].path], [code, path]);
    });
  }

  test('every problem is reported at once, in order', () => {
    const e = refused(
      () => ocop.score({ productSet: 'nine', subjectType: 'bank', colour: 1, answers: { 'A1.1': NaN, 'A1.2': 1n } }),
      'WRONG_TYPE', '/answers/A1.1', 2,
    );
    assert.equal(e.errors[1].path, '/answers/A1.2');
    refused(() => ocop.score({ productSet: 'nine', subjectType: 'bank', colour: 1 }), 'UNKNOWN_FIELD', '/colour', 3);
  });
});

describe('limits are checked before anything is copied', () => {
  test('a cycle is too deep, not a stack overflow', () => {
    const cyclic = { ...example };
    cyclic.answers = { ...example.answers, self: cyclic };
    refused(() => ocop.score(cyclic), 'TOO_DEEP', '');
  });
  test('deep nesting', () => {
    let deep = 0;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    refused(() => ocop.score({ ...example, knockouts: deep }), 'TOO_DEEP', '');
  });
  test('a huge sparse array is refused at once', () => {
    const started = performance.now();
    refused(() => ocop.score({ ...example, knockouts: new Array(1e9) }), 'INPUT_TOO_LARGE', '');
    refused(() => ocop.council({ ...product, members: new Array(2 ** 32 - 1) }), 'INPUT_TOO_LARGE', '');
    assert.ok(performance.now() - started < 1000, 'refused without walking the array');
  });
  test('a huge string', () => {
    refused(() => ocop.score({ ...example, reference: 'x'.repeat(2 << 20) }), 'INPUT_TOO_LARGE', '');
    refused(() => ocop.searchProductSets('26/2026', 'x'.repeat(1e6)), 'STRING_TOO_LONG', '/query');
  });
  test('too many council members', () => {
    const members = Array.from({ length: 51 }, () => ({ answers: example.answers }));
    refused(() => ocop.council({ ...product, members }), 'TOO_MANY_ITEMS', '/members');
  });
  test('a batch larger than 64 MiB', () => {
    const rows = new Uint8Array((64 << 20) + criterionCount);
    refused(() => ocop.scoreBatch('26/2026', 9, rows), 'INPUT_TOO_LARGE', '/rows');
  });
  test('getters and proxies that throw', () => {
    const getter = { ...example };
    Object.defineProperty(getter, 'edition', { enumerable: true, get() { throw new Error('no'); } });
    refused(() => ocop.score(getter), 'WRONG_TYPE', '/edition');
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    refused(() => ocop.score({ ...example, answers: proxy }), 'WRONG_TYPE', '/answers');
    refused(() => ocop.plan({ evaluation: example, onlyCriteria: proxy }), 'WRONG_TYPE', '/onlyCriteria');
  });
});

describe('every other function refuses with a code and a path', () => {
  const members = [{ answers: example.answers }, { answers: example.answers }];
  const checks = [
    ['editionInForce: not a date', () => ocop.editionInForce(20260101), 'WRONG_TYPE', '/on'],
    ['editionInForce: before any edition', () => ocop.editionInForce('2020-01-01'), 'NO_EDITION_IN_FORCE', '/on'],
    ['editionData: unknown edition', () => ocop.editionData('1048/2019'), 'UNKNOWN_EDITION', '/edition'],
    ['productSets: no edition', () => ocop.productSets(), 'WRONG_TYPE', '/edition'],
    ['sheet: unknown product set', () => ocop.sheet('26/2026', 0), 'UNKNOWN_PRODUCT_SET', '/productSet'],
    ['sheet: NaN product set', () => ocop.sheet('26/2026', NaN), 'WRONG_TYPE', '/productSet'],
    ['scoreBatch: not a Uint8Array', () => ocop.scoreBatch('26/2026', 9, [0, 1]), 'WRONG_TYPE', '/rows'],
    ['scoreBatch: partial row', () => ocop.scoreBatch('26/2026', 9, new Uint8Array(criterionCount + 1)), 'MISSING_ANSWER', '/rows'],
    ['scoreBatch: option out of range', () => ocop.scoreBatch('26/2026', 9, new Uint8Array(criterionCount).fill(7)), 'OPTION_OUT_OF_RANGE', '/rows/0/0'],
    ['council: no members', () => ocop.council({ ...product, members: [] }), 'COUNCIL_EMPTY', '/members'],
    ['council: members not a list', () => ocop.council({ ...product, members: {} }), 'WRONG_TYPE', '/members'],
    ['council: NaN in a member', () => ocop.council({ ...product, members: [{ answers: { 'A1.1': NaN } }] }), 'WRONG_TYPE', '/members/0/answers/A1.1'],
    ['council: bad rules', () => ocop.council({ ...product, members, rules: { rounding: { mode: 'sideways' } } }), 'WRONG_TYPE', '/rules/rounding/mode'],
    ['council: too many decimals', () => ocop.council({ ...product, members, rules: { rounding: { mode: 'halfUp', decimals: 9 } } }), 'INVALID_COUNCIL_RULES', '/rules/rounding/decimals'],
    ['plan: target 7', () => ocop.plan({ evaluation: example, targetStar: 7 }), 'INVALID_TARGET', '/targetStar'],
    ['plan: target 3.5', () => ocop.plan({ evaluation: example, targetStar: 3.5 }), 'WRONG_TYPE', '/targetStar'],
    ['plan: target as text', () => ocop.plan({ evaluation: example, targetStar: 'four' }), 'WRONG_TYPE', '/targetStar'],
    ['plan: unknown criterion', () => ocop.plan({ evaluation: example, targetStar: 4, onlyCriteria: ['Z9'] }), 'UNKNOWN_CRITERION', '/onlyCriteria/0'],
    ['plan: criteria not a list', () => ocop.plan({ evaluation: example, onlyCriteria: 'B5.1' }), 'WRONG_TYPE', '/onlyCriteria'],
    ['plan: a malformed evaluation', () => ocop.plan({ evaluation: { ...example, productSet: 99 } }), 'UNKNOWN_PRODUCT_SET', '/evaluation/productSet'],
    ['plan: no evaluation', () => ocop.plan({ targetStar: 4 }), 'MISSING_FIELD', '/evaluation'],
    ['compare: both sheets malformed', () => ocop.compare({ selfAssessment: null, council: 5 }), 'MISSING_FIELD', '/selfAssessment'],
    ['compare: another product', () => ocop.compare({ selfAssessment: example, council: { ...example, productSet: 10 } }), 'COUNCIL_MISMATCH', '/council'],
    ['compare: malformed council', () => ocop.compare({ selfAssessment: example, council: { ...product, members: [{ answers: 3 }] } }), 'WRONG_TYPE', '/council/members/0/answers'],
    ['certificate: empty', () => ocop.certificate({}), 'MISSING_FIELD', '/issuedOn'],
    ['certificate: impossible date', () => ocop.certificate({ issuedOn: '2024-13-01', on: '2026-01-01' }), 'INVALID_DATE', '/issuedOn'],
    ['certificate: stars out of range', () => ocop.certificate({ issuedOn: '2024-03-01', on: '2026-01-01', stars: 300 }), 'WRONG_TYPE', '/stars'],
    ['certificate: unknown field', () => ocop.certificate({ issuedOn: '2024-03-01', on: '2026-01-01', colour: 1 }), 'UNKNOWN_FIELD', '/colour'],
    ['certificate: unknown ground', () => ocop.certificate({ issuedOn: '2024-03-01', on: '2026-01-01', revocationGround: 'boredom' }), 'WRONG_TYPE', '/revocationGround'],
    ['certificate: judged before issue', () => ocop.certificate({ issuedOn: '2026-06-01', on: '2026-05-01' }), 'INVALID_DATE_RANGE', '/on'],
    ['dossierRules: both fields', () => ocop.dossierRules({ filedOn: '2026-13-01', kind: 'second' }), 'INVALID_DATE', '/filedOn'],
    ['dossierRules: unknown kind', () => ocop.dossierRules({ filedOn: '2026-05-10', kind: 'second' }), 'WRONG_TYPE', '/kind'],
    ['roundForSubmission: no request', () => ocop.roundForSubmission(), 'WRONG_TYPE', ''],
    ['roundForSubmission: empty request', () => ocop.roundForSubmission({}), 'MISSING_FIELD', '/on'],
    ['nextRound: unknown level', () => ocop.nextRound({ on: '2026-11-23', level: 'village' }), 'WRONG_TYPE', '/level'],
    ['nextRound: before any edition', () => ocop.nextRound({ on: '2001-01-01', level: 'province' }), 'NO_EDITION_IN_FORCE', '/on'],
    ['parseProductCode: not a string', () => ocop.parseProductCode({ code: 38123450072026 }), 'WRONG_TYPE', '/code'],
    ['parseProductCode: too long', () => ocop.parseProductCode({ code: '3'.repeat(100) }), 'INPUT_TOO_LARGE', '/code'],
    ['parseProductCode: unknown edition', () => ocop.parseProductCode({ code: '38-12345-007-2026', edition: 'x' }), 'UNKNOWN_EDITION', '/edition'],
    ['parseProductCode: bad known codes', () => ocop.parseProductCode({ code: '38-12345-007-2026', known: { provinces: [38] } }), 'WRONG_TYPE', '/known/provinces/0'],
    ['formatProductCode: empty', () => ocop.formatProductCode({}), 'MISSING_FIELD', '/edition'],
    ['formatProductCode: negative sequence', () => ocop.formatProductCode({ edition: '26/2026', province: '38', area: '12345', sequence: -7, year: 2026 }), 'WRONG_TYPE', '/sequence'],
    ['portfolio: not CSV text', () => ocop.portfolio({ csv: 42, on: '2026-11-23' }), 'WRONG_TYPE', '/csv'],
    ['portfolio: no header', () => ocop.portfolio({ csv: 'name,stars\nA,3\n', on: '2026-11-23' }), 'INVALID_CSV', '/csv/header'],
    ['portfolio: bad horizon', () => ocop.portfolio({ csv: 'product\n', on: '2026-11-23', expiringWithinDays: -1 }), 'WRONG_TYPE', '/expiringWithinDays'],
    ['portfolio: bad targets', () => ocop.portfolio({ csv: 'product\n', on: '2026-11-23', targets: { name: 'x' } }), 'MISSING_FIELD', '/targets/targets'],
    ['targetSet: not bundled', () => ocop.targetSet('atlantis'), 'WRONG_TYPE', '/name'],
    ['explain: not a report', () => ocop.explain({ total: 3 }), 'WRONG_TYPE', '/report'],
    ['Form: unknown edition', () => new ocop.Form('1048/2019', 9, 'farm'), 'UNKNOWN_EDITION', '/edition'],
  ];
  for (const [name, call, code, path] of checks) test(name, () => refused(call, code, path));

  test('problems in several fields are reported together', () => {
    refused(() => ocop.compare({ selfAssessment: 3, council: 5 }), 'WRONG_TYPE', '/selfAssessment', 2);
    refused(() => ocop.dossierRules({ filedOn: '2026-13-01', kind: 'second' }), 'INVALID_DATE', '/filedOn', 2);
    refused(() => ocop.roundForSubmission({}), 'MISSING_FIELD', '/on', 2);
  });
});

test('no hostile argument traps or throws anything but an OcopError', () => {
  const cyclic = {};
  cyclic.self = cyclic;
  const hostile = [
    undefined, null, NaN, -0, Infinity, -1, 2 ** 53, 1n, true, '', 'x'.repeat(5000), Symbol('s'), () => 1,
    [], [NaN], new Array(5e6), {}, cyclic, new Map(), new Date(0), new Uint8Array(3), new Proxy({}, {}),
    { edition: '26/2026', productSet: 9, subjectType: 'farm', answers: { 'A1.1': 1e300 } },
  ];
  const functions = Object.entries(ocop).filter(([name, f]) => typeof f === 'function' && !/^(default|init|initSync|Form)$/.test(name));
  assert.ok(functions.length >= 24, `expected the whole API, found ${functions.map(([n]) => n)}`);
  let calls = 0;
  for (const [name, f] of functions) {
    for (let slot = 0; slot < Math.max(f.length, 1); slot++) {
      for (const value of hostile) {
        const args = Array.from({ length: Math.max(f.length, 1) }, (_, i) => (i === slot ? value : '26/2026'));
        calls++;
        try {
          f(...args);
        } catch (e) {
          assert.equal(e?.name, 'OcopError', `${name} with ${String(value).slice(0, 40)} in argument ${slot}: ${e}`);
          assert.equal(typeof e.code, 'string');
          assert.equal(typeof e.path, 'string');
        }
      }
    }
  }
  assert.ok(calls > 500);
  // Still working after all of that.
  assert.equal(ocop.score(example).total, '75');
});
