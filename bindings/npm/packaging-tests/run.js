// The npm package as users get it: the `npm pack` tarball of bindings/npm/pkg, installed with
// `npm install` into this folder's node_modules (the tools are pinned by package-lock.json and
// shared by every rung), then used the way each tool's users write it, with no setting for ocop.
// Each rung scores the CLI's example sheet and checks the answer (shared/check.js), in headless
// Chromium where there is a page. Prints one line per rung, ok or what failed; exits non-zero if
// any failed. Tool output goes to bindings/npm/test-output/packaging/<rung>.log.
//
//   node run.js              every rung (run.sh installs the tools first)
//   node run.js vite next    only the rungs whose names contain one of these words
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join, extname, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const NPM_DIR = join(HERE, '..');
const ROOT = join(NPM_DIR, '..', '..');
const WORK = join(HERE, '.work');
const LOGS = join(NPM_DIR, 'test-output', 'packaging');
const BIN = join(HERE, 'node_modules', '.bin');
const ENV = {
  ...process.env,
  CI: '1',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  NEXT_TELEMETRY_DISABLED: '1',
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false', // no network: the placeholder Request.cf
  DENO_NO_UPDATE_CHECK: '1',
  DENO_DIR: join(WORK, 'deno'),
  BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0',
};
// The same Chromium flags as bindings/npm/test (Debian's chromium, driven by playwright-core).
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];
const CSP = "script-src 'self' 'wasm-unsafe-eval'";
let EXPECTED; // from shared/check.js, once install() has written the example it imports

// ---------------------------------------------------------------------------------------------
// The rungs. Each returns the answers it saw; every one must be EXPECTED.

const rungs = [
  ['node: ESM import', () => command('node', ['node/esm.mjs'])],
  ['node: CommonJS require', () => command('node', ['node/cjs.cjs'])],
  ['deno', () => command(join(BIN, 'deno'), ['run', '--quiet', 'node/esm.mjs'])],
  ['bun', () => command(join(BIN, 'bun'), ['node/esm.mjs'])],
  ['vite: dev server', viteDev],
  ['vite: build', viteBuild],
  ['webpack 5 (no experiments)', webpackBuild],
  ['next: dev (Turbopack)', () => nextApp([], 'dev')],
  ['next: build and start (Turbopack)', () => nextApp(['build'], 'start')],
  ['next: build and start (--webpack)', () => nextApp(['build', '--webpack'], 'start')],
  ['workerd: wrangler dev (local)', workerd],
  ["plain <script type=module>, CSP script-src 'self' 'wasm-unsafe-eval'", plainPage],
  ['publint --strict', publint],
  ['attw (types)', attw],
  ['README recipes are these files', readmeRecipes],
];

async function viteDev() {
  const server = await start(join(BIN, 'vite'), ['--port', '{port}', '--strictPort', '--host', '127.0.0.1'], 'vite');
  try {
    return [
      await pageAnswer(`${server.url}/`, { wasmFetches: 0 }),
      await pageAnswer(`${server.url}/slim.html`, { wasmFetches: 1 }),
    ];
  } finally {
    await server.stop();
  }
}

async function viteBuild() {
  await run(join(BIN, 'vite'), ['build'], 'vite');
  const assets = readdirSync(join(HERE, 'vite', 'dist', 'assets'));
  // The embedded entry brings no .wasm; ocop/slim's page brings exactly one.
  const wasm = assets.filter((f) => f.endsWith('.wasm'));
  if (wasm.length !== 1) throw new Error(`expected one .wasm in vite/dist/assets (ocop/slim's), found: ${wasm.join(', ') || 'none'}`);
  return servePages(join(HERE, 'vite', 'dist'), ['index.html', 'slim.html', 'score.html']);
}

async function webpackBuild() {
  const require = createRequire(join(HERE, 'package.json'));
  const webpack = require('webpack');
  const { default: config } = await import(pathToFileURL(join(HERE, 'webpack', 'webpack.config.js')));
  const stats = await new Promise((resolve, reject) =>
    webpack({ ...config, context: join(HERE, 'webpack') }, (e, s) => (e ? reject(e) : resolve(s))),
  );
  log(stats.toString({ colors: false, modules: false }));
  if (stats.hasErrors()) throw new Error(`webpack: ${stats.toJson({ all: false, errors: true }).errors.map((e) => e.message).join('\n')}`);
  return servePages(join(HERE, 'webpack'), ['index.html', 'slim.html']);
}

