"""Python against the installed package `ocop` (a wheel or `pip install`, see test.sh): the shared
golden cases (fingerprints from the typed results, tests/cases/README.md; their digest must equal
the Rust digest), the catalog and the error paths. Prints "N passed, N failed"; exits 1 on a
failure. Only data (the cases, the example) is read from the repository.

    python -I test_ocop.py <repository root> <digest printed by the Rust cases>
"""

import copy
import hashlib
import json
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
        f"total={r.total} parts={joined(p.points for p in r.parts)} band={fmt(r.band and r.band.star)} "
        f"stars={fmt(r.stars and r.stars.star)} certifiable={fmt(r.certifiable)} outcome={outcome} "
        f"blockers={joined(f'{x.star}:{x.code}' for x in r.blockers)} "
        f"recognised={fmt(level_id(r.recognition.recognised_at))} forward={fmt(level_id(r.recognition.forward_to))} "
        f"warnings={joined(WARNING_IDS[w.code] for w in r.warnings)}"
    )


def council_fp(r):
    res = r.result
    return (
        f"mean={r.mean} rounded={fmt(r.rounded_mean)} band={fmt(res.band and res.band.star)} "
        f"stars={fmt(res.stars and res.stars.star)} spread={r.spread} exceeded={fmt(r.spread_exceeded)} "
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


def changed(record, **fields):
    """A copy of a generated record with some fields replaced."""
    record = copy.copy(record)
    for name, value in fields.items():
        setattr(record, name, value)
    return record


# ---- running a case: only the JSON entry points turn its input into typed records ----


def under(prefix, read):
    """Errors of a sub-input, reported under its place in the case as the Rust runner does."""
    try:
        return read()
    except OcopError.Invalid as e:
        errors = [changed(x, path=prefix + x.path) for x in e.errors]
        raise OcopError.Invalid(e.code, prefix + e.path, e.reason, errors) from None


def run(kind, i):
    if kind == "score":
        return score_fp(ocop.score(ocop.evaluation_from_json(json.dumps(i))))
    if kind == "council":
        return council_fp(ocop.council(ocop.council_from_json(json.dumps(i))))
    if kind == "plan":
        evaluation = under("/evaluation", lambda: ocop.evaluation_from_json(json.dumps(i.get("evaluation"))))
        target, only = i.get("targetStar"), i.get("onlyCriteria")
        if only is not None and target is None:
            return plan_fp(ocop.best_reachable(evaluation, only))
        return plan_fp(ocop.plan(evaluation, target, only))
    if kind == "compare":
        own = under("/selfAssessment", lambda: ocop.evaluation_from_json(json.dumps(i.get("selfAssessment"))))
        other = i.get("council")
        if "members" in other:
            return compare_fp(ocop.compare_with_council(own, ocop.council_from_json(json.dumps(other))))
        sheet = under("/council", lambda: ocop.evaluation_from_json(json.dumps(other)))
        return compare_fp(ocop.compare(own, sheet))
    if kind == "certificate":
        ground = i.get("revocationGround")
        return certificate_fp(ocop.certificate(ocop.CertificateInput(
            edition=i.get("edition"),
            issued_on=i["issuedOn"],
            stars=i.get("stars"),
            on=i["on"],
            reevaluation_filed_on=i.get("reevaluationFiledOn"),
            reevaluation_decided_on=i.get("reevaluationDecidedOn"),
            revoked_on=i.get("revokedOn"),
            revocation_ground=ground and ocop.RevocationGround[ground.upper()],
        )))
    if kind == "dossierRules":
        r = ocop.dossier_rules(i["filedOn"], ocop.DossierKind[i["kind"].upper()])
        return f"edition={r.edition} finish_by={fmt(r.finish_by)}"
    if kind in ("round", "nextRound"):
        find = ocop.round_for_submission if kind == "round" else ocop.next_round
        return round_fp(find(i["on"], ocop.Level[i["level"].upper()]))
    if kind == "productCode":
        known = i.get("known")
        known = known and ocop.AdminCodes(**{k: known.get(k, []) for k in ("provinces", "districts", "communes")})
        return code_fp(ocop.parse_product_code(i.get("code", ""), i.get("edition"), known))
    if kind == "productCodeFormat":
        return "formatted=" + ocop.format_product_code(i["edition"], i["province"], i["area"], i["sequence"], i["year"])
    if kind == "portfolio":
        t = i.get("targets")
        targets = None if t is None else ocop.ha_tinh_targets() if t == "ha-tinh-2023-2025" else ocop.target_set_from_json(json.dumps(t))
        return portfolio_fp(ocop.portfolio_csv(i.get("csv", ""), i["on"], i.get("expiringWithinDays", 180), targets))
    return f"unknown kind `{kind}`"


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
    return (report.total, report.stars and report.stars.star)


def installed_package(root):
    """`ocop` comes from site-packages, with its py.typed marker, and not from the repository."""
    where = Path(ocop.__file__).resolve()
    return (
        root.resolve() not in where.parents,
        "site-packages" in where.parts,
        (where.parent / "py.typed").is_file(),
    )


def typed_calls(example):
    good = ocop.evaluation_from_json(example)
    expect("the CLI's example: 75 points, 3 stars", ("75", 3), lambda: example_answer(ocop.score(good)))
    expect("editions, newest first", ["26/2026", "148/2023"], lambda: [e.id for e in ocop.editions()])
    expect("search without diacritics", 9, lambda: ocop.find_product_sets("26/2026", "nuoc mam")[0].product_set)
    expect("sheet 9 starts with A1.1", "A1.1", lambda: ocop.sheet("26/2026", 9).parts[0].sections[0].criteria[0].code)
    expect("score and score_json agree", ocop.score(good), lambda: ocop.score_json(example))
    expect("JSON round trip", good, lambda: ocop.evaluation_from_json(ocop.evaluation_to_json(good)))
    expect("plan to 4 stars lifts B5.1", ["B5.1"], lambda: [c.code for c in ocop.plan(good).changes])
    row = bytes(255 if line.option is None else line.option for line in ocop.score(good).lines)
    expect("the batch path agrees with score", [75, 4, 3] * 2, lambda: list(ocop.score_batch("26/2026", 9, row * 2)))

    def with_answers(**answers):
        return changed(good, answers={**good.answers, **answers})

    errors = {
        "a batch row of the wrong length": (["WRONG_TYPE@/rows"], lambda: ocop.score_batch("26/2026", 9, b"\x01\x02")),
        "unknown criterion": (["UNKNOWN_CRITERION@/answers/Z9"], lambda: ocop.score(with_answers(Z9=0))),
        "option out of range": (["OPTION_OUT_OF_RANGE@/answers/C11"], lambda: ocop.score(with_answers(C11=2**32 - 1))),
        "no product set 27": (["UNKNOWN_PRODUCT_SET@/productSet"], lambda: ocop.score(changed(good, product_set=27))),
        "an invalid date inside a record": (["INVALID_DATE@"], lambda: ocop.score(changed(good, evaluated_on="23/11/2026"))),
        "a NaN decimal": (["WRONG_TYPE@"], lambda: ocop.portfolio_csv("product\n", "2026-11-23", targets=targets("NaN"))),
        "a percentage over 100": (["INVALID_TARGET_SET@/targets/0"], lambda: ocop.portfolio_csv("product\n", "2026-11-23", targets=targets("100.5"))),
        "an empty council": (["COUNCIL_EMPTY@/members"], lambda: ocop.council(council_of(good, 0))),
        "target star 0": (["INVALID_TARGET@/targetStar"], lambda: ocop.plan(good, 0)),
        "unknown edition": (["UNKNOWN_EDITION@/edition"], lambda: ocop.edition_data("QĐ 1")),
        "not JSON": (["INVALID_JSON@"], lambda: ocop.evaluation_from_json("{")),
        "nulls where values are required": (
            ["MISSING_FIELD@/productSet", "MISSING_FIELD@/subjectType"],
            lambda: ocop.score_json('{"productSet": null, "subjectType": null}'),
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


if __name__ == "__main__":
    root = Path(sys.argv[1])
    print(f"ocop from {Path(ocop.__file__).parent}")
    expect("ocop is the installed package", (True, True, True), lambda: installed_package(root))
    golden(root / "tests" / "cases", sys.argv[2])
    typed_calls((root / "ocop-cli" / "src" / "example.json").read_text(encoding="utf-8"))
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
