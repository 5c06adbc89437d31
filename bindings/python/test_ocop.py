"""Python against the installed package `ocop` (a wheel or `pip install`, see test.sh): the shared
golden cases (fingerprints from the typed results, tests/cases/README.md; their digest must equal
the Rust digest), the catalog and the error paths. Prints "N passed, N failed"; exits 1 on a
failure. Only data (the cases, the example) is read from the repository.

    python -I test_ocop.py <repository root> <digest printed by the Rust cases>
"""

import copy
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import ocop
from ocop import OcopError

passed = failed = 0


def expect(name, expected, block):
    """Passes when block() returns expected; an exception is a failure too."""
    global passed, failed
    try:
        actual = block()
    except Exception as e:  # noqa: BLE001 - any exception fails the check
        actual = f"raised {e!r}"
    if actual == expected:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}\n     expected {expected}\n     got      {actual}")


# ---- fingerprints (tests/cases/README.md) ----

ERROR_IDS = {row.code: row.id for row in ocop.error_codes()}
WARNING_IDS = {row.code: row.id for row in ocop.warning_codes()}


def joined(items):
    items = [str(i) for i in items]
    return ",".join(items) if items else "-"


def fmt(value):
    """A value as fingerprints print it: `-` when absent, booleans in lower case."""
    if value is None:
        return "-"
    return str(value).lower() if isinstance(value, bool) else str(value)


def level_id(level):
    return None if level is None else level.name.lower()


def camel(member):
    first, *rest = member.name.lower().split("_")
    return first + "".join(w.capitalize() for w in rest)


def errors_fp(e):
    return "errors=" + joined(f"{ERROR_IDS[x.code]}@{x.path}" for x in e.errors)


def score_fp(r):
    o = r.outcome
    outcome = "rated" if o.is_rated() else f"notRated@{o.at}" if o.is_not_rated() else f"rejected@{o.at or 'dossier'}"
    return (
        f"total={r.total} parts={joined(p.points for p in r.parts)} band={fmt(r.band)} "
        f"stars={fmt(r.stars)} certifiable={fmt(r.certifiable)} outcome={outcome} "
        f"blockers={joined(f'{x.star}:{x.code}' for x in r.blockers)} "
        f"recognised={fmt(level_id(r.recognition.recognised_at))} forward={fmt(level_id(r.recognition.forward_to))} "
        f"warnings={joined(WARNING_IDS[w.code] for w in r.warnings)}"
    )


def council_fp(r):
    res = r.result
    return (
        f"mean={r.mean} rounded={fmt(r.rounded_mean)} band={fmt(res.band)} "
        f"stars={fmt(res.stars)} spread={r.spread} exceeded={fmt(r.spread_exceeded)} "
        f"stands={fmt(r.result_stands)} quorum={fmt(r.quorum and r.quorum.met)} "
        f"members={joined(m.total for m in r.members)} disagree={joined(d.code for d in r.disagreements)} "
        f"blockers={joined(f'{x.star}:{x.code}' for x in res.blockers)} "
        f"forward={fmt(level_id(res.recognition.forward_to))}"
    )


def plan_fp(p):
    return (
        f"target={p.target_star} reachable={fmt(p.reachable)} "
        f"changes={joined(f'{c.code}:{c.to_option}' for c in p.changes)} "
        f"changed={p.criteria_changed} added={p.points_added} total={p.new_total} stars={p.new_stars}"
    )


def compare_fp(c):
    return (
        f"self={c.self_total} council={c.council_total} over={c.points_overclaimed} "
        f"under={c.points_underclaimed} diffs={joined(f'{d.code}:{d.at_stake}' for d in c.differences)}"
    )


def certificate_fp(c):
    w = c.reevaluation_window
    return (
        f"issued_under={c.issued_under} rules={c.rules_of} expires={c.expires_on} state={camel(c.state)} "
        f"valid={fmt(c.valid)} window={fmt(w and f'{w.opens_on}..{w.closes_on}')} "
        f"grace={fmt(c.grace_until)} notice={fmt(c.expiry_notice_by)}"
    )