/** Next.js: the route handler, the server-rendered page (server and client component), then the
 *  page in Chromium (the client component again, after hydration). */
async function nextApp(build, serve) {
  rmSync(join(HERE, 'next', '.next'), { recursive: true, force: true });
  if (build.length) await run(join(BIN, 'next'), build, 'next');
  const server = await start(join(BIN, 'next'), [serve, '--port', '{port}', '--hostname', '127.0.0.1'], 'next', '/api/score');
  try {
    const route = await fetchText(`${server.url}/api/score`);
    const html = await fetchText(`${server.url}/`);
    const rendered = ['server', 'client'].map((id) => new RegExp(`<p id="${id}">([^<]*)</p>`).exec(html)?.[1] ?? `no #${id} in the server's HTML`);
    const browser = await pageAnswer(`${server.url}/`, { selectors: ['#server', '#client', '#browser'] });
    return [JSON.parse(route).result, ...rendered, ...browser];
  } finally {
    await server.stop();
  }
}

async function workerd() {
  const server = await start(join(BIN, 'wrangler'), ['dev', '--port', '{port}', '--ip', '127.0.0.1'], 'workerd');
  try {
    return JSON.parse(await fetchText(server.url)).result;
  } finally {
    await server.stop();
  }
}

/** Both entries from the package's files as they are, under the CSP; then, to show the CSP is
 *  enforced, the default entry without 'wasm-unsafe-eval' must fail with WASM_LOAD_FAILED. */
async function plainPage() {
  const mounts = { '/ocop/': join(HERE, 'node_modules', 'ocop'), '/shared/': join(HERE, 'shared'), '/': join(HERE, 'plain') };
  const server = await serve(mounts, { 'content-security-policy': CSP });
  const strict = await serve(mounts, { 'content-security-policy': "script-src 'self'" });
  try {
    const answers = [
      await pageAnswer(`${server.url}/index.html`, { wasmFetches: 0 }),
      await pageAnswer(`${server.url}/slim.html`, { wasmFetches: 1 }),
    ];
    const refused = (await pageAnswer(`${strict.url}/index.html`, { expectError: true })).split('\n');
    if (!refused.some((p) => p.includes("WASM_LOAD_FAILED") && p.includes("add 'wasm-unsafe-eval' to its script-src"))) {
      throw new Error(`without 'wasm-unsafe-eval' the page should fail with WASM_LOAD_FAILED naming it; got: ${refused.join('; ')}`);
    }
    return answers;
  } finally {
    await server.close();
    await strict.close();
  }
}

async function publint() {
  const out = await run(join(BIN, 'publint'), ['run', tarball, '--strict'], '.');
  if (!/All good!/.test(out)) throw new Error(`publint: ${out}`);
  return EXPECTED;
}

// The package is ESM only: `require` works through Node's require(esm) (20.19 and later, the
// CommonJS rung), which the TypeScript inside attw (5.6) predates, so that one rule is off. The
// .wasm subpath is a file to serve, not a module with types.
async function attw() {
  await run(join(BIN, 'attw'), [tarball, '--no-color', '--ignore-rules', 'cjs-resolves-to-esm', '--exclude-entrypoints', 'ocop_wasm_bg.wasm'], '.');
  return EXPECTED;
}

/** Every block of the shipped README that names a file of this folder is that file, verbatim. */
async function readmeRecipes() {
  const readme = readFileSync(join(HERE, 'node_modules', 'ocop', 'README.md'), 'utf8'); // as shipped
  const blocks = [...readme.matchAll(/```\w*\n\/\/ packaging-tests\/(\S+)\n([\s\S]*?)```/g)];
  if (blocks.length < 6) throw new Error(`expected the README to carry the recipes, found ${blocks.length} blocks naming packaging-tests/ files`);
  for (const [, file, body] of blocks) {
    if (body !== readFileSync(join(HERE, file), 'utf8')) throw new Error(`README's block for ${file} differs from the file`);
  }
  log(`checked: ${blocks.map((b) => b[1]).join(', ')}`);
  return EXPECTED;
}

