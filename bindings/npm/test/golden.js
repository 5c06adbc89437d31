// The shared golden cases (tests/cases/*.json) run against the built package: each case's
// fingerprint line is built from the typed result, as tests/cases/README.md specifies, and
// the SHA-256 of all the lines is the digest every surface must print. Runs in Node and in
// the browser (only `globalThis.crypto.subtle` is needed), given the package's namespace.

const list = (items) => (items.length ? items.join(',') : '-');
const opt = (value) => (value === undefined || value === null ? '-' : String(value));
const blockers = (bs) => list(bs.map((b) => `${b.star}:${b.code}`));

function outcome(o) {
  switch (o.kind) {
    case 'rated':
      return 'rated';
    case 'notRated':
      return `notRated@${o.at}`;
    case 'rejected':
      return `rejected@${o.at ?? 'dossier'}`;
    default:
      throw new Error(`unknown outcome ${JSON.stringify(o)}`);
  }
}

/** @param {import('ocop').ScoreReport} r */
function score(r) {
  return [
    `total=${r.total}`,
    `parts=${list(r.parts.map((p) => p.points))}`,
    `band=${opt(r.band)}`,
    `stars=${opt(r.stars)}`,
    `certifiable=${r.certifiable}`,
    `outcome=${outcome(r.outcome)}`,
    `blockers=${blockers(r.blockers)}`,
    `recognised=${opt(r.recognition.recognisedAt)}`,
    `forward=${opt(r.recognition.forwardTo)}`,
    `warnings=${list(r.warnings.map((w) => w.code))}`,
  ].join(' ');
}

/** @param {import('ocop').CouncilReport} r */
function council(r) {
  return [
    `mean=${r.mean}`,
    `rounded=${opt(r.roundedMean)}`,
    `band=${opt(r.result.band)}`,
    `stars=${opt(r.result.stars)}`,
    `spread=${r.spread}`,
    `exceeded=${r.spreadExceeded}`,
    `stands=${r.resultStands}`,
    `quorum=${opt(r.quorum?.met)}`,
    `members=${list(r.members.map((m) => m.total))}`,
    `disagree=${list(r.disagreements.map((d) => d.code))}`,
    `blockers=${blockers(r.result.blockers)}`,
    `forward=${opt(r.result.recognition.forwardTo)}`,
  ].join(' ');
}

/** @param {import('ocop').Plan} p */
function plan(p) {
  return [
    `target=${p.targetStar}`,
    `reachable=${p.reachable}`,
    `changes=${list(p.changes.map((c) => `${c.code}:${c.toOption}`))}`,
    `changed=${p.criteriaChanged}`,
    `added=${p.pointsAdded}`,
    `total=${p.newTotal}`,
    `stars=${p.newStars}`,
  ].join(' ');
}

/** @param {import('ocop').Comparison} c */
function compare(c) {
  return [
    `self=${c.selfTotal}`,
    `council=${c.councilTotal}`,
    `over=${c.pointsOverclaimed}`,
    `under=${c.pointsUnderclaimed}`,
    `diffs=${list(c.differences.map((d) => `${d.code}:${d.atStake}`))}`,
  ].join(' ');
}

/** @param {import('ocop').CertificateStatus} c */
function certificate(c) {
  const w = c.reevaluationWindow;
  return [
    `issued_under=${c.issuedUnder}`,
    `rules=${c.rulesOf}`,
    `expires=${c.expiresOn}`,
    `state=${c.state}`,
    `valid=${c.valid}`,
    `window=${w ? `${w.opensOn}..${w.closesOn}` : '-'}`,
    `grace=${opt(c.graceUntil)}`,
    `notice=${opt(c.expiryNoticeBy)}`,
  ].join(' ');
}

/** @param {import('ocop').RoundAnswer} r */
function round(r) {
  const x = r.round;
  return x
    ? `edition=${r.edition} round=${x.level}#${x.number} proposals_before=${x.proposalsBefore} completed_before=${x.completedBefore}`
    : `edition=${r.edition} round=-`;
}

