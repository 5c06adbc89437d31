// ocop's npm package against what web developers would otherwise use, in one run:
// the same 1 000 evaluations of one 31-criterion sheet (26/2026, product set 9) scored by
// ocop (object API and typed batch API), a plain hand-written JS scorer, json-logic-js,
// json-rules-engine and @gorules/zen-engine; and a form filled in one tick at a time, by ocop's
// `Form` and by a hand-written JS form. Every implementation must agree on every total and star
// (markers included) before anything is timed.
//
//   node benches/js/bench.mjs [--quick]        (after bindings/npm/build.sh)
//   node benches/js/bench.mjs --check          (the agreement only, no timing: CI runs it)
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

import { loadSheet, randomEvaluations } from './sheet.mjs';
import { plainForm, plainScorer } from './plain.mjs';
import { jsonLogicScorer } from './jsonlogic.mjs';
import { rulesEngineScorer } from './rulesengine.mjs';
import { zenDecision } from './zen.mjs';
import { loadOcop, ocopColdStart } from './ocop.mjs';

const quick = process.argv.includes('--quick');
const checkOnly = process.argv.includes('--check');
const root = fileURLToPath(new URL('../..', import.meta.url));
const sheet = loadSheet();
const evaluations = randomEvaluations(sheet, 1000);

const ocop = await loadOcop(sheet);
const implementations = [
  ...ocop.implementations,
  { name: 'plain JS (hand-written)', score: plainScorer(sheet) },
  { name: 'json-logic-js', score: jsonLogicScorer(sheet) },
  { name: 'json-rules-engine', score: rulesEngineScorer(sheet), async: true },
  { name: '@gorules/zen-engine (native)', score: zenDecision(sheet), async: true },
];

// 1. Same answers everywhere, or stop.
const reference = evaluations.map(plainScorer(sheet));
for (const impl of implementations) {
  const got = impl.batch ? impl.batch(evaluations) : await Promise.all(evaluations.map((e) => impl.score(e)));
  got.forEach((g, i) => {
    const want = reference[i];
    if (g.total !== want.total || g.stars !== want.stars) {
      console.error(`DISAGREEMENT: ${impl.name} on evaluation ${i}: got ${JSON.stringify(g)}, expected ${JSON.stringify(want)}`);
      console.error(JSON.stringify(evaluations[i]));
      process.exit(1);
    }
  });
}
const stars = reference.reduce((h, r) => ({ ...h, [r.stars]: (h[r.stars] ?? 0) + 1 }), {});
console.log(`Agreement: ${implementations.length} implementations, ${evaluations.length} evaluations, stars ${JSON.stringify(stars)}`);

// The same for forms: each form is first filled in with the first evaluation, then every tick
// sets one criterion (printed order) to its answer in the next evaluation, 30 000 ticks in all.
const ticks = evaluations.slice(1).flatMap((e) => sheet.criteria.map((c) => [c.code, e.answers[c.code]]));
const forms = [ocop.form, { name: 'plain JS form (hand-written)', start: () => plainForm(sheet) }];
const fill = (form) => {
  for (const c of sheet.criteria) form.tick(c.code, evaluations[0].answers[c.code]);
  return form;
};
{
  const want = fill(plainForm(sheet));
  const got = forms.map((f) => fill(f.start()));
  ticks.forEach(([code, option], i) => {
    const w = want.tick(code, option);
    got.forEach((form, k) => {
      const g = form.tick(code, option);
      if (g.total !== w.total || g.stars !== w.stars) {
        console.error(`DISAGREEMENT: ${forms[k].name} on tick ${i} (${code} → ${option}): got ${JSON.stringify(g)}, expected ${JSON.stringify(w)}`);
        process.exit(1);
      }
    });
  });
}
console.log(`Agreement: ${forms.length} forms, ${ticks.length} ticks`);
if (checkOnly) process.exit(0);