def round_fp(a):
    r = a.round
    if r is None:
        return f"edition={a.edition} round=-"
    return (
        f"edition={a.edition} round={level_id(r.level)}#{r.number} "
        f"proposals_before={r.proposals_before} completed_before={r.completed_before}"
    )


def code_fp(c):
    segments = joined(f"{s.kind.name.lower()}:{s.value}" for s in c.segments)
    return f"edition={c.edition} segments={segments} formatted={c.formatted}"


def portfolio_fp(r):
    def counts(v):
        return joined(f"{c.key}:{c.count}" for c in v)

    targets = joined(f"{t.id}:met" if t.met else f"{t.id}:short{t.shortfall}" for t in r.targets)
    rows = joined(f"{e.line}:" + "+".join(ERROR_IDS[x.code] for x in e.errors) for e in r.row_errors)
    cov = r.reevaluation
    return (
        f"products={r.products} valid={r.valid_certificates} subjects={r.subjects} stars={counts(r.by_stars)} "
        f"groups={counts(r.by_group)} types={counts(r.by_subject_type)} expiring={len(r.expiring)} "
        f"due={cov.due} reevaluated={cov.reevaluated} expired_without={cov.expired_without} "
        f"coverage={cov.percent} targets={targets} row_errors={rows}"
    )


def bound_fp(b):
    return f"{b.total}:{fmt(b.stars)}"


def reachable_fp(r):
    return f"open={r.unanswered} lowest={bound_fp(r.lowest)} highest={bound_fp(r.highest)}"


def carry_over_fp(c):
    def with_status(status):
        return joined(x.code for x in c.criteria if x.status == status)

    cert = c.certificate
    w = cert and cert.reevaluation_window
    return (
        f"from={c.previous_edition} to={c.edition} previous={c.previous_total}:{fmt(c.previous_stars)} "
        f"carried={with_status(ocop.CarryStatus.CARRIED)} rescored={with_status(ocop.CarryStatus.RESCORED)} "
        f"to_answer={joined(c.to_answer)} dropped={joined(c.dropped)} "
        f"lowest={bound_fp(c.reachable.lowest)} highest={bound_fp(c.reachable.highest)} "
        f"expires={fmt(cert and cert.expires_on)} window={fmt(w and f'{w.opens_on}..{w.closes_on}')} "
        f"warnings={joined(WARNING_IDS[x.code] for x in c.warnings)}"
    )


def result_code_fp(c):
    return f"code={c.code} length={len(c.code)} stars={fmt(c.stars)} total={c.total}"


def verification_fp(v):
    mismatches = joined(f"{camel(m.claimed_by)}:{fmt(m.claimed)}>{fmt(m.recomputed)}" for m in v.mismatches)
    return (
        f"holds={fmt(v.holds)} stars={fmt(v.report.stars)} total={v.report.total} "
        f"in_code={fmt(v.stars_in_code)} mismatches={mismatches} signature={camel(v.signature)}"
    )


def deadline_fp(d):
    return f"due={d.due_on} holidays={joined(f'{h.date}:{h.kind.name.lower()}' for h in d.holidays)}"


def holidays_fp(y):
    return (
        f"days={joined(f'{h.date[5:]}:{h.kind.name.lower()}' for h in y.holidays)} "
        f"worked={joined(w.date[5:] for w in y.worked_weekend_days)} readings={len(y.readings)}"
    )


def step_deadline_fp(d):
    return (
        f"edition={d.edition} step={d.step.name.lower()} unit={d.deadline.unit.name.lower()} "
        f"length={d.deadline.length} due={d.deadline.due_on}"
    )