/** @param {import('ocop').PortfolioReport} r */
function portfolio(r) {
  const counts = (cs) => list(cs.map((c) => `${c.key}:${c.count}`));
  return [
    `products=${r.products}`,
    `valid=${r.validCertificates}`,
    `subjects=${r.subjects}`,
    `stars=${counts(r.byStars)}`,
    `groups=${counts(r.byGroup)}`,
    `types=${counts(r.bySubjectType)}`,
    `expiring=${r.expiring.length}`,
    `due=${r.reevaluation.due}`,
    `reevaluated=${r.reevaluation.reevaluated}`,
    `expired_without=${r.reevaluation.expiredWithout}`,
    `coverage=${r.reevaluation.percent}`,
    `targets=${list(r.targets.map((t) => (t.met ? `${t.id}:met` : `${t.id}:short${t.shortfall}`)))}`,
    `row_errors=${list(r.rowErrors.map((e) => `${e.line}:${e.errors.map((x) => x.code).join('+')}`))}`,
  ].join(' ');
}

const bound = (b) => `${b.total}:${opt(b.stars)}`;

/** @param {import('ocop').CarryOver} c */
function carryOver(c) {
  const withStatus = (status) => list(c.criteria.filter((x) => x.status === status).map((x) => x.code));
  const w = c.certificate?.reevaluationWindow;
  return [
    `from=${c.previousEdition}`,
    `to=${c.edition}`,
    `previous=${c.previousTotal}:${opt(c.previousStars)}`,
    `carried=${withStatus('carried')}`,
    `rescored=${withStatus('rescored')}`,
    `to_answer=${list(c.toAnswer)}`,
    `dropped=${list(c.dropped)}`,
    `lowest=${bound(c.reachable.lowest)}`,
    `highest=${bound(c.reachable.highest)}`,
    `expires=${opt(c.certificate?.expiresOn)}`,
    `window=${w ? `${w.opensOn}..${w.closesOn}` : '-'}`,
    `warnings=${list(c.warnings.map((x) => x.code))}`,
  ].join(' ');
}

/** @param {import('ocop').Verification} v */
function verification(v) {
  return [
    `holds=${v.holds}`,
    `stars=${opt(v.report.stars)}`,
    `total=${v.report.total}`,
    `in_code=${opt(v.starsInCode)}`,
    `mismatches=${list(v.mismatches.map((m) => `${m.claimedBy}:${opt(m.claimed)}>${opt(m.recomputed)}`))}`,
    `signature=${v.signature}`,
  ].join(' ');
}

const productCode = (c) =>
  `edition=${c.edition} segments=${list(c.segments.map((s) => `${s.kind}:${s.value}`))} formatted=${c.formatted}`;

/** @param {import('ocop').Deadline} d */
const deadline = (d) => `due=${d.dueOn} holidays=${list(d.holidays.map((h) => `${h.date}:${h.kind}`))}`;

/** @param {import('ocop').HolidayYear} y */
const holidays = (y) =>
  [
    `days=${list(y.holidays.map((h) => `${h.date.slice(5)}:${h.kind}`))}`,
    `worked=${list(y.workedWeekendDays.map((w) => w.date.slice(5)))}`,
    `readings=${y.readings.length}`,
  ].join(' ');

/** @param {import('ocop').StepDeadline} d */
const stepDeadline = (d) =>
  `edition=${d.edition} step=${d.step} unit=${d.deadline.unit} length=${d.deadline.length} due=${d.deadline.dueOn}`;

/** @param {import('ocop').DossierChecklist} c */
function checklist(c) {
  const s = c.samples;
  const copies = c.packages.find((p) => p.copies)?.copies;
  return [
    `edition=${c.edition}`,
    `level=${c.level}`,
    `sets=${list(c.packages.map((p) => `${p.id}[${p.items.map((i) => i.id).join('+')}]`))}`,
    `samples=${s ? (s.exempt ? 'exempt' : s.count) : '-'}`,
    `copies=${copies ? `${copies.paper}+${copies.electronic}` : '-'}`,
    `requirements=${c.caseRequirements.length}`,
    `commune=${list(c.criteria.filter((x) => x.assessedByCommune).map((x) => x.code))}`,
    `evidence=${list(c.evidence.filter((e) => e.criteria.length).map((e) => `${e.id}:${e.criteria.map((l) => l.code).join('+')}`))}`,
    `without=${list(c.criteria.filter((x) => !x.evidence.length).map((x) => x.code))}`,
    `due=${opt(c.deadlines[0]?.deadline.dueOn)}`,
    `gaps=${c.gaps.length}`,
  ].join(' ');
}

