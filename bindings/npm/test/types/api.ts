// Compiled with `tsc --noEmit --strict` against the built package (never run): every export
// is used with the types an app would write, so a wrong or loose declaration fails the build.
import init, {
  bestReachable, certificate, compare, council, dossierRules, editionData, editionInForce,
  editions, errorCodes, formatProductCode, haTinhTargets, nextRound, parseProductCode, plan,
  portfolio, productGroups, productSets, roundForSubmission, safeScore, score, scoreBatch,
  ready, searchProductSets, sheet, subjectTypes,
} from 'ocop';
import initSlim, { ready as slimReady, score as slimScore } from 'ocop/slim';
import type {
  Answer, Answers, CertificateInput, CertificateState, CertificateStatus, CodeTable, Comparison,
  CouncilInput, CouncilReport, Criterion, DossierRules, EditionData, EditionSummary, ErrorCode,
  Evaluation, InputError, Level, OcopError, Outcome, Plan, PortfolioReport, ProductCode,
  ProductCodeParts, ProductGroup, ProductSetInfo, RoundAnswer, ScoreReport, SearchHit, Sheet,
  SubjectTypeInfo, TargetSet, WarningCode,
} from 'ocop';

await init();
const loaded: Promise<void> = ready;
await initSlim(new Uint8Array([0, 97, 115, 109]));
await initSlim(new URL('https://example.org/ocop_wasm_bg.wasm'));
const slimLoaded: Promise<void> = slimReady;
const slimReport: ScoreReport = slimScore({ edition: '26/2026', productSet: 9, subjectType: 'cooperative', answers: {} });
const loadFailed: ErrorCode = 'WASM_LOAD_FAILED';

const all: EditionSummary[] = editions();
const current: EditionSummary = editionInForce('2026-11-23');
const until: string | undefined = all[1].inForceUntil;
const data: EditionData = editionData(current.id);
const replaced: string | null | undefined = data.identity.inForceUntil;
const sets: ProductSetInfo[] = productSets('26/2026');
const leaf: string | undefined = sets[0].leafName?.vi;
const groups: ProductGroup[] = productGroups('26/2026');
const types: SubjectTypeInfo[] = subjectTypes('26/2026');
const hits: SearchHit[] = searchProductSets('26/2026', 'nuoc mam');
const fishSauce: Sheet = sheet('26/2026', hits[0].productSet);
const criteria: Criterion[] = fishSauce.parts.flatMap((p) => p.sections.flatMap((s) => s.criteria));
const marker: number | null | undefined = criteria[0].options[0].minStar;

const answers: Answers = { 'A1.1': 2, 'A1.2': null };
const evaluation: Evaluation = {
  edition: '26/2026', evaluatedOn: '2026-11-23', productSet: 9, subjectType: 'cooperative', answers,
};
const report: ScoreReport = score(evaluation);
const total: string = report.total; // decimals cross as strings
const stars: number | undefined = report.stars?.star;
const outcome: Outcome = report.outcome;
const stoppedAt: string | undefined = outcome.kind === 'notRated' ? outcome.at : undefined;
const answer: Answer<ScoreReport> = safeScore(evaluation);
const firstError: InputError | undefined = answer.type === 'failure' ? answer.errors[0] : undefined;
const totals: Uint8Array = scoreBatch('26/2026', 9, new Uint8Array(criteria.length).fill(255));

const input: CouncilInput = { ...evaluation, members: [{ answers }, { name: 'B', chair: true, answers }], rules: { maxSpread: 10 } };
const council_: CouncilReport = council(input);
const rounded: string | undefined = council_.roundedMean;
const disagreeing: (number | null)[] = council_.disagreements[0].options;
const next: Plan = plan(evaluation);
const toFive: Plan = plan(evaluation, 5, ['B5.1']);
const best: Plan = bestReachable(evaluation, ['B5.1']);
const diff: Comparison = compare(evaluation, evaluation);
const diffCouncil: Comparison = compare(evaluation, input);

const facts: CertificateInput = { issuedOn: '2024-03-15', on: '2026-11-23', stars: 4, revocationGround: 'mark_misused' };
const status: CertificateStatus = certificate(facts);
const state: CertificateState = status.state;
const rules: DossierRules = dossierRules('2026-05-10', 'first');
const level: Level = 'province';
const round: RoundAnswer = roundForSubmission('2026-08-12', level);
const later: RoundAnswer = nextRound('2026-11-23', 'central');
const code: ProductCode = parseProductCode('38-12345-007-2026', null, { provinces: ['38'] });
const parts: ProductCodeParts = { edition: '26/2026', province: '38', area: '12345', sequence: 7, year: 2026 };
const written: string = formatProductCode(parts);
const targets: TargetSet = haTinhTargets();
const report2: PortfolioReport = portfolio('product,product_set,subject_type,stars,recognised_on\n', '2026-11-23', 365, targets);
const table: CodeTable = errorCodes();
const codes: (ErrorCode | WarningCode)[] = [...table.errors.map((e) => e.code), ...table.warnings.map((w) => w.code)];

try {
  score({ productSet: 9, subjectType: 'farm' });
} catch (e) {
  const error = e as OcopError;
  const why: ErrorCode = error.code;
  const where: string = error.path;
  const each: InputError[] = error.errors;
  console.log(why, where, each.length, error.message);
}

console.log(until, replaced, leaf, groups, types, marker, total, stars, stoppedAt, firstError, totals, rounded,
  disagreeing, next, toFive, best, diff, diffCouncil, state, rules, round, later, code, written, report2, codes,
  loaded, slimLoaded, slimReport, loadFailed);
