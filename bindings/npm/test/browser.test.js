// The shared golden cases in headless Chromium: the web entry (`await init()`), loaded from a
// local server as an app would load it, gives the same fingerprints and the Rust digest.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { chromium, loadCases, report, rustDigest, serve, watch } from './support.js';

const cases = loadCases();
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

test('Chromium: the web entry gives the same answers and digest', async () => {
  const page = await browser.context.newPage();
  const problems = watch(page);
  const wasm = page.waitForResponse((r) => r.url().endsWith('.wasm'));
  await page.goto(`${server.url}/test/golden.html`);
  const response = await wasm;
  assert.equal(response.headers()['content-type'], 'application/wasm');
  await page.waitForFunction(() => window.ocopReady === true);
  const result = await page.evaluate((all) => window.runGolden(all), cases);
  report('Chromium', result);
  assert.deepEqual(result.failures, []);
  assert.equal(result.digest, rustDigest());
  // A refusal crosses as an OcopError in the browser too.
  const refusal = await page.evaluate(() => window.refusal());
  assert.deepEqual(refusal, { name: 'OcopError', code: 'UNKNOWN_EDITION', path: '/edition', isError: true });
  assert.deepEqual(problems, []);
  await page.close();
});
