// The package as shipped: its manifest and entries, the catalog, and each function's answer
// on inputs worked out by hand (the golden cases cover the rest).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, test } from 'node:test';

import * as ocop from 'ocop';

import { NPM_DIR, ROOT } from './support.js';

const PKG = join(NPM_DIR, 'pkg');
const example = JSON.parse(readFileSync(join(ROOT, 'ocop-cli', 'src', 'example.json'), 'utf8'));
/** Runs `source` as an ES module in a fresh Node process; returns what it printed. */
const runModule = (source) =>
  execFileSync(process.execPath, ['--input-type=module', '-e', source], { encoding: 'utf8' }).trim();
const criteriaOf = (sheet) => sheet.parts.flatMap((p) => p.sections.flatMap((s) => s.criteria));

describe('the package', () => {
  const manifest = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));

  test('has the crate version', () => {
    const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
    const version = /\[workspace\.package\][^[]*?\nversion = "([^"]+)"/.exec(cargo)?.[1];
    assert.ok(version);
    assert.equal(manifest.version, version);
  });

  test('is ESM with types, an entry per runtime, and every file its exports and `files` name', () => {
    assert.equal(manifest.type, 'module');
    // Only the entries that instantiate on import have side effects (a bundler must keep them).
    assert.deepEqual(manifest.sideEffects, ['./index.js', './node.js', './workerd.js', './score.js', './forms.js']);
    const entry = manifest.exports['.'];
    assert.deepEqual(Object.keys(entry), ['types', 'workerd', 'browser', 'node', 'default']);
    assert.deepEqual(manifest.exports['./slim'], { types: './slim.d.ts', default: './slim.js' });
    assert.deepEqual(manifest.exports['./score'], { types: './score.d.ts', default: './score.js' });
    assert.deepEqual(manifest.exports['./forms'], { types: './forms.d.ts', default: './forms.js' });
    const named = [manifest.main, manifest.types, ...Object.values(entry),
      ...['./slim', './score', './forms'].flatMap((e) => Object.values(manifest.exports[e]))];
    for (const file of [...named, manifest.exports['./ocop_wasm_bg.wasm']]) {
      assert.ok(existsSync(join(PKG, file)), `${file} is missing`);
    }
    for (const file of manifest.files) assert.ok(existsSync(join(PKG, file)), `${file} is missing`);
    assert.ok(readFileSync(join(PKG, 'README.md'), 'utf8').includes('npm install ocop'));
  });

  test('the embedded copies are the shipped .wasm and editions, and only ocop/slim names a file', async () => {
    const embedded = async (module, file) => {
      const { default: text } = await import(join(PKG, module));
      assert.ok(gunzipSync(Buffer.from(text, 'base64')).equals(readFileSync(join(PKG, file))), module);
    };
    await embedded('wasm/embedded.js', 'wasm/ocop_wasm_bg.wasm');
    await embedded('wasm/score-embedded.js', 'wasm/ocop_score_bg.wasm');
    await embedded('forms/embedded.js', 'forms/ocop_forms_bg.wasm');
    for (const edition of ['26-2026', '148-2023']) {
      await embedded(`editions/${edition}.js`, `editions/${edition}.bin`);
      await embedded(`editions/${edition}.labels.js`, `editions/${edition}.labels.bin`);
    }
    // A bundler copies a file named by `new URL(…, import.meta.url)`: only the slim entry may.
    for (const file of ['index.js', 'node.js', 'score.js', 'load.js', 'forms.js', 'wasm/ocop_wasm.js', 'wasm/ocop_score.js', 'forms/ocop_forms.js']) {
      assert.ok(!readFileSync(join(PKG, file), 'utf8').includes('import.meta'), file);
    }
    assert.match(readFileSync(join(PKG, 'slim.js'), 'utf8'), /new URL\('\.\/wasm\/ocop_wasm_bg\.wasm', import\.meta\.url\)/);
  });

  test('the browser entry is ready on import (embedded, top-level await), in a fresh process', () => {
    const out = runModule(`
      import init, { ready, score } from ${JSON.stringify(join(PKG, 'index.js'))};
      const example = ${JSON.stringify(example)};
      const first = score(example).stars;                 // no init() needed
      console.log(first, init() === ready, await init());
    `);
    assert.equal(out, '3 true undefined');
  });

  test('ocop/slim loads with init(bytes), once, and ready follows it, in a fresh process', () => {
    const out = runModule(`
      import { readFileSync } from 'node:fs';
      import init, { ready, score } from ${JSON.stringify(join(PKG, 'slim.js'))};
      let state = 'pending';
      ready.then(() => (state = 'resolved'));
      await new Promise((r) => setTimeout(r, 10));
      const before = state; // nothing loads until init()
      const bytes = readFileSync(${JSON.stringify(join(PKG, 'wasm', 'ocop_wasm_bg.wasm'))});
      const loading = init(bytes);
      const again = init('/never/fetched.wasm'); // later calls return the same promise
      await loading;
      await ready;
      console.log(before, loading === again, score(${JSON.stringify(example)}).stars);
    `);
    assert.equal(out, 'pending true 3');
  });

  test('ocop/slim refuses HTML, a 404 and non-wasm with a WASM_LOAD_FAILED OcopError naming the fix', () => {
    const out = runModule(`
      import init, { ready } from ${JSON.stringify(join(PKG, 'slim.js'))};
      // What the entries' loader makes of each (all refused before anything is instantiated).
      const html = '<!doctype html><html><body>app shell</body></html>';
      const cases = {
        htmlResponse: new Response(html, { headers: { 'content-type': 'text/html' } }),
        notFound: new Response('not found', { status: 404, statusText: 'Not Found' }),
        htmlBytes: new TextEncoder().encode(html),
        jsonBytes: new TextEncoder().encode('{"error":1}'),
      };
      const { instantiate } = await import(${JSON.stringify(join(PKG, 'load.js'))});
      const glue = await import(${JSON.stringify(join(PKG, 'wasm', 'ocop_wasm.js'))});
      const seen = {};
      for (const [name, input] of Object.entries(cases)) {
        try {
          await instantiate(glue, input);
          seen[name] = 'loaded';
        } catch (e) {
          seen[name] = { name: e.name, code: e.code, path: e.path, errors: e.errors.length, message: e.message };
        }
      }
      let failed;
      await init(cases.htmlBytes).catch((e) => (failed = e.code));
      const readyFailed = await ready.then(() => 'resolved', (e) => e.code);
      console.log(JSON.stringify({ seen, failed, readyFailed }));
    `);
    const { seen, failed, readyFailed } = JSON.parse(out);
    for (const [name, e] of Object.entries(seen)) {
      assert.deepEqual([e.name, e.code, e.path, e.errors], ['OcopError', 'WASM_LOAD_FAILED', '', 1], name);
      assert.match(e.message, /^WASM_LOAD_FAILED: /, name);
      assert.match(e.message, /Import 'ocop' instead of 'ocop\/slim'/, name);
    }
    assert.match(seen.htmlResponse.message, /is an HTML page/);
    assert.match(seen.htmlBytes.message, /is an HTML page/);
    assert.match(seen.notFound.message, /answered 404 Not Found/);
    assert.match(seen.jsonBytes.message, /not WebAssembly \(it starts with "\{\\"error\\":1\}"\)/);
    assert.equal(failed, 'WASM_LOAD_FAILED');
    assert.equal(readyFailed, 'WASM_LOAD_FAILED');
  });

  test('ocop/score is ready on import with 26/2026, and loads 148/2023 when asked, in a fresh process', () => {
    const out = runModule(`
      import init, { ready, score, safeScore, Form, scoreBatch, loadEdition } from ${JSON.stringify(join(PKG, 'score.js'))};
      import * as full from ${JSON.stringify(join(PKG, 'node.js'))};
      const example = ${JSON.stringify(example)};
      // 148/2023's sheet 9, each criterion at the last option a cooperative may tick.
      const criteria = full.sheet('148/2023', 9).parts.flatMap((p) => p.sections.flatMap((s) => s.criteria));
      const fits = (c) => c.options.map((o, i) => [o, i]).filter(([o]) => !o.subjectTypes?.length || o.subjectTypes.includes('cooperative'));
      const answers = Object.fromEntries(criteria.map((c) => [c.code, fits(c).at(-1)[1]]));
      const example148 = { edition: '148/2023', productSet: 9, subjectType: 'cooperative', answers };
      const same = JSON.stringify(score(example)) === JSON.stringify(full.score(example));
      const before = safeScore(example148);
      const unknown = await loadEdition('1048/2019').catch((e) => [e.name, e.code, e.path, e.message].join(' | '));
      const loading = loadEdition('148/2023');
      const again = loadEdition('148/2023') === loading;
      await loading;
      const after = JSON.stringify(score(example148)) === JSON.stringify(full.score(example148));
      const form = new Form('148/2023', 9, 'cooperative');
      const entry = await import(${JSON.stringify(join(PKG, 'score.js'))});
      const only = ['explain', 'sheet', 'council', 'plan', 'certificate'].filter((f) => f in entry);
      console.log(JSON.stringify({ same, before: [before.type, before.errors?.[0].code, before.errors?.[0].path], unknown, again, after,
        form: form.result().criteria, init: init() === ready, batch: typeof scoreBatch, only }));
    `);
    const got = JSON.parse(out);
    assert.equal(got.same, true, 'ocop/score gives the report ocop gives');
    assert.deepEqual(got.before, ['failure', 'EDITION_NOT_LOADED', '/edition']);
    assert.equal(got.unknown, 'OcopError | UNKNOWN_EDITION | /edition | UNKNOWN_EDITION: `1048/2019` is not an edition; use one of: 26/2026, 148/2023');
    assert.deepEqual([got.again, got.after, got.init, got.batch], [true, true, true, 'function']);
    assert.ok(got.form > 0);
    assert.deepEqual(got.only, [], 'ocop/score has the scoring functions only');
  });

  test('the Node entry is ready on import; init() returns the resolved ready', async () => {
    assert.equal(await ocop.init(), undefined);
    assert.equal(ocop.init(), ocop.ready);
    assert.equal(ocop.default, ocop.init);
  });
});

