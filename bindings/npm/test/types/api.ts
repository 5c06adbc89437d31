// Compiled with `tsc --noEmit --strict` against the built package (never run): every export
// is used with the types an app would write, so a wrong or loose declaration fails the build.
import init, {
  certificate, compare, council, dossierRules, editionData, editionInForce, editions, errorCodes,
  explain, explainPlan, Form, formatProductCode, nextRound, parseProductCode, plan, portfolio,
  productGroups, productSets, roundForSubmission, safeScore, score, scoreBatch, ready,
  searchProductSets, sheet, subjectTypes, targetSet, carryOver, reachable, resultCode,
  verifyResultCode, correspondence,
} from 'ocop';
import initSlim, { ready as slimReady, score as slimScore } from 'ocop/slim';
import {
  checkDossier, deadline, dossierChecklist, formatRegistrationSlip, holidays, parseRegistrationSlip,
  procedureDeadline,
} from 'ocop';
import type {
  Deadline, DeadlineRequest, DossierCheck, DossierChecklist, HolidayYear, RegistrationSlip, StepDeadline,
} from 'ocop';
import { printCouncil, printDossierForm, printSheet, ready as formsReady } from 'ocop/forms';
import type { DossierForm, SheetForm } from 'ocop/forms';
import initScore, {
  Form as LeanForm, loadEdition, loadEditionData, ready as scoreReady, safeScore as leanSafeScore,
  score as leanScore, scoreBatch as leanBatch,
} from 'ocop/score';
import type {
  Answers, CertificateInput, CertificateState, CertificateStatus, CodeTable, Comparison,
  CompareRequest, CouncilInput, CouncilReport, Criterion, DossierRules, EditionData,
  EditionSummary, ErrorCode, Evaluation, Explanation, FormResult, InputError, Label, Level,
  OcopError, Outcome, Plan, PlanExplanation, PlanRequest, PortfolioReport, ProductCode,
  ProductCodeParts, ProductGroup, ProductSetInfo, RoundAnswer, SafeResult, ScoreReport, SearchHit, Sheet,
  SubjectTypeInfo, TargetSet, WarningCode, CarryOver, CarryOverRequest, CarryStatus, Reachable,
  ResultCode, Verification, VerifyRequest, Correspondence, ChangeAspect, Claimant,
} from 'ocop';

await init();
const loaded: Promise<void> = ready;
await initSlim(new Uint8Array([0, 97, 115, 109]));
await initSlim(new URL('https://example.org/ocop_wasm_bg.wasm'));
const slimLoaded: Promise<void> = slimReady;
const slimReport: ScoreReport = slimScore({ edition: '26/2026', productSet: 9, subjectType: 'cooperative', answers: {} });
const loadFailed: ErrorCode = 'WASM_LOAD_FAILED';
const notLoaded: ErrorCode = 'EDITION_NOT_LOADED';
await loadEdition('148/2023');
await initScore();
const scoreLoaded: Promise<void> = scoreReady;
const lean: ScoreReport = leanScore({ edition: '148/2023', productSet: 9, subjectType: 'cooperative', answers: {} });
const leanSafe: SafeResult<ScoreReport> = leanSafeScore(lean);
const leanForm: FormResult = new LeanForm('26/2026', 9, 'cooperative').result();
const leanRows: Uint8Array = leanBatch('26/2026', 9, new Uint8Array(31));
const supplied: string = loadEditionData(new Uint8Array(0));

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
const stars: number | undefined = report.stars;
const words: Explanation = explain(report, 'en');
const summary: Label = words.summary;
const firstName: string | undefined = words.lines[0].name.vi;
const form = new Form('26/2026', 9, 'cooperative');
form.set('A1.1', 2);
form.set('A1.2', null);
form.setAt(2, 1);
const tick: FormResult = form.result();
const blocker: string | undefined = tick.blocker;
form.free();
const outcome: Outcome = report.outcome;
const stoppedAt: string | undefined = outcome.kind === 'notRated' ? outcome.at : undefined;
const answer: SafeResult<ScoreReport> = safeScore(evaluation);
const firstError: InputError | undefined = answer.type === 'failure' ? answer.errors[0] : undefined;
const totals: Uint8Array = scoreBatch('26/2026', 9, new Uint8Array(criteria.length).fill(255));

