// The built package in headless Chromium, loaded from a local server as an app would load it:
// the golden cases through the default entry (the wasm embedded: nothing fetched) give the same
// fingerprints and the Rust digest; ocop/slim fetches the .wasm, and refuses an HTML page served
// in its place with an OcopError that names the fix; ocop/score scores on import and fetches
// another edition only when asked.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { chromium, loadCases, report, ROOT, rustDigest, serve, watch } from './support.js';

const cases = loadCases();
const example = JSON.parse(readFileSync(join(ROOT, 'ocop-cli', 'src', 'example.json'), 'utf8'));
let server;
let browser;
before(async () => {
  server = await serve();
  browser = await chromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('Chromium: the default entry gives the same answers and digest, fetching no .wasm', async () => {
  const page = await browser.context.newPage();
  const problems = watch(page);
  const fetched = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && fetched.push(r.url()));
  await page.goto(`${server.url}/test/golden.html`);
  await page.waitForFunction(() => window.ocopReady === true);
  const result = await page.evaluate((all) => window.runGolden(all), cases);
  report('Chromium', result);
  assert.deepEqual(result.failures, []);
  assert.equal(result.digest, rustDigest());
  // A refusal crosses as an OcopError in the browser too.
  const refusal = await page.evaluate(() => window.refusal());
  assert.deepEqual(refusal, { name: 'OcopError', code: 'UNKNOWN_EDITION', path: '/edition', isError: true });
  assert.deepEqual(fetched, []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Chromium: ocop/slim fetches the .wasm served as application/wasm', async () => {
  const page = await browser.context.newPage();
  const problems = watch(page);
  const wasm = page.waitForResponse((r) => r.url().endsWith('/pkg/wasm/ocop_wasm_bg.wasm'));
  await page.goto(`${server.url}/test/slim.html`);
  await page.waitForFunction(() => window.ocopReady === true);
  assert.deepEqual(await page.evaluate(() => window.load()), { loaded: true });
  assert.equal((await wasm).headers()['content-type'], 'application/wasm');
  assert.equal(await page.evaluate((e) => window.stars(e), example), 3);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Chromium: ocop/slim given an HTML page for its .wasm throws WASM_LOAD_FAILED naming the fix', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/test/slim.html`);
  await page.waitForFunction(() => window.ocopReady === true);
  // What a single-page app's server answers for a file it does not have: its HTML page.
  const refused = await page.evaluate(() => window.load('/test/golden.html'));
  assert.equal(refused.name, 'OcopError');
  assert.equal(refused.code, 'WASM_LOAD_FAILED');
  assert.equal(refused.path, '');
  assert.match(refused.message, /golden\.html is an HTML page/);
  assert.match(refused.message, /Import 'ocop' instead of 'ocop\/slim'/);
  assert.doesNotMatch(refused.message, /magic/);
  await page.close();
});

test('Chromium: ocop/score scores 26/2026 on import, and fetches 148/2023 only when asked', async () => {
  const page = await browser.context.newPage();
  const problems = watch(page);
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(`${server.url}/test/score.html`);
  await page.waitForFunction(() => window.ocopReady === true);
  assert.equal(await page.evaluate((e) => window.stars(e), example), 3);
  // 148/2023's sheet 9 at its best options: not loaded yet, then loaded on demand.
  const { sheet } = await import('ocop');
  const criteria = sheet('148/2023', 9).parts.flatMap((p) => p.sections.flatMap((s) => s.criteria));
  const fits = (c) => c.options.map((o, i) => [o, i]).filter(([o]) => !o.subjectTypes?.length || o.subjectTypes.includes('cooperative'));
  const best = { edition: '148/2023', productSet: 9, subjectType: 'cooperative', answers: Object.fromEntries(criteria.map((c) => [c.code, fits(c).at(-1)[1]])) };
  assert.deepEqual(await page.evaluate((e) => window.refused(e), best), ['EDITION_NOT_LOADED']);
  assert.ok(!fetched.includes('/pkg/editions/148-2023.js'), fetched.join(', '));
  assert.equal(await page.evaluate(() => window.load('148/2023')), 'loaded');
  assert.ok(fetched.includes('/pkg/editions/148-2023.js'), fetched.join(', '));
  assert.equal(await page.evaluate((e) => window.stars(e), best), 5);
  assert.equal(await page.evaluate(() => window.load('1048/2019')), 'UNKNOWN_EDITION');
  assert.ok(!fetched.some((f) => f.endsWith('.wasm') || f.includes('labels')), fetched.join(', '));
  assert.deepEqual(problems, []);
  await page.close();
});
