// The shared golden cases (tests/cases) and the error path, on macOS with `swift test`.
// Fingerprints are built from the typed results as tests/cases/README.md says; each case's input
// is read by the core's own reader (`…FromJson`). Set OCOP_RUST_DIGEST to the digest that
// `cargo run -q -p ocop-conformance --bin ocop-cases -- --quiet` prints to compare the digests.
import CryptoKit
import Foundation
import Ocop
import XCTest

final class OcopTests: XCTestCase {
    /// The repository root, found from this file's path.
    let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func testGoldenCases() throws {
        let dir = root.appendingPathComponent("tests/cases")
        let files = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        var lines: [String] = []
        for file in files {
            let cases = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [[String: Any]])
            for item in cases {
                let name = try XCTUnwrap(item["name"] as? String)
                let got: String
                do {
                    got = try run(kind: try XCTUnwrap(item["kind"] as? String), input: try XCTUnwrap(item["input"] as? [String: Any]))
                } catch let OcopError.Invalid(_, _, _, errors) {
                    got = fingerprint(errors)
                }
                XCTAssertEqual(got, item["expect"] as? String, name)
                lines.append("\(name) \(got)")
            }
        }
        let digest = SHA256.hash(data: Data(lines.joined(separator: "\n").utf8))
            .map { String(format: "%02x", $0) }.joined()
        print("digest \(digest)")
        if let rust = ProcessInfo.processInfo.environment["OCOP_RUST_DIGEST"] {
            XCTAssertEqual(digest, rust, "digest equals the Rust digest")
        }
    }

    func testMalformedInputThrowsOcopError() throws {
        let example = try String(contentsOf: root.appendingPathComponent("ocop-cli/src/example.json"), encoding: .utf8)
        var evaluation = try evaluationFromJson(json: example)
        evaluation.answers["A1.1"] = 99
        evaluation.answers["Z9"] = 0
        XCTAssertThrowsError(try score(evaluation: evaluation)) { error in
            guard case let OcopError.Invalid(code, path, reason, errors) = error else {
                return XCTFail("not an OcopError: \(error)")
            }
            XCTAssertEqual(code, .optionOutOfRange)
            XCTAssertEqual(path, "/answers/A1.1")
            XCTAssertFalse(reason.isEmpty)
            XCTAssertEqual(errors.map { $0.path }, ["/answers/A1.1", "/answers/Z9"])
        }
        var undated = try evaluationFromJson(json: example)
        undated.evaluatedOn = "2026-02-30"
        XCTAssertThrowsError(try score(evaluation: undated)) { error in
            guard case let OcopError.Invalid(code, _, _, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(code, .invalidDate)
        }
    }

    /// The example forms print: set OCOP_FORMS_DIR to the HTML files `ocop form <kind> --example
    /// --output DIR/<kind>.html` wrote to compare them byte for byte with the Rust core's.
    func testPrintedForms() throws {
        let example = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("ocop-cli/src/example.json")))
        let forms: [(String, Bool, (String) throws -> String)] = [
            ("sheet", true, { try printSheet(form: try sheetFormFromJson(json: $0)) }),
            ("council", false, { try printCouncil(form: try councilFormFromJson(json: $0)) }),
            ("mau-01", false, { try printDossierForm(form: try dossierFormFromJson(json: $0)) }),
            ("mau-02", true, { try printDossierForm(form: try dossierFormFromJson(json: $0)) }),
            ("mau-03", false, { try printDossierForm(form: try dossierFormFromJson(json: $0)) }),
        ]
        for (kind, withEvaluation, print) in forms {
            let file = root.appendingPathComponent("ocop-cli/src/examples/\(kind).json")
            var data = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
            if withEvaluation { data["evaluation"] = example }
            data["language"] = "vi"
            let html = try print(try json(data))
            XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"), kind)
            if let dir = ProcessInfo.processInfo.environment["OCOP_FORMS_DIR"] {
                let rust = try String(contentsOf: URL(fileURLWithPath: dir).appendingPathComponent("\(kind).html"), encoding: .utf8)
                XCTAssertEqual(html, rust, kind)
            }
        }
    }

    func testFormAndExplain() throws {
        let example = try String(contentsOf: root.appendingPathComponent("ocop-cli/src/example.json"), encoding: .utf8)
        let evaluation = try evaluationFromJson(json: example)
        let report = try score(evaluation: evaluation)
        XCTAssertEqual(report.stars, 3)
        let words = try explain(report: report, languages: .en)
        XCTAssertEqual(words.lines.first?.name.vi, nil)
        XCTAssertFalse(words.lines.first?.name.en?.isEmpty ?? true)
        let form = try Form(edition: "26/2026", productSet: 9, subjectType: evaluation.subjectType)
        for (code, option) in evaluation.answers {
            try form.set(code: code, option: option.flatMap { UInt8(exactly: $0) })
        }
        XCTAssertEqual("\(try form.result().total)", "\(report.total)")
    }

    // ---- running a case ----

    /// Each kind read by the core's own reader (`…FromJson`), as the Rust runner does.
    private func run(kind: String, input: [String: Any]) throws -> String {
        let text = try json(input)
        switch kind {
        case "score":
            return fingerprint(try score(evaluation: try evaluationFromJson(json: text)))
        case "council":
            return fingerprint(try council(input: try councilFromJson(json: text)))
        case "plan":
            return fingerprint(try plan(request: try planRequestFromJson(json: text)))
        case "compare":
            return fingerprint(try compare(request: try compareRequestFromJson(json: text)))
        case "certificate":
            return fingerprint(try certificate(input: try certificateFromJson(json: text)))
        case "dossierRules":
            let rules = try dossierRules(request: try dossierRulesRequestFromJson(json: text))
            return "edition=\(rules.edition) finish_by=\(opt(rules.finishBy))"
        case "round":
            return fingerprint(try roundForSubmission(request: try roundRequestFromJson(json: text)))
        case "nextRound":
            return fingerprint(try nextRound(request: try roundRequestFromJson(json: text)))
        case "productCode":
            return fingerprint(try parseProductCode(request: try productCodeRequestFromJson(json: text)))
        case "productCodeFormat":
            return "formatted=\(try formatProductCode(parts: try productCodePartsFromJson(json: text)))"
        case "portfolio":
            return fingerprint(try portfolio(request: try portfolioRequestFromJson(json: text)))
        case "carryOver":
            return fingerprint(try carryOver(request: try carryOverRequestFromJson(json: text)))
        case "reachable":
            return fingerprint(try reachable(evaluation: try evaluationFromJson(json: text)))
        case "resultCode":
            let made = try resultCode(evaluation: try evaluationFromJson(json: text))
            return "code=\(made.code) length=\(made.code.count) stars=\(opt(made.stars)) total=\(made.total)"
        case "verifyResultCode":
            return fingerprint(try verifyResultCode(request: try verifyRequestFromJson(json: text)))
        case "deadline":
            return fingerprint(try deadline(request: try deadlineRequestFromJson(json: text)))
        case "holidays":
            return fingerprint(try holidays(request: try holidaysRequestFromJson(json: text)))
        case "procedureDeadline":
            return fingerprint(try procedureDeadline(request: try stepDeadlineRequestFromJson(json: text)))
        case "dossierChecklist":
            return fingerprint(try dossierChecklist(request: try checklistRequestFromJson(json: text)))
        case "dossierCheck":
            return fingerprint(try checkDossier(dossier: try filedDossierFromJson(json: text)))
        case "registrationSlip":
            return fingerprint(try parseRegistrationSlip(request: try slipRequestFromJson(json: text)))
        case "registrationSlipFormat":
            return "formatted=\(try formatRegistrationSlip(parts: try slipPartsFromJson(json: text)))"
        default:
            return "unknown kind `\(kind)`"
        }
    }

    private func json(_ value: Any?) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: value ?? NSNull(), options: [.fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }

    // ---- fingerprints ----

    private lazy var errorIds = Dictionary(uniqueKeysWithValues: errorCodes().map { ($0.code, $0.id) })
    private lazy var warningIds = Dictionary(uniqueKeysWithValues: warningCodes().map { ($0.code, $0.id) })

    private func list<S: Sequence>(_ items: S) -> String {
        let texts = items.map { "\($0)" }
        return texts.isEmpty ? "-" : texts.joined(separator: ",")
    }

    private func opt<T>(_ value: T?) -> String {
        value.map { "\($0)" } ?? "-"
    }

    private func fingerprint(_ errors: [InputError]) -> String {
        "errors=" + list(errors.map { "\(errorIds[$0.code] ?? "?")@\($0.path)" })
    }

    private func fingerprint(_ r: ScoreReport) -> String {
        let outcome: String
        switch r.outcome {
        case .rated: outcome = "rated"
        case let .notRated(at, _, _): outcome = "notRated@\(at)"
        case let .rejected(at, _): outcome = "rejected@\(at ?? "dossier")"
        }
        return "total=\(r.total) parts=\(list(r.parts.map { $0.points })) band=\(opt(r.band)) "
            + "stars=\(opt(r.stars)) certifiable=\(r.certifiable) outcome=\(outcome) "
            + "blockers=\(list(r.blockers.map { "\($0.star):\($0.code)" })) "
            + "recognised=\(opt(r.recognition.recognisedAt)) forward=\(opt(r.recognition.forwardTo)) "
            + "warnings=\(list(r.warnings.map { warningIds[$0.code] ?? "?" }))"
    }

    private func fingerprint(_ r: CouncilReport) -> String {
        "mean=\(r.mean) rounded=\(opt(r.roundedMean)) band=\(opt(r.result.band)) stars=\(opt(r.result.stars)) "
            + "spread=\(r.spread) exceeded=\(r.spreadExceeded) stands=\(r.resultStands) quorum=\(opt(r.quorum?.met)) "
            + "members=\(list(r.members.map { $0.total })) disagree=\(list(r.disagreements.map { $0.code })) "
            + "blockers=\(list(r.result.blockers.map { "\($0.star):\($0.code)" })) "
            + "forward=\(opt(r.result.recognition.forwardTo))"
    }

    private func fingerprint(_ p: Plan) -> String {
        "target=\(p.targetStar) reachable=\(p.reachable) changes=\(list(p.changes.map { "\($0.code):\($0.toOption)" })) "
            + "changed=\(p.criteriaChanged) added=\(p.pointsAdded) total=\(p.newTotal) stars=\(p.newStars)"
    }

    private func fingerprint(_ c: Comparison) -> String {
        "self=\(c.selfTotal) council=\(c.councilTotal) over=\(c.pointsOverclaimed) under=\(c.pointsUnderclaimed) "
            + "diffs=\(list(c.differences.map { "\($0.code):\($0.atStake)" }))"
    }

    private func fingerprint(_ c: CertificateStatus) -> String {
        "issued_under=\(c.issuedUnder) rules=\(c.rulesOf) expires=\(c.expiresOn) state=\(c.state) valid=\(c.valid) "
            + "window=\(opt(c.reevaluationWindow.map { "\($0.opensOn)..\($0.closesOn)" })) "
            + "grace=\(opt(c.graceUntil)) notice=\(opt(c.expiryNoticeBy))"
    }

    private func fingerprint(_ a: RoundAnswer) -> String {
        guard let r = a.round else { return "edition=\(a.edition) round=-" }
        return "edition=\(a.edition) round=\(r.level)#\(r.number) "
            + "proposals_before=\(r.proposalsBefore) completed_before=\(r.completedBefore)"
    }

    private func fingerprint(_ c: ProductCode) -> String {
        "edition=\(c.edition) segments=\(list(c.segments.map { "\($0.kind):\($0.value)" })) formatted=\(c.formatted)"
    }

    private func fingerprint(_ r: PortfolioReport) -> String {
        let counts = { (v: [Count]) in self.list(v.map { "\($0.key):\($0.count)" }) }
        let targets = list(r.targets.map { $0.met ? "\($0.id):met" : "\($0.id):short\($0.shortfall)" })
        let rows = list(r.rowErrors.map { row in
            "\(row.line):" + row.errors.map { errorIds[$0.code] ?? "?" }.joined(separator: "+")
        })
        return "products=\(r.products) valid=\(r.validCertificates) subjects=\(r.subjects) stars=\(counts(r.byStars)) "
            + "groups=\(counts(r.byGroup)) types=\(counts(r.bySubjectType)) expiring=\(r.expiring.count) "
            + "due=\(r.reevaluation.due) reevaluated=\(r.reevaluation.reevaluated) "
            + "expired_without=\(r.reevaluation.expiredWithout) coverage=\(r.reevaluation.percent) "
            + "targets=\(targets) row_errors=\(rows)"
    }

    private func fingerprint(_ b: Bound) -> String {
        "\(b.total):\(opt(b.stars))"
    }

    private func fingerprint(_ r: Reachable) -> String {
        "open=\(r.unanswered) lowest=\(fingerprint(r.lowest)) highest=\(fingerprint(r.highest))"
    }

    private func fingerprint(_ c: CarryOver) -> String {
        let with = { (status: CarryStatus) in self.list(c.criteria.filter { $0.status == status }.map { $0.code }) }
        let window = c.certificate?.reevaluationWindow.map { "\($0.opensOn)..\($0.closesOn)" }
        return "from=\(c.previousEdition) to=\(c.edition) previous=\(c.previousTotal):\(opt(c.previousStars)) "
            + "carried=\(with(.carried)) rescored=\(with(.rescored)) "
            + "to_answer=\(list(c.toAnswer)) dropped=\(list(c.dropped)) "
            + "lowest=\(fingerprint(c.reachable.lowest)) highest=\(fingerprint(c.reachable.highest)) "
            + "expires=\(opt(c.certificate?.expiresOn)) window=\(opt(window)) "
            + "warnings=\(list(c.warnings.map { warningIds[$0.code] ?? "?" }))"
    }

    private func fingerprint(_ v: Verification) -> String {
        "holds=\(v.holds) stars=\(opt(v.report.stars)) total=\(v.report.total) in_code=\(opt(v.starsInCode)) "
            + "mismatches=\(list(v.mismatches.map { "\($0.claimedBy):\(opt($0.claimed))>\(opt($0.recomputed))" })) "
            + "signature=\(v.signature)"
    }

    // ---- the dossier and working days ----

    /// An enum value as its snake_case JSON name (`lunarNewYear` → `lunar_new_year`).
    private func snake<T>(_ value: T) -> String {
        "\(value)".reduce(into: "") { out, c in
            if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
        }
    }

    private func fingerprint(_ d: Deadline) -> String {
        "due=\(d.dueOn) holidays=\(list(d.holidays.map { "\($0.date):\(snake($0.kind))" }))"
    }

    private func fingerprint(_ y: HolidayYear) -> String {
        "days=\(list(y.holidays.map { "\($0.date.dropFirst(5)):\(snake($0.kind))" })) "
            + "worked=\(list(y.workedWeekendDays.map { $0.date.dropFirst(5) })) readings=\(y.readings.count)"
    }

    private func fingerprint(_ d: StepDeadline) -> String {
        "edition=\(d.edition) step=\(snake(d.step)) unit=\(snake(d.deadline.unit)) "
            + "length=\(d.deadline.length) due=\(d.deadline.dueOn)"
    }

    private func fingerprint(_ c: DossierChecklist) -> String {
        let samples = c.samples.map { $0.exempt ? "exempt" : "\($0.count)" } ?? "-"
        let copies = c.packages.compactMap { $0.copies }.first.map { "\($0.paper)+\($0.electronic)" } ?? "-"
        let sets = list(c.packages.map { p in "\(p.id)[\(p.items.map { $0.id }.joined(separator: "+"))]" })
        let evidence = list(c.evidence.filter { !$0.criteria.isEmpty }.map { e in
            "\(e.id):\(e.criteria.map { $0.code }.joined(separator: "+"))"
        })
        return "edition=\(c.edition) level=\(c.level) sets=\(sets) samples=\(samples) copies=\(copies) "
            + "requirements=\(c.caseRequirements.count) "
            + "commune=\(list(c.criteria.filter { $0.assessedByCommune }.map { $0.code })) evidence=\(evidence) "
            + "without=\(list(c.criteria.filter { $0.evidence.isEmpty }.map { $0.code })) "
            + "due=\(opt(c.deadlines.first?.deadline.dueOn)) gaps=\(c.gaps.count)"
    }

    private func fingerprint(_ c: DossierCheck) -> String {
        "package=\(c.package) complete=\(c.complete) "
            + "missing=\(list(c.missing.map { "\($0.id):\($0.declared)/\($0.needed)" })) "
            + "conditional=\(list(c.conditional.map { $0.id })) extra=\(list(c.extra)) "
            + "evidence_not_attached=\(list(c.evidenceNotAttached.map { $0.id }))"
    }

    private func fingerprint(_ s: RegistrationSlip) -> String {
        "edition=\(s.edition) number=\(s.number) second=\(s.second) province=\(s.province) "
            + "commune=\(s.commune) year=\(s.year) formatted=\(s.formatted)"
    }
}