def checklist_fp(c):
    s = c.samples
    samples = "-" if s is None else "exempt" if s.exempt else str(s.count)
    copies = next((f"{p.copies.paper}+{p.copies.electronic}" for p in c.packages if p.copies), "-")
    sets = joined(f"{p.id}[{'+'.join(i.id for i in p.items)}]" for p in c.packages)
    evidence = joined(f"{e.id}:{'+'.join(x.code for x in e.criteria)}" for e in c.evidence if e.criteria)
    due = c.deadlines[0].deadline.due_on if c.deadlines else None
    return (
        f"edition={c.edition} level={level_id(c.level)} sets={sets} samples={samples} copies={copies} "
        f"requirements={len(c.case_requirements)} commune={joined(x.code for x in c.criteria if x.assessed_by_commune)} "
        f"evidence={evidence} without={joined(x.code for x in c.criteria if not x.evidence)} "
        f"due={fmt(due)} gaps={len(c.gaps)}"
    )


def dossier_check_fp(c):
    return (
        f"package={c.package} complete={fmt(c.complete)} "
        f"missing={joined(f'{m.id}:{m.declared}/{m.needed}' for m in c.missing)} "
        f"conditional={joined(i.id for i in c.conditional)} extra={joined(c.extra)} "
        f"evidence_not_attached={joined(e.id for e in c.evidence_not_attached)}"
    )


def slip_fp(s):
    return (
        f"edition={s.edition} number={s.number} second={s.second} province={s.province} "
        f"commune={s.commune} year={s.year} formatted={s.formatted}"
    )


def changed(record, **fields):
    """A copy of a generated record with some fields replaced."""
    record = copy.copy(record)
    for name, value in fields.items():
        setattr(record, name, value)
    return record


# ---- running a case: each kind read by the core's own reader (`…_from_json`) ----

KINDS = {
    "score": (ocop.evaluation_from_json, ocop.score, score_fp),
    "council": (ocop.council_from_json, ocop.council, council_fp),
    "plan": (ocop.plan_request_from_json, ocop.plan, plan_fp),
    "compare": (ocop.compare_request_from_json, ocop.compare, compare_fp),
    "certificate": (ocop.certificate_from_json, ocop.certificate, certificate_fp),
    "dossierRules": (
        ocop.dossier_rules_request_from_json,
        ocop.dossier_rules,
        lambda r: f"edition={r.edition} finish_by={fmt(r.finish_by)}",
    ),
    "round": (ocop.round_request_from_json, ocop.round_for_submission, round_fp),
    "nextRound": (ocop.round_request_from_json, ocop.next_round, round_fp),
    "productCode": (ocop.product_code_request_from_json, ocop.parse_product_code, code_fp),
    "productCodeFormat": (ocop.product_code_parts_from_json, ocop.format_product_code, lambda c: f"formatted={c}"),
    "portfolio": (ocop.portfolio_request_from_json, ocop.portfolio, portfolio_fp),
    "carryOver": (ocop.carry_over_request_from_json, ocop.carry_over, carry_over_fp),
    "reachable": (ocop.evaluation_from_json, ocop.reachable, reachable_fp),
    "resultCode": (ocop.evaluation_from_json, ocop.result_code, result_code_fp),
    "verifyResultCode": (ocop.verify_request_from_json, ocop.verify_result_code, verification_fp),
    "deadline": (ocop.deadline_request_from_json, ocop.deadline, deadline_fp),
    "holidays": (ocop.holidays_request_from_json, ocop.holidays, holidays_fp),
    "procedureDeadline": (ocop.step_deadline_request_from_json, ocop.procedure_deadline, step_deadline_fp),
    "dossierChecklist": (ocop.checklist_request_from_json, ocop.dossier_checklist, checklist_fp),
    "dossierCheck": (ocop.filed_dossier_from_json, ocop.check_dossier, dossier_check_fp),
    "registrationSlip": (ocop.slip_request_from_json, ocop.parse_registration_slip, slip_fp),
    "registrationSlipFormat": (
        ocop.slip_parts_from_json,
        ocop.format_registration_slip,
        lambda s: f"formatted={s}",
    ),
}


def run(kind, i):
    if kind not in KINDS:
        return f"unknown kind `{kind}`"
    read, call, fingerprint = KINDS[kind]
    return fingerprint(call(read(json.dumps(i))))