/** @param {import('ocop').DossierCheck} c */
const dossierCheck = (c) =>
  [
    `package=${c.package}`,
    `complete=${c.complete}`,
    `missing=${list(c.missing.map((m) => `${m.id}:${m.declared}/${m.needed}`))}`,
    `conditional=${list(c.conditional.map((i) => i.id))}`,
    `extra=${list(c.extra)}`,
    `evidence_not_attached=${list(c.evidenceNotAttached.map((e) => e.id))}`,
  ].join(' ');

/** @param {import('ocop').RegistrationSlip} s */
const slip = (s) =>
  `edition=${s.edition} number=${s.number} second=${s.second} province=${s.province} commune=${s.commune} year=${s.year} formatted=${s.formatted}`;

/**
 * Each kind: the package function that answers it (its input is the case's input, read by the
 * core's reader for that kind) and the fingerprint of the answer.
 * @type {Record<string, (ocop: typeof import('ocop'), input: any) => string>}
 */
const kinds = {
  score: (ocop, input) => score(ocop.score(input)),
  council: (ocop, input) => council(ocop.council(input)),
  plan: (ocop, input) => plan(ocop.plan(input)),
  compare: (ocop, input) => compare(ocop.compare(input)),
  certificate: (ocop, input) => certificate(ocop.certificate(input)),
  dossierRules: (ocop, input) => {
    const r = ocop.dossierRules(input);
    return `edition=${r.edition} finish_by=${opt(r.finishBy)}`;
  },
  round: (ocop, input) => round(ocop.roundForSubmission(input)),
  nextRound: (ocop, input) => round(ocop.nextRound(input)),
  productCode: (ocop, input) => productCode(ocop.parseProductCode(input)),
  productCodeFormat: (ocop, input) => `formatted=${ocop.formatProductCode(input)}`,
  portfolio: (ocop, input) => portfolio(ocop.portfolio(input)),
  carryOver: (ocop, input) => carryOver(ocop.carryOver(input)),
  reachable: (ocop, input) => {
    const r = ocop.reachable(input);
    return `open=${r.unanswered} lowest=${bound(r.lowest)} highest=${bound(r.highest)}`;
  },
  resultCode: (ocop, input) => {
    const c = ocop.resultCode(input);
    return `code=${c.code} length=${c.code.length} stars=${opt(c.stars)} total=${c.total}`;
  },
  verifyResultCode: (ocop, input) => verification(ocop.verifyResultCode(input)),
  deadline: (ocop, input) => deadline(ocop.deadline(input)),
  holidays: (ocop, input) => holidays(ocop.holidays(input)),
  procedureDeadline: (ocop, input) => stepDeadline(ocop.procedureDeadline(input)),
  dossierChecklist: (ocop, input) => checklist(ocop.dossierChecklist(input)),
  dossierCheck: (ocop, input) => dossierCheck(ocop.checkDossier(input)),
  registrationSlip: (ocop, input) => slip(ocop.parseRegistrationSlip(input)),
  registrationSlipFormat: (ocop, input) => `formatted=${ocop.formatRegistrationSlip(input)}`,
};

/**
 * The fingerprint of running one case on the package `ocop`.
 * @param {typeof import('ocop')} ocop
 * @param {{ kind: string, input: any }} c
 */
export function fingerprint(ocop, { kind, input }) {
  const run = kinds[kind];
  if (!run) return `unknown kind \`${kind}\``;
  try {
    return run(ocop, input);
  } catch (e) {
    if (e?.name !== 'OcopError') throw e;
    return `errors=${list(e.errors.map((x) => `${x.code}@${x.path}`))}`;
  }
}

/** SHA-256 (hex) of the lines joined by "\n": the cross-surface digest. */
export async function digest(lines) {
  const bytes = new TextEncoder().encode(lines.join('\n'));
  const hash = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Runs every case (in file-name order, then array order) and compares it with `expect`.
 * @param {typeof import('ocop')} ocop
 * @param {{ name: string, kind: string, input: any, expect: string }[]} cases
 */
export async function runCases(ocop, cases) {
  const lines = [];
  const failures = [];
  for (const c of cases) {
    const got = fingerprint(ocop, c);
    if (got !== c.expect) failures.push({ name: c.name, expected: c.expect, got });
    lines.push(`${c.name} ${got}`);
  }
  return { passed: cases.length - failures.length, failed: failures.length, failures, digest: await digest(lines) };
}
