// What the Node test files share: paths, the golden cases, the Rust digest, a static server
// for the browser runs and a headless Chromium (Debian's, driven by playwright-core).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NPM_DIR = fileURLToPath(new URL('..', import.meta.url));
export const ROOT = join(NPM_DIR, '..', '..');
export const CASES_DIR = join(ROOT, 'tests', 'cases');
export const OUTPUT_DIR = join(NPM_DIR, 'test-output');

/** Every golden case, files in name order, then array order. */
export function loadCases() {
  return readdirSync(CASES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(CASES_DIR, f), 'utf8')));
}

/** The digest the Rust core prints (`ocop-cases --quiet`): from run.sh, or computed here with cargo. */
export function rustDigest() {
  if (process.env.OCOP_RUST_DIGEST) return process.env.OCOP_RUST_DIGEST;
  const out = execFileSync(
    'cargo',
    ['run', '-q', '--locked', '-p', 'ocop-conformance', '--bin', 'ocop-cases', '--', '--quiet'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  const match = /^digest ([0-9a-f]{64})$/m.exec(out);
  if (!match) throw new Error(`no digest in the Rust output:\n${out}`);
  process.env.OCOP_RUST_DIGEST = match[1];
  return match[1];
}

/** Prints a golden run's failures, counts and digest. */
export function report(where, result) {
  for (const f of result.failures) {
    console.log(`FAIL ${f.name}\n     expected ${f.expected}\n     got      ${f.got}`);
  }
  console.log(`${where}: ${result.passed} passed, ${result.failed} failed`);
  console.log(`${where}: digest ${result.digest}`);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.ts': 'text/plain; charset=utf-8',
};

/** Serves bindings/npm (pkg/, demo/, test/) on 127.0.0.1 (a folder serves its index.html);
 *  resolves to its URL and `close`. */
export function serve() {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    let file = join(NPM_DIR, path);
    let ok = file.startsWith(NPM_DIR) && !path.split(sep).includes('..');
    try {
      // A folder is its index.html, as on any static host.
      if (ok && statSync(file).isDirectory()) file = join(file, 'index.html');
      ok = ok && statSync(file).isFile();
    } catch {
      ok = false;
    }
    if (!ok) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

/** Debian's Chromium, headless, with a fresh profile; resolves to a context and `close`. */
export async function chromium() {
  const tools = process.env.NODE_TOOLS ?? '/opt/ocop-tools/node/node_modules';
  const { chromium: browserType } = createRequire(join(tools, 'x.js'))('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'ocop-chromium-'));
  const context = await browserType.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Fails a browser test on any page error or console error, with the message. */
export function watch(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  return problems;
}