describe('catalog', () => {
  test('editions, newest first, and the one in force on a day', () => {
    const all = ocop.editions();
    assert.deepEqual(all.map((e) => e.id), ['26/2026', '148/2023']);
    assert.match(all[0].contentHash, /^sha256:[0-9a-f]{64}$/);
    assert.equal(all[1].inForceUntil, '2026-07-21');
    assert.equal(all[0].inForceUntil, undefined);
    assert.deepEqual(all[1].provisionalSheets, [7, 11, 12, 13]);
    assert.equal(ocop.editionInForce('2026-05-21').id, '148/2023');
    assert.equal(ocop.editionInForce('2026-05-22').id, '26/2026');
  });

  test('an edition by its printed number; its data, groups, sets and subject types', () => {
    const data = ocop.editionData('148/QĐ-TTg');
    assert.equal(data.identity.id, '148/2023');
    assert.equal(data.productSets.length, 26);
    assert.equal(ocop.productSets('26/2026').length, 26);
    assert.equal(ocop.productGroups('26/2026').length, 6);
    const types = ocop.subjectTypes('26/2026');
    assert.equal(types.length, 7);
    assert.deepEqual(types.find((t) => t.id === 'association').onlyProductSets, [26]);
  });

  test('a sheet with labels in both languages, plain JSON values', () => {
    const sheet = ocop.sheet('26/2026', 9);
    const criteria = criteriaOf(sheet);
    assert.equal(criteria.length, 31);
    assert.equal(criteria[0].code, 'A1.1');
    assert.equal(criteria[0].name.vi, 'Nguồn nguyên liệu');
    assert.equal(typeof criteria[0].name.en, 'string');
    assert.equal(Object.getPrototypeOf(sheet), Object.prototype);
    // An absent optional value is null, as in the core's JSON.
    assert.equal(criteria[0].group, null);
  });

  test('search by name with or without diacritics', () => {
    assert.equal(ocop.searchProductSets('26/2026', 'nuoc mam')[0].productSet, 9);
    assert.equal(ocop.searchProductSets('26/2026', 'Cà phê')[0].productSet, 13);
    assert.deepEqual(ocop.searchProductSets('26/2026', 'xyz'), []);
  });

  test('the error codes are the table of docs/errors.md', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'errors.md'), 'utf8');
    const documented = [...doc.matchAll(/^\| `([A-Z_]+)` \| ([^|]+) \|/gm)].map((m) => [m[1], m[2].trim()]);
    const { errors, warnings } = ocop.errorCodes();
    assert.deepEqual([...errors, ...warnings].map((c) => [c.code, c.title.en]), documented);
  });
});

