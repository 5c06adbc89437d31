// ocop's npm package for the comparison in bench.mjs: the built package (bindings/npm/pkg, from
// bindings/npm/build.sh) through its Node entry, as an app would import it.
//
// - "ocop object API (score → full report)": `score(evaluation)` per sheet; the full report
//   (every line, subtotals, band, markers, plan-ready blockers, warnings) crosses back as a
//   plain object, and the harness reads its total and stars.
// - "ocop typed batch API (scoreBatch)": the evaluations are written as one row of option
//   bytes per sheet (printed criterion order, 255 = no option), scored in one call; 3 bytes
//   come back per sheet (total, band, stars). Writing the rows is inside the timing.
// - "ocop Form (set + result)": a form being filled in; each tick is `form.set(code, option)`
//   and `form.result()` (total, parts, band, stars…).
//
// Cold starts are measured in fresh processes: Node (import = read + compile + instantiate the
// wasm; the first call also decodes the built-in catalogs) and headless Chromium (Debian's,
// through playwright-core, a local server and a fresh profile).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = `${root}bindings/npm/pkg`;
const files = [
  ['wasm, both editions (wasm/ocop_wasm_bg.wasm)', `${pkg}/wasm/ocop_wasm_bg.wasm`],
  ['JS glue (wasm/ocop_wasm.js)', `${pkg}/wasm/ocop_wasm.js`],
];

function needPackage() {
  if (!existsSync(`${pkg}/package.json`)) {
    throw new Error('bindings/npm/pkg is missing: run `bash bindings/npm/build.sh` first');
  }
}

/** The ocop implementations for the harness, scoring `sheet` (26/2026, set 9 in bench.mjs). */
export async function loadOcop(sheet) {
  needPackage();
  const ocop = await import(pathToFileURL(`${pkg}/node.js`).href);
  // The criterion order of scoreBatch rows is the sheet's printed order, from the package.
  const codes = ocop
    .sheet(sheet.edition, sheet.set)
    .parts.flatMap((p) => p.sections.flatMap((s) => s.criteria.map((c) => c.code)));
  const NO_OPTION = 255;

  const objectApi = {
    name: 'ocop object API (score → report)',
    score: (evaluation) => {
      const r = ocop.score(evaluation);
      return { total: Number(r.total), stars: r.stars };
    },
  };

  const batchApi = {
    name: 'ocop typed batch API (scoreBatch)',
    batch: (evaluations) => {
      const width = codes.length;
      const rows = new Uint8Array(evaluations.length * width);
      evaluations.forEach((e, k) => {
        for (let i = 0; i < width; i++) rows[k * width + i] = e.answers[codes[i]] ?? NO_OPTION;
      });
      const out = ocop.scoreBatch(sheet.edition, sheet.set, rows);
      return evaluations.map((_, k) => ({ total: out[3 * k], stars: out[3 * k + 2] }));
    },
  };

  // A form: one `Form` per sheet being filled in; a tick sets one answer and reads the result.
  const form = {
    name: 'ocop Form (set + result)',
    start: () => {
      const f = new ocop.Form(sheet.edition, sheet.set, 'cooperative');
      return {
        tick(code, option) {
          f.set(code, option);
          const r = f.result();
          return { total: r.total, stars: r.stars };
        },
      };
    },
  };

  return { implementations: [objectApi, batchApi], form, files };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

/** Node: import + instantiate, then the first and second score, in fresh processes. */
function nodeColdStart(evaluation, runs) {
  const script = `
    const t0 = performance.now();
    const ocop = await import(${JSON.stringify(pathToFileURL(`${pkg}/node.js`).href)});
    const t1 = performance.now();
    const e = ${JSON.stringify(evaluation)};
    ocop.score(e);
    const t2 = performance.now();
    ocop.score(e);
    const t3 = performance.now();
    console.log(JSON.stringify({ boot: t0, load: t1 - t0, first: t2 - t1, second: t3 - t2 }));
  `;
  const samples = Array.from({ length: runs }, () =>
    JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })));
  const m = (k) => median(samples.map((s) => s[k]));
  return `Node ${process.version} (median of ${runs} fresh processes): import + instantiate ${ms(m('load'))}, `
    + `first score ${ms(m('first'))} (decodes the catalogs), second score ${ms(m('second'))} (not warmed up); `
    + `ready ${ms(m('load') + m('first'))} after the import starts (process boot before it: ${ms(m('boot'))})`;
}

/** Headless Chromium: fetch + compile + instantiate (`await init()`), then the first score. */
async function chromiumColdStart(evaluation, runs) {
  const support = await import(pathToFileURL(`${root}bindings/npm/test/support.js`).href);
  const server = await support.serve();
  const lines = [];
  try {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const browser = await support.chromium(); // a fresh profile: no HTTP or code cache
      try {
        const page = await browser.context.newPage();
        await page.route(`${server.url}/bench.html`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>ocop cold start</title><link rel="icon" href="data:,">' }));
        await page.goto(`${server.url}/bench.html`);
        samples.push(await page.evaluate(async (e) => {
          const t0 = performance.now();
          const ocop = await import('/pkg/index.js');
          await ocop.default();
          const t1 = performance.now();
          ocop.score(e);
          const t2 = performance.now();
          ocop.score(e);
          const t3 = performance.now();
          return { load: t1 - t0, first: t2 - t1, second: t3 - t2 };
        }, evaluation));
      } finally {
        await browser.close();
      }
    }
    const version = execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const m = (k) => median(samples.map((s) => s[k]));
    lines.push(`${version}, headless (median of ${runs} fresh profiles, local server): fetch + compile + instantiate ${ms(m('load'))}, `
      + `first score ${ms(m('first'))}, second score ${ms(m('second'))}`);
  } finally {
    await server.close();
  }
  return lines;
}

/** Lines of text: the cold start in Node and, when Chromium and playwright-core are there, in Chromium. */
export async function ocopColdStart(sheet, evaluation) {
  needPackage();
  const lines = [nodeColdStart(evaluation, 5)];
  try {
    lines.push(...await chromiumColdStart(evaluation, 3));
  } catch (e) {
    lines.push(`Chromium: not measured (${e.message.split('\n')[0]})`);
  }
  return lines;
}
