// json-logic-js: the option points, bands and star markers written as JSON Logic rules.
import jsonLogic from 'json-logic-js';

export function jsonLogicScorer(sheet) {
  const key = (code) => code.replace(/\./g, '_'); // json-logic paths split on "."
  const pointsOf = (c) => {
    const branches = [];
    c.points.forEach((p, i) => branches.push({ '===': [{ var: `answers.${key(c.code)}` }, i] }, p));
    branches.push(0);
    return { if: branches };
  };
  const totalRule = { '+': sheet.criteria.map(pointsOf) };
  const starRule = (star) => ({
    and: [{ '>=': [{ var: 'total' }, sheet.bands[star]] }, ...sheet.criteria.filter((c) => c.floors[star] > 0).map((c) => ({ '>=': [pointsOf(c), c.floors[star]] }))],
  });
  const starsRule = { if: [starRule(5), 5, starRule(4), 4, starRule(3), 3, { '>=': [{ var: 'total' }, sheet.bands[2]] }, 2, 1] };
  return (evaluation) => {
    const answers = {};
    for (const [code, option] of Object.entries(evaluation.answers)) answers[key(code)] = option;
    const total = jsonLogic.apply(totalRule, { answers });
    return { total, stars: jsonLogic.apply(starsRule, { answers, total }) };
  };
}