describe('scoring', () => {
  test('the fish-sauce example: 75 points, 4★ band, held at 3★ by B5.1, by code', () => {
    const r = ocop.score(example);
    assert.equal(r.formatVersion, 2);
    assert.equal(r.total, '75');
    assert.deepEqual(r.parts.map((p) => [p.code, p.points]), [['A', '35'], ['B', '16'], ['C', '24']]);
    assert.deepEqual([r.band, r.stars, r.certifiable], [4, 3, true]);
    assert.deepEqual(r.outcome, { kind: 'rated' });
    assert.deepEqual(r.blockers.map((b) => [b.star, b.code, b.needsPoints, b.option]), [[4, 'B5.1', 5, 4]]);
    assert.equal(r.reference, example.reference);
    assert.equal(r.lines.length, 31);
    assert.deepEqual(r.lines.find((l) => l.code === 'A3.1'), { code: 'A3.1', option: 2, points: '3', status: 'filled' });
    assert.deepEqual(r.warnings.map((w) => [w.code, w.path]), [
      ['ANSWER_FILLED', '/answers/A3.1'], ['IMPLIED_OPTION', '/answers/A2.4'], ['READING_APPLIED', '/answers'],
    ]);
    // Codes and numbers only: no labels travel with a score (they were 16 KB before format 2).
    const keys = new Set();
    JSON.stringify(r, (k, v) => (keys.add(k), v));
    for (const label of ['label', 'name', 'vi', 'en', 'text']) assert.ok(!keys.has(label), label);
    assert.ok(JSON.stringify(r).length < 4000, `${JSON.stringify(r).length} bytes`);
  });

  test('explain adds the labels, in one language or both', () => {
    const r = ocop.score(example);
    const en = ocop.explain(r, 'en');
    assert.equal(en.report.total, '75');
    assert.equal(en.lines.length, r.lines.length);
    assert.equal(en.lines[0].name.en, 'Raw-material source');
    assert.equal(en.lines[0].name.vi, undefined);
    assert.match(en.summary.en, /star markers on B5\.1 cap the result at 3 stars/);
    assert.equal(en.warnings.length, r.warnings.length);
    assert.match(en.blockers[0].en, /electronic traceability/);
    const both = ocop.explain(r);
    assert.equal(both.lines[0].name.vi, 'Nguồn nguyên liệu');
    assert.throws(() => ocop.explain(r, 'fr'), (e) => e.name === 'OcopError' && e.code === 'WRONG_TYPE' && e.path === '/languages');
  });

  test('safeScore answers instead of throwing', () => {
    const ok = ocop.safeScore(example);
    assert.equal(ok.type, 'success');
    assert.equal(ok.result.total, '75');
    const bad = ocop.safeScore({ productSet: 9 });
    assert.equal(bad.type, 'failure');
    assert.deepEqual(bad.errors.map((e) => e.code), ['MISSING_FIELD']);
  });

  test('a rule outcome is data, not an error', () => {
    const r = ocop.score({ ...example, dossierRejected: true });
    assert.deepEqual([r.outcome.kind, r.outcome.at, r.band, r.certifiable], ['rejected', undefined, undefined, false]);
  });

  test('a form scores tick by tick, as score does, and refuses a bad tick without changing', () => {
    const form = new ocop.Form('26/2026', 9, 'cooperative');
    for (const [code, option] of Object.entries(example.answers)) form.set(code, option);
    const now = form.result();
    assert.deepEqual([now.total, now.band, now.stars, now.blocker, now.parts], [75, 4, 3, 'B5.1', [35, 16, 24]]);
    assert.throws(() => form.set('A1.1', 9), (e) => e.code === 'OPTION_OUT_OF_RANGE' && e.path === '/answers/A1.1');
    assert.throws(() => form.set('Z9', 0), (e) => e.code === 'UNKNOWN_CRITERION');
    assert.equal(form.result().total, 75);
    form.set('B5.1', 4);
    assert.deepEqual([form.result().total, form.result().stars], [77, 4]);
    const criteria = criteriaOf(ocop.sheet('26/2026', 9));
    form.setAt(criteria.findIndex((c) => c.code === 'B5.1'), 3);
    assert.equal(form.result().stars, 3);
    assert.equal(form.report().total, '75');
    assert.deepEqual(form.evaluation().answers['B5.1'], 3);
    form.free();
    assert.throws(() => new ocop.Form('26/2026', 26, 'bank'), (e) => e.code === 'UNKNOWN_SUBJECT_TYPE');
  });

  test('scoreBatch gives the total, band and stars of score, 3 bytes a sheet', () => {
    const criteria = criteriaOf(ocop.sheet('26/2026', 9));
    let seed = 7;
    const random = (n) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const sheets = Array.from({ length: 200 }, (_, k) => criteria.map((c) => {
      const fits = c.options.map((o, i) => [o, i]).filter(([o]) => !o.subjectTypes?.length || o.subjectTypes.includes('cooperative'));
      return k % 10 === 0 && !c.options[0].subjectTypes?.length ? 255 : fits[random(fits.length)][1];
    }));
    const scores = ocop.scoreBatch('26/2026', 9, Uint8Array.from(sheets.flat()));
    assert.ok(scores instanceof Uint8Array);
    assert.equal(scores.length, 3 * sheets.length);
    sheets.forEach((row, k) => {
      const answers = Object.fromEntries(criteria.map((c, i) => [c.code, row[i] === 255 ? null : row[i]]));
      const r = ocop.score({ edition: '26/2026', productSet: 9, subjectType: 'cooperative', answers });
      const got = [...scores.subarray(3 * k, 3 * k + 3)];
      assert.deepEqual(got, [Number(r.total), r.band, r.stars], `sheet ${k}`);
    });
  });

  test('a council on the members mean, with disagreements', () => {
    const best = Object.fromEntries(criteriaOf(ocop.sheet('26/2026', 9)).map((c) => [c.code, c.options.length - 1]));
    const r = ocop.council({
      edition: '26/2026', productSet: 9, subjectType: 'cooperative',
      members: [{ answers: best }, { answers: { ...best, 'C6.5': 2 } }, { answers: best }],
    });
    assert.equal(r.mean, '99.33');
    assert.deepEqual([r.result.band, r.result.stars], [5, 4]);
    assert.deepEqual(r.disagreements.map((d) => [d.code, d.options]), [['C6.5', [best['C6.5'], 2, best['C6.5']]]]);
    assert.deepEqual(r.members.map((m) => m.total), [100, 98, 100]);
  });

  test('the next-star plan, the best reachable star, and the plan in words', () => {
    const p = ocop.plan({ evaluation: example });
    assert.deepEqual([p.edition, p.productSet, p.targetStar, p.reachable, p.newTotal, p.newStars], ['26/2026', 9, 4, true, 77, 4]);
    assert.deepEqual(p.changes.map((c) => [c.code, c.fromOption, c.toOption, c.requiredByMarker]), [['B5.1', 3, 4, true]]);
    assert.equal(ocop.plan({ evaluation: example, targetStar: 5 }).targetStar, 5);
    assert.equal(ocop.plan({ evaluation: example, onlyCriteria: ['B5.1'] }).newStars, 4);
    const words = ocop.explainPlan(p, 'vi');
    assert.equal(words.changes[0].name.vi, 'Câu chuyện sản phẩm');
    assert.match(words.changes[0].option.vi, /truy xuất nguồn gốc điện tử$/);
  });

  test('a self-assessment against the council sheet and a council', () => {
    // The producer ticks B4.3's best option; the council the example's.
    const b43 = criteriaOf(ocop.sheet('26/2026', 9)).find((c) => c.code === 'B4.3');
    const best = b43.options.length - 1;
    const claimed = String(b43.options[best].points - b43.options[example.answers['B4.3']].points);
    const own = { ...example, answers: { ...example.answers, 'B4.3': best } };
    const c = ocop.compare({ selfAssessment: own, council: example });
    assert.deepEqual(c.differences.map((d) => [d.code, d.selfOption, d.councilOption, d.atStake]), [['B4.3', best, 3, claimed]]);
    assert.deepEqual([c.pointsOverclaimed, c.pointsUnderclaimed], [claimed, '0']);
    const { answers, reference, ...product } = example;
    const withCouncil = ocop.compare({ selfAssessment: own, council: { ...product, members: [{ answers }, { answers }] } });
    assert.equal(withCouncil.councilTotal, '75');
    assert.equal(withCouncil.differences[0].councilOption, undefined);
  });
});

