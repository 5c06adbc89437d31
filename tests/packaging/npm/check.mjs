// Runs in a fresh consumer that installed the npm tarball (tests/packaging/npm.sh): imports the
// package as an app does (Node, ESM) and scores the CLI's example.
//   node check.mjs <ocop-cli/src/example.json>
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import init, { score } from 'ocop';

// The CLI's example: 75 points, in the 4★ band but held at 3★ by the marker on B5.1. The one
// place that knows the report's shape.
function check(report) {
  const got = [report.total, report.stars?.star];
  if (got[0] !== '75' || got[1] !== 3) throw new Error(`expected 75 points and 3 stars, got ${got}`);
}

const from = fileURLToPath(import.meta.resolve('ocop'));
if (!from.startsWith(process.cwd() + '/node_modules/')) throw new Error(`ocop resolved outside the consumer: ${from}`);
await init();
check(score(JSON.parse(readFileSync(process.argv[2], 'utf8'))));
console.log(`npm tarball (${from}): the example scores 75 points, 3 stars`);