def golden(cases_dir, rust_digest):
    lines = []
    for file in sorted(cases_dir.glob("*.json")):
        for case in json.loads(file.read_text(encoding="utf-8")):
            try:
                got = run(case["kind"], case["input"])
            except OcopError.Invalid as e:
                got = errors_fp(e)
            except Exception as e:  # noqa: BLE001 - reported as the case's result
                got = f"raised {e!r}"
            expect(case["name"], case["expect"], lambda: got)
            lines.append(f"{case['name']} {got}")
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    print(f"digest {digest}")
    expect("digest equals the Rust digest", rust_digest, lambda: digest)


# ---- typed calls and error paths ----


def refused(block):
    """The code@path list of the OcopError that block() raises."""
    try:
        block()
        return ["no error"]
    except OcopError.Invalid as e:
        assert (e.code, e.path) == (e.errors[0].code, e.errors[0].path) and e.reason
        return [f"{ERROR_IDS[x.code]}@{x.path}" for x in e.errors]


def example_answer(report):
    """The CLI's example answer (75 points, 4-star band held at 3 stars by the marker on B5.1):
    the one place that knows the report's shape."""
    return (report.total, report.stars)


def installed_package(root):
    """`ocop` comes from site-packages, with its py.typed marker, and not from the repository."""
    where = Path(ocop.__file__).resolve()
    return (
        root.resolve() not in where.parents,
        "site-packages" in where.parts,
        (where.parent / "py.typed").is_file(),
    )


def form_total(good):
    """A form ticked criterion by criterion, as an app does; its running total."""
    form = ocop.Form("26/2026", 9, good.subject_type)
    for code, option in good.answers.items():
        form.set(code, option)
    return str(form.result().total)


def typed_calls(example):
    good = ocop.evaluation_from_json(example)
    report = ocop.score(good)
    expect("the CLI's example: 75 points, 3 stars", ("75", 3), lambda: example_answer(report))
    expect("editions, newest first", ["26/2026", "148/2023"], lambda: [e.id for e in ocop.editions()])
    expect("search without diacritics", 9, lambda: ocop.find_product_sets("26/2026", "nuoc mam")[0].product_set)
    expect("sheet 9 starts with A1.1", "A1.1", lambda: ocop.sheet("26/2026", 9).parts[0].sections[0].criteria[0].code)
    expect("JSON round trip", good, lambda: ocop.evaluation_from_json(ocop.evaluation_to_json(good)))
    expect(
        "explain in English only",
        (True, None),
        lambda: (lambda line: (bool(line.name.en), line.name.vi))(ocop.explain(report, ocop.Languages.EN).lines[0]),
    )
    expect("a form scores as the sheet", str(report.total), lambda: form_total(good))
    expect("plan to 4 stars lifts B5.1", ["B5.1"], lambda: [c.code for c in ocop.plan(ocop.PlanRequest(evaluation=good)).changes])
    row = bytes(255 if line.option is None else line.option for line in report.lines)
    expect("the batch path agrees with score", [75, 4, 3] * 2, lambda: list(ocop.score_batch("26/2026", 9, row * 2)))

    def with_answers(**answers):
        return changed(good, answers={**good.answers, **answers})

    def portfolio(percent):
        return ocop.portfolio(ocop.PortfolioRequest(csv="product\n", on="2026-11-23", targets=targets(percent)))

    errors = {
        "a batch row of the wrong length": (["MISSING_ANSWER@/rows"], lambda: ocop.score_batch("26/2026", 9, b"\x01\x02")),
        "unknown criterion": (["UNKNOWN_CRITERION@/answers/Z9"], lambda: ocop.score(with_answers(Z9=0))),
        "option out of range": (["OPTION_OUT_OF_RANGE@/answers/C11"], lambda: ocop.score(with_answers(C11=2**32 - 1))),
        "no product set 27": (["UNKNOWN_PRODUCT_SET@/productSet"], lambda: ocop.score(changed(good, product_set=27))),
        "an invalid date inside a record": (["INVALID_DATE@"], lambda: ocop.score(changed(good, evaluated_on="23/11/2026"))),
        "a NaN decimal": (["WRONG_TYPE@"], lambda: portfolio("NaN")),
        "a percentage over 100": (["INVALID_TARGET_SET@/targets/targets/0"], lambda: portfolio("100.5")),
        "an empty council": (["COUNCIL_EMPTY@/members"], lambda: ocop.council(council_of(good, 0))),
        "target star 0": (["INVALID_TARGET@/targetStar"], lambda: ocop.plan(ocop.PlanRequest(evaluation=good, target_star=0))),
        "unknown edition": (["UNKNOWN_EDITION@/edition"], lambda: ocop.edition_data("QĐ 1")),
        "not JSON": (["INVALID_JSON@"], lambda: ocop.evaluation_from_json("{")),
        "nulls where values are required": (
            ["MISSING_FIELD@/productSet", "MISSING_FIELD@/subjectType"],
            lambda: ocop.evaluation_from_json('{"productSet": null, "subjectType": null}'),
        ),
    }
    for name, (codes, block) in errors.items():
        expect(name, codes, lambda: refused(block))