describe('certificates, rounds, codes and portfolios', () => {
  test('a certificate judged on a day', () => {
    const s = ocop.certificate({ issuedOn: '2024-03-15', stars: 4, on: '2026-11-23' });
    assert.deepEqual([s.expiresOn, s.state, s.valid], ['2027-03-15', 'windowMissed', true]);
    assert.deepEqual(s.reevaluationWindow, { opensOn: '2026-09-16', closesOn: '2026-11-15' });
  });

  test('dossier rules and rounds', () => {
    assert.deepEqual(ocop.dossierRules({ filedOn: '2026-05-10', kind: 'first' }).finishBy, '2026-07-21');
    assert.equal(ocop.roundForSubmission({ on: '2026-08-12', level: 'province' }).round.number, 2);
    assert.equal(ocop.nextRound({ on: '2025-09-01', level: 'province' }).round, undefined);
  });

  test('product codes, parsed and written', () => {
    const c = ocop.parseProductCode({ code: '38-12345-007-2026' });
    assert.deepEqual(c.segments.map((s) => s.kind), ['province', 'commune', 'sequence', 'year']);
    assert.equal(ocop.parseProductCode({ code: '83-829-12-2022', edition: '148/2023' }).edition, '148/2023');
    assert.equal(ocop.formatProductCode({ edition: '26/2026', province: '38', area: '12345', sequence: 7, year: 2026 }), '38-12345-007-2026');
  });

  test('a portfolio against the bundled Hà Tĩnh targets', () => {
    const csv = 'product,product_set,subject_type,stars,recognised_on\n'
      + 'Nước mắm,9,cooperative,4,2024-03-15\nChè xanh,11,household,3,2023-11-30\nBad row,99,farm,3,2024-01-01\n';
    const r = ocop.portfolio({ csv, on: '2026-11-23', expiringWithinDays: 365, targets: 'ha-tinh-2023-2025' });
    assert.equal(r.products, 2);
    assert.equal(r.expiringWithinDays, 365);
    assert.deepEqual(r.rowErrors.map((e) => e.line), [4]);
    assert.equal(r.targets.length, ocop.targetSet('ha-tinh-2023-2025').targets.length);
    assert.equal(r.targets[0].met, false);
    assert.equal(ocop.portfolio({ csv, on: '2026-11-23' }).expiringWithinDays, 180);
  });
});

