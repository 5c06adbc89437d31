// The sheet every implementation scores (26/2026, product set 9: 31 criteria), read from
// `ocop --format json catalog` so the alternatives do not depend on the package under test, and
// 1 000 seeded random evaluations of it.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export function loadSheet(edition = '26/2026', set = 9) {
  // The CLI as cargo builds it for the tests (debug; CI has built it by then).
  const args = ['--format', 'json', 'catalog', '--edition', edition, '--set', String(set)];
  const json = execFileSync('cargo', ['run', '-q', '--locked', '-p', 'ocop-cli', '--', ...args], { cwd: root, encoding: 'utf8' });
  const { sheet } = JSON.parse(json);
  const criteria = sheet.parts.flatMap((p) => p.sections.flatMap((s) => s.criteria)).map((c) => {
    // Star markers are cumulative minimums: the points each star needs here.
    const floors = {};
    for (const star of [3, 4, 5]) {
      let need = 0;
      for (const o of c.options) if (o.minStar && o.minStar <= star) need = Math.max(need, o.points);
      if (c.minStar && c.minStar <= star) need = Math.max(need, Math.min(...c.options.map((o) => o.points)));
      floors[star] = need;
    }
    return { code: c.code, points: c.options.map((o) => o.points), options: c.options, floors };
  });
  const bands = { 5: 90, 4: 70, 3: 50, 2: 30, 1: 0 };
  return { edition, set, criteria, bands };
}

/** Seeded random evaluations of a cooperative's sheet (the ocop interchange format). */
export function randomEvaluations(sheet, count, seed = 42) {
  let x = seed;
  const next = (n) => {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x % n;
  };
  // A third uniform, a third from the upper half, a third the best option 9 times in 10:
  // every star, and capped stars, occur.
  return Array.from({ length: count }, (_, k) => {
    const answers = {};
    for (const c of sheet.criteria) {
      const fits = c.options.map((o, i) => [o, i]).filter(([o]) => !o.subjectTypes?.length || o.subjectTypes.includes('cooperative')).map(([, i]) => i);
      const pick = [
        () => fits[next(fits.length)],
        () => fits[fits.length - 1 - next(Math.ceil(fits.length / 2))],
        () => (next(10) ? fits[fits.length - 1] : fits[next(fits.length)]),
      ][k % 3];
      answers[c.code] = pick();
    }
    return { edition: sheet.edition, productSet: sheet.set, subjectType: 'cooperative', answers };
  });
}
