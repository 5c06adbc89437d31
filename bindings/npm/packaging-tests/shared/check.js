// The one answer every rung must give, in one place: the CLI's example sheet (fish sauce from a
// cooperative, ocop-cli/src/example.json, copied to example.js by run.js) scores 75 points, which
// is the 4★ band, and is awarded 3★ because B5.1 is below the 4★ marker.
export { example } from './example.js';

export const EXPECTED = '75 points, band 4★, awarded 3★';

/** The report's answer in words; throws if it is not EXPECTED. */
export function check(report) {
  const got = `${report?.total} points, band ${report?.band}★, awarded ${report?.stars}★`;
  if (got !== EXPECTED) throw new Error(`expected ${EXPECTED}, got ${got}`);
  return got;
}