describe('after the certificate: carry-over and result codes', () => {
  const example148 = JSON.parse(readFileSync(join(ROOT, 'ocop-cli', 'src', 'example-148.json'), 'utf8'));

  test('a 148 evaluation carries over to 26/2026 (worked in tests/cases/reevaluation.json)', () => {
    const c = ocop.carryOver({ evaluation: example148, issuedOn: '2024-03-15' });
    assert.deepEqual([c.previousEdition, c.edition, c.previousTotal, c.previousStars], ['148/2023', '26/2026', '74', 3]);
    const b42 = c.criteria.find((x) => x.code === 'B4.2');
    assert.deepEqual([b42.previousCode, b42.status, b42.previousPoints, b42.points], ['B4b', 'rescored', 3, 2]);
    assert.ok(c.toAnswer.includes('A2.4'));
    assert.deepEqual(c.reachable, { lowest: { total: 37, stars: 2 }, highest: { total: 88, stars: 3 }, unanswered: 16 });
    assert.deepEqual(c.certificate.reevaluationWindow, { opensOn: '2026-09-16', closesOn: '2026-11-15' });
    assert.equal(ocop.correspondence('148/2023', '26/2026').sets.length, 26);
    assert.equal(ocop.correspondence('26/2026', '148/2023'), null);
  });

  test('a code made here verifies, and one misread character is refused', () => {
    const made = ocop.resultCode(example);
    assert.equal(made.code, 'OCOP-BAGRUJLANRLUREZPQDSHD5SMONZFWJESZDPIAYID'); // as the Rust core makes it
    const v = ocop.verifyResultCode({ code: made.code, claimedStars: 3 });
    assert.deepEqual([v.holds, v.report.total, v.signature], [true, '75', 'absent']);
    const misread = made.code.slice(0, 20) + (made.code[20] === 'A' ? 'B' : 'A') + made.code.slice(21);
    assert.throws(() => ocop.verifyResultCode({ code: misread }), { name: 'OcopError', code: 'INVALID_RESULT_CODE', path: '/code' });
  });
});