// 2. Time each: repeat the 1 000 evaluations for at least `budget` ms after a warm-up.
async function time(impl) {
  const budget = quick ? 150 : 1500;
  const pass = impl.batch
    ? () => impl.batch(evaluations)
    : impl.async
      ? async () => { for (const e of evaluations) await impl.score(e); }
      : () => { for (const e of evaluations) impl.score(e); };
  for (let i = 0; i < 3; i++) await pass();
  let passes = 0;
  const start = performance.now();
  while (performance.now() - start < budget) {
    await pass();
    passes++;
  }
  const us = ((performance.now() - start) * 1000) / (passes * evaluations.length);
  return { name: impl.name, us };
}
const rows = [];
for (const impl of implementations) rows.push(await time(impl));
// Time relative to each ocop API: above 1 is slower than ocop, below 1 faster.
const bases = ocop.implementations.map((impl) => rows.find((r) => r.name === impl.name));
const ratio = (r, b) => {
  const x = r.us / b.us;
  return x >= 10 ? Math.round(x).toLocaleString('en-US') : x >= 1 ? x.toFixed(1) : x.toPrecision(2);
};
const plain = rows.find((r) => r.name === 'plain JS (hand-written)');
console.log(`\n| implementation | µs per sheet | sheets/s | time × plain JS | ${bases.map((b) => `time × ${b.name}`).join(' | ')} |`);
console.log(`|---|---:|---:|---:|${bases.map(() => '---:').join('|')}|`);
for (const r of rows) {
  console.log(`| ${r.name} | ${r.us.toFixed(3)} | ${Math.round(1e6 / r.us).toLocaleString('en-US')} | ${ratio(r, plain)} | ${bases.map((b) => ratio(r, b)).join(' | ')} |`);
}

// Forms: µs per tick (one criterion set, the running total and stars read back).
const formRows = [];
for (const f of forms) {
  const form = fill(f.start());
  const budget = quick ? 150 : 1500;
  const pass = () => { for (const [code, option] of ticks) form.tick(code, option); };
  pass();
  let passes = 0;
  const start = performance.now();
  while (performance.now() - start < budget) {
    pass();
    passes++;
  }
  formRows.push({ name: f.name, us: ((performance.now() - start) * 1000) / (passes * ticks.length) });
}
const plainTick = formRows.at(-1);
console.log('\n| form (set one answer, read total and stars) | µs per tick | time × plain JS form |');
console.log('|---|---:|---:|');
for (const r of formRows) console.log(`| ${r.name} | ${r.us.toFixed(3)} | ${ratio(r, plainTick)} |`);

// 3. Sizes and cold starts.
const size = (path) => {
  const bytes = readFileSync(path);
  return `${(bytes.length / 1024).toFixed(1)} KB raw, ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KB gzipped`;
};
console.log('\nSizes:');
for (const [name, path] of ocop.files) console.log(`- ocop ${name}: ${size(path)}`);
const zenNative = `${root}/benches/js/node_modules/@gorules/zen-engine-linux-x64-gnu/zen-engine.linux-x64-gnu.node`;
if (existsSync(zenNative)) console.log(`- @gorules/zen-engine native addon (linux x64): ${(statSync(zenNative).size / 1024 / 1024).toFixed(1)} MB raw`);
// The other packages' own JavaScript (every .js file of the package, without its dependencies).
const jsFiles = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
  d.isDirectory() ? (d.name === 'node_modules' ? [] : jsFiles(`${dir}/${d.name}`)) : d.name.endsWith('.js') ? [`${dir}/${d.name}`] : []);
for (const [pkg, dir] of [['json-logic-js', 'json-logic-js'], ['json-rules-engine', 'json-rules-engine/dist']]) {
  const path = `${root}/benches/js/node_modules/${dir}`;
  if (!existsSync(path)) continue;
  const bytes = Buffer.concat(jsFiles(path).map((f) => readFileSync(f)));
  console.log(`- ${pkg} (its own .js files, without dependencies): ${(bytes.length / 1024).toFixed(1)} KB raw, ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KB gzipped`);
}
console.log('\nCold start (instantiate + first scoring):');
for (const line of await ocopColdStart(sheet, evaluations[0])) console.log(`- ${line}`);