// ---------------------------------------------------------------------------------------------
// Processes, servers and pages.

let logStream;
const log = (text) => logStream.write(`${text}\n`);
let tarball;
let browser;
const servers = new Set(); // started by start(), ended when a rung ends or this script does

/** Runs a tool to completion in `dir` (relative to this folder); resolves to its stdout. */
function run(cmd, args, dir, { timeout = 600_000 } = {}) {
  log(`$ ${[cmd, ...args].join(' ')}   (in ${dir})`);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: join(HERE, dir), env: ENV, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      out += d;
      logStream.write(d);
    });
    child.stderr.on('data', (d) => {
      out += d;
      logStream.write(d);
    });
    const timer = setTimeout(() => kill(child), timeout);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`${cmd.split('/').pop()} ${args[0] ?? ''} exited with ${code ?? signal}: ${lastLines(out)}`));
    });
  });
}

/** Runs a script of this folder with `cmd`; its output is the answer. */
async function command(cmd, args) {
  return (await run(cmd, args, '.')).trim();
}

/** Starts a server ({port} in `args` is a free port) and waits until `path` answers. */
async function start(cmd, args, dir, path = '/', { timeout = 180_000 } = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  args = args.map((a) => a.replace('{port}', port));
  log(`$ ${[cmd, ...args].join(' ')}   (in ${dir}, waiting for ${url}${path})`);
  const child = spawn(cmd, args, { cwd: join(HERE, dir), env: ENV, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  let exited = null;
  for (const s of [child.stdout, child.stderr]) {
    s.on('data', (d) => {
      out += d;
      logStream.write(d);
    });
  }
  child.on('exit', (code, signal) => (exited = code ?? signal));
  servers.add(child);
  const stop = () => kill(child).then(() => servers.delete(child));
  const deadline = Date.now() + timeout;
  while (true) {
    if (exited !== null) throw new Error(`${cmd.split('/').pop()} exited with ${exited}: ${lastLines(out)}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${cmd.split('/').pop()} did not answer ${path} within ${timeout / 1000}s: ${lastLines(out)}`);
    }
    try {
      await fetch(url + path, { signal: AbortSignal.timeout(120_000) });
      return { url, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** Ends a process this script started, and its children (it leads its own process group). */
function kill(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, 5000);
    child.on('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      resolve();
    }
  });
}

function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function fetchText(url) {
  const response = await fetch(url);
  const text = await response.text();
  log(`GET ${url} → ${response.status}\n${text.slice(0, 2000)}`);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${lastLines(text)}`);
  return text;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json' };

/** A static server: URL prefix → folder, with `headers` on every answer. */
function serve(mounts, headers = {}) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const prefix = Object.keys(mounts).find((p) => path.startsWith(p));
    const base = prefix && mounts[prefix];
    const file = base && normalize(join(base, path.slice(prefix.length)));
    if (!file || !file.startsWith(base) || file.split(sep).includes('..') || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, headers).end('not found');
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) }),
    ),
  );
}

async function servePages(dir, pages) {
  const server = await serve({ '/': dir });
  try {
    const answers = [];
    for (const page of pages) answers.push(await pageAnswer(`${server.url}/${page}`, { wasmFetches: page === 'slim.html' ? 1 : 0 }));
    return answers.flat();
  } finally {
    await server.close();
  }
}

/** Opens `url` in Chromium and returns the text of `selectors` once all are filled in. Fails on
 *  any page or console error (or returns it with `expectError`), and checks how many .wasm files
 *  the page fetched (0 for the embedded entry, 1 for ocop/slim) when `wasmFetches` is given. */
async function pageAnswer(url, { selectors = ['#result'], wasmFetches, expectError = false } = {}) {
  browser ??= await launchChromium();
  const page = await browser.newPage();
  const problems = [];
  const wasm = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.endsWith('.wasm')) wasm.push(`${r.url()} (${r.headers()['content-type']})`);
    if (r.status() >= 400) problems.push(`${r.status()} for ${r.url()}`);
  });
  try {
    await page.goto(url);
    const filled = page.waitForFunction((s) => s.every((q) => document.querySelector(q)?.textContent), selectors, { timeout: 60_000 });
    const failed = new Promise((resolve) => {
      const poll = setInterval(() => problems.length && (clearInterval(poll), resolve()), 100);
      filled.finally(() => clearInterval(poll)).catch(() => {});
    });
    await Promise.race([filled, failed]);
    log(`page ${url}: ${problems.length ? problems.join('; ') : 'no errors'}; .wasm fetched: ${wasm.join(', ') || 'none'}`);
    if (expectError) return problems.join('\n') || 'no error';
    if (problems.length) throw new Error(`${url}: ${problems[0]}`);
    if (wasmFetches !== undefined && wasm.length !== wasmFetches) {
      throw new Error(`${url} fetched ${wasm.length} .wasm (expected ${wasmFetches}): ${wasm.join(', ')}`);
    }
    return await Promise.all(selectors.map((q) => page.textContent(q)));
  } finally {
    await page.close();
  }
}

async function launchChromium() {
  const tools = process.env.NODE_TOOLS ?? '/opt/ocop-tools/node/node_modules';
  const { chromium } = createRequire(join(tools, 'x.js'))('playwright-core');
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

function lastLines(text, n = 12) {
  return text.trim().split('\n').slice(-n).join('\n');
}

// ---------------------------------------------------------------------------------------------
// The tarball, installed; then the rungs.

/** `npm pack` of the built package, then `npm install` of that tarball here (not saved: the
 *  lockfile pins the tools only). The example sheet is copied for shared/check.js. */
async function install() {
  const pkg = join(NPM_DIR, 'pkg');
  if (!existsSync(join(pkg, 'package.json'))) throw new Error('no built package in bindings/npm/pkg (run bash bindings/npm/build.sh)');
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const packed = JSON.parse(await run('npm', ['pack', '--json', '--pack-destination', WORK], '../pkg'));
  tarball = join(WORK, packed[0].filename);
  rmSync(join(HERE, 'node_modules', 'ocop'), { recursive: true, force: true });
  await run('npm', ['install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', tarball], '.');
  const example = readFileSync(join(ROOT, 'ocop-cli', 'src', 'example.json'), 'utf8');
  writeFileSync(
    join(HERE, 'shared', 'example.js'),
    `// ocop-cli/src/example.json, copied by run.js.\nexport const example = ${example.trim()};\n`,
  );
}

async function main() {
  mkdirSync(LOGS, { recursive: true });
  const words = process.argv.slice(2);
  const chosen = rungs.filter(([name]) => !words.length || words.some((w) => name.includes(w)));
  const slug = (name) => name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 40);
  let failed = 0;
  const t0 = Date.now();

  logStream = createWriteStream(join(LOGS, 'install.log'));
  try {
    await install();
  } catch (e) {
    console.log(`packaging: FAIL install: ${e.message}`);
    process.exitCode = 1;
    return;
  }
  ({ EXPECTED } = await import('./shared/check.js'));
  console.log(`packaging: ${tarball.split(sep).pop()} installed (${((Date.now() - t0) / 1000).toFixed(0)}s)`);

  for (const [name, rung] of chosen) {
    const file = join(LOGS, `${slug(name)}.log`);
    logStream.end();
    logStream = createWriteStream(file);
    const started = Date.now();
    let problem = null;
    try {
      const answers = [await rung()].flat(Infinity);
      const wrong = answers.filter((a) => a !== EXPECTED);
      if (wrong.length) throw new Error(`expected "${EXPECTED}", got ${wrong.map((a) => JSON.stringify(a)).join(', ')}`);
    } catch (e) {
      failed++;
      log(`FAILED: ${e.stack ?? e}`);
      problem = String(e.message ?? e).split('\n').slice(0, 10).join('\n      | ');
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    console.log(`packaging: ${problem ? 'FAIL' : 'ok  '} ${name} (${seconds}s)${problem ? `\n      | ${problem}\n      | log: ${file.slice(ROOT.length + 1)}` : ''}`);
  }
  logStream.end();
  const total = ((Date.now() - t0) / 1000).toFixed(0);
  console.log(`packaging: ${chosen.length - failed} ok, ${failed} failed (${total}s)`);
  process.exitCode = failed ? 1 : 0;
}

try {
  await main();
} finally {
  await Promise.all([...servers].map(kill));
  await browser?.close();
}
