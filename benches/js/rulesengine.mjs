// json-rules-engine: points as facts, one rule per star (band threshold and star markers).
import { Engine } from 'json-rules-engine';

export function rulesEngineScorer(sheet) {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const byCode = new Map(sheet.criteria.map((c) => [c.code, c]));
  engine.addFact('points', async (params, almanac) => {
    const answers = await almanac.factValue('answers');
    return byCode.get(params.code).points[answers[params.code]] ?? 0;
  });
  engine.addFact('total', async (params, almanac) => {
    let total = 0;
    for (const c of sheet.criteria) total += await almanac.factValue('points', { code: c.code });
    return total;
  });
  for (const star of [5, 4, 3, 2]) {
    const markers = star >= 3 ? sheet.criteria.filter((c) => c.floors[star] > 0) : [];
    engine.addRule({
      name: `${star} stars`,
      priority: star,
      conditions: {
        all: [
          { fact: 'total', operator: 'greaterThanInclusive', value: sheet.bands[star] },
          ...markers.map((c) => ({ fact: 'points', params: { code: c.code }, operator: 'greaterThanInclusive', value: c.floors[star] })),
        ],
      },
      event: { type: 'stars', params: { stars: star } },
    });
  }
  return async (evaluation) => {
    const { events, almanac } = await engine.run({ answers: evaluation.answers });
    const stars = events.reduce((best, e) => Math.max(best, e.params.stars), 1);
    return { total: await almanac.factValue('total'), stars };
  };
}