const input: CouncilInput = { ...evaluation, members: [{ answers }, { name: 'B', chair: true, answers }], rules: { maxSpread: 10 } };
const council_: CouncilReport = council(input);
const rounded: string | undefined = council_.roundedMean;
const disagreeing: (number | null)[] = council_.disagreements[0].options;
const next: Plan = plan({ evaluation });
const request: PlanRequest = { evaluation, targetStar: 5, onlyCriteria: ['B5.1'] };
const toFive: Plan = plan(request);
const best: Plan = plan({ evaluation, onlyCriteria: ['B5.1'] });
const planWords: PlanExplanation = explainPlan(best, 'vi');
const diff: Comparison = compare({ selfAssessment: evaluation, council: evaluation });
const both: CompareRequest = { selfAssessment: evaluation, council: input };
const diffCouncil: Comparison = compare(both);

const facts: CertificateInput = { issuedOn: '2024-03-15', on: '2026-11-23', stars: 4, revocationGround: 'mark_misused' };
const status: CertificateStatus = certificate(facts);
const state: CertificateState = status.state;
const rules: DossierRules = dossierRules({ filedOn: '2026-05-10', kind: 'first' });
const level: Level = 'province';
const round: RoundAnswer = roundForSubmission({ on: '2026-08-12', level });
const later: RoundAnswer = nextRound({ on: '2026-11-23', level: 'central' });
const code: ProductCode = parseProductCode({ code: '38-12345-007-2026', known: { provinces: ['38'] } });
const parts: ProductCodeParts = { edition: '26/2026', province: '38', area: '12345', sequence: 7, year: 2026 };
const written: string = formatProductCode(parts);
const targets: TargetSet = targetSet('ha-tinh-2023-2025');
const report2: PortfolioReport = portfolio({ csv: 'product,product_set,subject_type,stars,recognised_on\n', on: '2026-11-23', expiringWithinDays: 365, targets });
const table: CodeTable = errorCodes();
const codes: (ErrorCode | WarningCode)[] = [...table.errors.map((e) => e.code), ...table.warnings.map((w) => w.code)];

const reevaluation: CarryOverRequest = { evaluation: { ...evaluation, edition: '148/2023' }, issuedOn: '2024-03-15' };
const carried: CarryOver = carryOver(reevaluation);
const carriedStatus: CarryStatus = carried.criteria[0].status;
const previousCode: string | undefined = carried.criteria[0].previousCode;
const window_: string | undefined = carried.certificate?.reevaluationWindow?.closesOn;
const range: Reachable = reachable(evaluation);
const highestStars: number | undefined = range.highest.stars;
const made: ResultCode = resultCode(evaluation);
const check: VerifyRequest = { code: made.code, claimedStars: 3 };
const verified: Verification = verifyResultCode(check);
const claimant: Claimant | undefined = verified.mismatches[0]?.claimedBy;
const mapping: Correspondence | null = correspondence('148/2023', '26/2026');
const aspect: ChangeAspect | undefined = mapping?.sets[0]?.criteria[0]?.changes?.[0];
const within: DeadlineRequest = { from: '2027-02-01', workingDays: 15 };
const due: Deadline = deadline(within);
const dueDays: Deadline = deadline({ from: '2026-08-03', days: 45 });
const daysOff: HolidayYear = holidays({ year: 2027 });
const checklist: DossierChecklist = dossierChecklist({ edition: '26/2026', productSet: 9, subjectType: 'cooperative', case: 'first', filedOn: '2027-02-01' });
const checked: DossierCheck = checkDossier({ productSet: 9, subjectType: 'farm', case: 'first', edition: '26/2026', documents: ['registration-form'], samples: 5, paperCopies: 1, electronicCopies: 1, evidence: [] });
const step: StepDeadline = procedureDeadline({ step: 'reevaluation', from: '2026-08-03' });
const slip: RegistrationSlip = parseRegistrationSlip({ slip: 'Phiếu số: 12-01/PĐK-38-12345-2026' });
const slipText: string = formatRegistrationSlip({ edition: '26/2026', number: '7', second: '2026', province: '38', commune: '12345', year: 2026 });
await formsReady;
const sheetForm: SheetForm = { evaluation: { edition: '26/2026', productSet: 9, subjectType: 'cooperative', answers: {} }, language: 'en' };
const sheetHtml: string = printSheet(sheetForm);
const councilHtml: string = printCouncil({ council: { edition: '26/2026', productSet: 9, subjectType: 'cooperative', members: [] } });
const mau: DossierForm = { form: 'mau-03', values: { commune: 'Ví Dụ', product: 'Nước mắm' } };
const mauHtml: string = printDossierForm(mau);

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
  loaded, slimLoaded, slimReport, loadFailed, summary, firstName, tick, blocker, planWords, carriedStatus,
  previousCode, window_, highestStars, verified.holds, claimant, aspect, due, dueDays, daysOff,
  checklist, checked, step, slip, slipText, sheetHtml, councilHtml, mauHtml);
