// The practical limit: a hand-written scorer for one sheet, tables built once.
export function plainScorer(sheet) {
  const codes = sheet.criteria.map((c) => c.code);
  const points = sheet.criteria.map((c) => c.points);
  const floors = [3, 4, 5].map((s) => sheet.criteria.map((c) => c.floors[s]));
  const { bands } = sheet;
  return (evaluation) => {
    const answers = evaluation.answers;
    let total = 0;
    let level = 5;
    for (let i = 0; i < codes.length; i++) {
      const p = points[i][answers[codes[i]]] ?? 0;
      total += p;
      while (level > 2 && p < floors[level - 3][i]) level--;
    }
    const band = total >= bands[5] ? 5 : total >= bands[4] ? 4 : total >= bands[3] ? 3 : total >= bands[2] ? 2 : 1;
    return { total, stars: Math.min(band, level) };
  };
}

// A hand-written form: keep the answers, rescore them all at each tick.
export function plainForm(sheet) {
  const score = plainScorer(sheet);
  const evaluation = { answers: {} };
  return {
    tick(code, option) {
      evaluation.answers[code] = option;
      return score(evaluation);
    },
  };
}
