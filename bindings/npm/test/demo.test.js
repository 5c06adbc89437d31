// The demo page (bindings/npm/demo/) in headless Chromium, served from 127.0.0.1 with the built
// package: a real scoring is clicked through (the CLI's example, fish sauce from a cooperative),
// the page must show what the package answers (75 points, 4★ band, 3★ awarded because of
// B5.1, plan B5.1 → 4★), in both languages, on a desktop and a phone screen; the council tab
// aggregates two members. Screenshots go to bindings/npm/test-output/.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import * as ocop from 'ocop';

import { OUTPUT_DIR, ROOT, chromium, serve, watch } from './support.js';

const example = JSON.parse(readFileSync(join(ROOT, 'ocop-cli', 'src', 'example.json'), 'utf8'));
const expected = ocop.score(example);

let server;
let browser;
before(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  server = await serve();
  browser = await chromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(viewport) {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  const problems = watch(page);
  await page.goto(`${server.url}/demo/`);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, problems };
}

/** Picks the example's product and ticks its options, as a user would. */
async function fillExample(page) {
  await page.selectOption('#edition', example.edition);
  await page.fill('#search', 'nuoc mam');
  await page.selectOption('#product-set', String(example.productSet));
  await page.selectOption('#subject-type', example.subjectType);
  await page.fill('#evaluated-on', example.evaluatedOn);
  await page.dispatchEvent('#evaluated-on', 'change');
  for (const [code, option] of Object.entries(example.answers)) {
    await page.check(`#c-${code.replace('.', '\\.')} input[type=radio][value="${option}"]`);
  }
}

const text = (page, selector) => page.locator(selector).innerText();

test('demo: the example scores 75, band 4★, awarded 3★ held by B5.1, plan B5.1 → 4★', async () => {
  assert.deepEqual([expected.total, expected.band, expected.stars], ['75', 4, 3]);
  const { page, problems } = await open({ width: 1280, height: 900 });
  assert.match(await text(page, 'h1'), /Chấm điểm OCOP/);
  await fillExample(page);

  assert.equal(await text(page, '#total'), `75/${expected.maxTotal}`);
  assert.equal(await page.getAttribute('#band', 'data-star'), '4');
  assert.equal(await page.getAttribute('#stars', 'data-star'), '3');
  assert.equal(await text(page, '#stars'), '★★★☆☆');
  const parts = await text(page, '#parts');
  for (const p of expected.parts) assert.ok(parts.includes(`${p.code} ${p.points}/${p.max}`), parts);
  assert.match(await text(page, '#blockers'), /4★: B5\.1/);
  assert.ok(await page.locator('#c-B5\\.1.blocked').count(), 'the blocking criterion is highlighted');
  const plan = await text(page, '#plan');
  assert.match(plan, /B5\.1: phương án 3 → 4/);
  assert.match(plan, /77 điểm, 4 sao/);
  assert.match(await text(page, '#verdict'), /^3★/);
  assert.equal(await text(page, '#errors'), '');
  assert.match(await text(page, '#answered'), /31\/31/, 'the organisation type the core fills in counts as answered');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(OUTPUT_DIR, 'demo.png') });

  // English: same answers, labels switched.
  await page.selectOption('#lang', 'en');
  assert.equal(await text(page, 'h1'), 'OCOP scoring');
  assert.equal(await text(page, '#total'), `75/${expected.maxTotal}`);
  assert.equal(await page.getAttribute('#stars', 'data-star'), '3');
  assert.match(await text(page, '#plan'), /B5\.1: option 3 → 4 .*\n?.*77 points, 4 stars/s);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(OUTPUT_DIR, 'demo-en.png') });

  // The live total follows each tick: raise B5.1 to option 4 and the cap is lifted.
  await page.check('#c-B5\\.1 input[type=radio][value="4"]');
  assert.equal(await text(page, '#total'), `77/${expected.maxTotal}`);
  assert.equal(await page.getAttribute('#stars', 'data-star'), '4');
  assert.deepEqual(problems, []);
  await page.close();
});

test('demo: usable on a 390 px phone screen', async () => {
  const { page, problems } = await open({ width: 390, height: 844 });
  await fillExample(page);
  assert.equal(await page.getAttribute('#stars', 'data-star'), '3');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(OUTPUT_DIR, 'demo-phone.png') });
  assert.deepEqual(problems, []);
  await page.close();
});

test('demo: the council tab aggregates two members', async () => {
  const { page, problems } = await open({ width: 1280, height: 900 });
  await fillExample(page);
  await page.click('#tab-council');
  await page.fill('#members', '2');
  await page.dispatchEvent('#members', 'change');
  await page.click('#copy-sheet');
  // Member 2 gives C7 one option less than member 1.
  await page.selectOption('select[data-member="1"][data-code="C7"]', String(example.answers.C7 - 1));

  const { answers, reference, ...product } = example;
  const want = ocop.council({
    ...product,
    members: [
      { name: 'Thành viên 1', answers },
      { name: 'Thành viên 2', answers: { ...answers, C7: answers.C7 - 1 } },
    ],
  });
  assert.equal(want.members.length, 2);
  assert.equal(await text(page, '#council-mean'), want.roundedMean ?? want.mean);
  assert.equal(await page.getAttribute('#council-stars', 'data-star'), String(want.result.stars));
  assert.match(await text(page, '#council-members'), new RegExp(`^${want.members.map((m) => m.total).join(' · ')} `));
  assert.ok(await page.locator('#row-C7.disagree').count(), 'the disagreement is highlighted');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(OUTPUT_DIR, 'demo-council.png') });
  assert.deepEqual(problems, []);
  await page.close();
});