def targets(percent):
    target = ocop.Target(id="t", label=ocop.Text(vi="t", en="t"), filter=ocop.Filter(), count=ocop.CountBy.PRODUCTS, at_least_percent=percent)
    return ocop.TargetSet(name="test", targets=[target])


def council_of(e, members):
    return ocop.CouncilInput(
        edition=e.edition, product_set=e.product_set, subject_type=e.subject_type,
        members=[ocop.MemberSheet(answers=e.answers) for _ in range(members)],
        rules=ocop.CouncilRules(rounding=ocop.Rounding(mode=ocop.RoundingMode.NONE, decimals=0), marker_basis=ocop.MarkerBasis.CRITERION_MEAN),
    )


# ---- printed forms: the same HTML as the Rust core behind the CLI ----

FORMS = {
    "sheet": (ocop.sheet_form_from_json, ocop.print_sheet, True),
    "council": (ocop.council_form_from_json, ocop.print_council, False),
    "mau-01": (ocop.dossier_form_from_json, ocop.print_dossier_form, False),
    "mau-02": (ocop.dossier_form_from_json, ocop.print_dossier_form, True),
    "mau-03": (ocop.dossier_form_from_json, ocop.print_dossier_form, False),
}


def printed_forms(root):
    example = json.loads((root / "ocop-cli" / "src" / "example.json").read_text(encoding="utf-8"))
    for kind, (read, call, with_evaluation) in FORMS.items():
        data = json.loads((root / "ocop-cli" / "src" / "examples" / f"{kind}.json").read_text(encoding="utf-8"))
        if with_evaluation:
            data["evaluation"] = example
        data["language"] = "vi"
        cli = subprocess.run(
            ["cargo", "run", "-q", "--locked", "-p", "ocop-cli", "--", "form", kind, "--example", "--lang", "vi", "--format", "json"],
            cwd=root, check=True, capture_output=True, text=True,
        )
        rust = json.loads(cli.stdout)["result"]
        expect(f"{kind}: the same HTML as the Rust core", rust, lambda: call(read(json.dumps(data))))
    bad = '{"form": "mau-01", "values": {"case": "second"}}'
    expect("a bad form value is refused at its path", ["WRONG_TYPE@/values/case"], lambda: refused(lambda: ocop.print_dossier_form(ocop.dossier_form_from_json(bad))))


if __name__ == "__main__":
    root = Path(sys.argv[1])
    print(f"ocop from {Path(ocop.__file__).parent}")
    expect("ocop is the installed package", (True, True, True), lambda: installed_package(root))
    golden(root / "tests" / "cases", sys.argv[2])
    typed_calls((root / "ocop-cli" / "src" / "example.json").read_text(encoding="utf-8"))
    printed_forms(root)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
