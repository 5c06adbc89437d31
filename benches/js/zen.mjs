// @gorules/zen-engine: a JSON Decision Model of the sheet — an expression node for each
// criterion's points, one for the total and the star markers, and a first-hit decision table
// for the stars.
import { ZenEngine } from '@gorules/zen-engine';

export function zenDecision(sheet) {
  const key = (code) => `p_${code.replace(/\./g, '_')}`;
  const points = sheet.criteria.map((c) => ({ id: `e-${c.code}`, key: key(c.code), value: `[${c.points.join(', ')}][answers["${c.code}"]] ?? 0` }));
  const markers = (star) => {
    const checks = sheet.criteria.filter((c) => c.floors[star] > 0).map((c) => `${key(c.code)} >= ${c.floors[star]}`);
    return checks.length ? checks.join(' and ') : 'true';
  };
  const summary = [
    { id: 'total', key: 'total', value: sheet.criteria.map((c) => key(c.code)).join(' + ') },
    ...[3, 4, 5].map((s) => ({ id: `m${s}`, key: `m${s}`, value: markers(s) })),
  ];
  const rule = (id, total, marker, stars) => ({ _id: id, 'in-total': total, 'in-marker3': marker[0], 'in-marker4': marker[1], 'in-marker5': marker[2], 'out-stars': String(stars), 'out-total': 'total' });
  const content = {
    contentType: 'application/vnd.gorules.decision',
    nodes: [
      { id: 'request', type: 'inputNode', name: 'request', position: { x: 0, y: 0 } },
      { id: 'points', type: 'expressionNode', name: 'points', position: { x: 200, y: 0 }, content: { expressions: points, passThrough: false } },
      { id: 'summary', type: 'expressionNode', name: 'summary', position: { x: 400, y: 0 }, content: { expressions: summary, passThrough: false } },
      {
        id: 'stars', type: 'decisionTableNode', name: 'stars', position: { x: 600, y: 0 },
        content: {
          hitPolicy: 'first',
          inputs: [
            { id: 'in-total', name: 'Total', type: 'expression', field: 'total' },
            { id: 'in-marker3', name: '3★ markers', type: 'expression', field: 'm3' },
            { id: 'in-marker4', name: '4★ markers', type: 'expression', field: 'm4' },
            { id: 'in-marker5', name: '5★ markers', type: 'expression', field: 'm5' },
          ],
          outputs: [
            { id: 'out-stars', name: 'Stars', type: 'expression', field: 'stars' },
            { id: 'out-total', name: 'Total', type: 'expression', field: 'total' },
          ],
          rules: [
            rule('r5', `>= ${sheet.bands[5]}`, ['true', 'true', 'true'], 5),
            rule('r4', `>= ${sheet.bands[4]}`, ['true', 'true', ''], 4),
            rule('r3', `>= ${sheet.bands[3]}`, ['true', '', ''], 3),
            rule('r2', `>= ${sheet.bands[2]}`, ['', '', ''], 2),
            rule('r1', '', ['', '', ''], 1),
          ],
        },
      },
      { id: 'response', type: 'outputNode', name: 'response', position: { x: 800, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'request', targetId: 'points', type: 'edge' },
      { id: 'e2', sourceId: 'points', targetId: 'summary', type: 'edge' },
      { id: 'e3', sourceId: 'summary', targetId: 'stars', type: 'edge' },
      { id: 'e4', sourceId: 'stars', targetId: 'response', type: 'edge' },
    ],
  };
  const engine = new ZenEngine();
  const decision = engine.createDecision(content);
  return async (evaluation) => {
    const { result } = await decision.evaluate({ answers: evaluation.answers });
    return { total: result.total, stars: result.stars };
  };
}
