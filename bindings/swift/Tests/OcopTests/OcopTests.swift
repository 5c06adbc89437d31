// The shared golden cases (tests/cases) and the error path, on macOS with `swift test`.
// Fingerprints are built from the typed results as tests/cases/README.md says; only the JSON
// entry points turn a case's input into a typed record. Set OCOP_RUST_DIGEST to the digest that
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

    // ---- running a case ----

    private func run(kind: String, input: [String: Any]) throws -> String {
        switch kind {
        case "score":
            return fingerprint(try score(evaluation: try evaluationFromJson(json: json(input))))
        case "council":
            return fingerprint(try council(input: try councilFromJson(json: json(input))))
        case "plan":
            let evaluation = try under("/evaluation") { try evaluationFromJson(json: json(input["evaluation"])) }
            let target = (input["targetStar"] as? Int).flatMap { UInt8(exactly: $0) }
            let only = input["onlyCriteria"] as? [String]
            if let only = only, target == nil {
                return fingerprint(try bestReachable(evaluation: evaluation, onlyCriteria: only))
            }
            return fingerprint(try plan(evaluation: evaluation, targetStar: target, onlyCriteria: only))
        case "compare":
            let own = try under("/selfAssessment") { try evaluationFromJson(json: json(input["selfAssessment"])) }
            let other = input["council"] as? [String: Any] ?? [:]
            if other["members"] != nil {
                return fingerprint(try compareWithCouncil(selfAssessment: own, council: try councilFromJson(json: json(other))))
            }
            let sheet = try under("/council") { try evaluationFromJson(json: json(other)) }
            return fingerprint(try compare(selfAssessment: own, councilSheet: sheet))
        case "certificate":
            let status = try certificate(input: CertificateInput(
                edition: input["edition"] as? String,
                issuedOn: try XCTUnwrap(input["issuedOn"] as? String),
                stars: (input["stars"] as? Int).flatMap { UInt8(exactly: $0) },
                on: try XCTUnwrap(input["on"] as? String),
                reevaluationFiledOn: input["reevaluationFiledOn"] as? String,
                reevaluationDecidedOn: input["reevaluationDecidedOn"] as? String,
                revokedOn: input["revokedOn"] as? String,
                revocationGround: (input["revocationGround"] as? String).flatMap { named($0) }
            ))
            return fingerprint(status)
        case "dossierRules":
            let kind: DossierKind = try XCTUnwrap(named(input["kind"] as? String ?? ""))
            let rules = try dossierRules(filedOn: try XCTUnwrap(input["filedOn"] as? String), kind: kind)
            return "edition=\(rules.edition) finish_by=\(opt(rules.finishBy))"
        case "round", "nextRound":
            let level: Level = try XCTUnwrap(named(input["level"] as? String ?? ""))
            let on = try XCTUnwrap(input["on"] as? String)
            let answer = try kind == "round"
                ? roundForSubmission(submittedOn: on, level: level)
                : nextRound(on: on, level: level)
            return fingerprint(answer)
        case "productCode":
            let known = (input["known"] as? [String: [String]]).map {
                AdminCodes(provinces: $0["provinces"] ?? [], districts: $0["districts"] ?? [], communes: $0["communes"] ?? [])
            }
            return fingerprint(try parseProductCode(code: input["code"] as? String ?? "", edition: input["edition"] as? String, known: known))
        case "productCodeFormat":
            let code = try formatProductCode(
                edition: input["edition"] as? String ?? "", province: input["province"] as? String ?? "",
                area: input["area"] as? String ?? "", sequence: UInt32(input["sequence"] as? Int ?? 0),
                year: UInt16(input["year"] as? Int ?? 0))
            return "formatted=\(code)"
        case "portfolio":
            var targets: TargetSet?
            if let name = input["targets"] as? String, name == "ha-tinh-2023-2025" {
                targets = haTinhTargets()
            } else if let set = input["targets"] {
                targets = try targetSetFromJson(json: json(set))
            }
            let report = try portfolioCsv(
                csv: input["csv"] as? String ?? "", on: try XCTUnwrap(input["on"] as? String),
                expiringWithinDays: UInt32(input["expiringWithinDays"] as? Int ?? 180), targets: targets)
            return fingerprint(report)
        default:
            return "unknown kind `\(kind)`"
        }
    }

    private func json(_ value: Any?) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: value ?? NSNull(), options: [.fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }

    /// Errors of a sub-input, reported under its place in the case as the Rust runner does.
    private func under<T>(_ prefix: String, _ read: () throws -> T) throws -> T {
        do {
            return try read()
        } catch let OcopError.Invalid(code, path, reason, errors) {
            let moved = errors.map { InputError(code: $0.code, path: prefix + $0.path, message: $0.message) }
            throw OcopError.Invalid(code: code, path: prefix + path, reason: reason, errors: moved)
        }
    }

    /// The enum case whose name is `id` in camelCase (`mark_misused` → `markMisused`).
    private func named<E: CaseIterable>(_ id: String) -> E? {
        let parts = id.split(separator: "_").map(String.init)
        let camel = (parts.first ?? "") + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return E.allCases.first { "\($0)" == camel }
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
        return "total=\(r.total) parts=\(list(r.parts.map { $0.points })) band=\(opt(r.band?.star)) "
            + "stars=\(opt(r.stars?.star)) certifiable=\(r.certifiable) outcome=\(outcome) "
            + "blockers=\(list(r.blockers.map { "\($0.star):\($0.code)" })) "
            + "recognised=\(opt(r.recognition.recognisedAt)) forward=\(opt(r.recognition.forwardTo)) "
            + "warnings=\(list(r.warnings.map { warningIds[$0.code] ?? "?" }))"
    }

    private func fingerprint(_ r: CouncilReport) -> String {
        "mean=\(r.mean) rounded=\(opt(r.roundedMean)) band=\(opt(r.result.band?.star)) stars=\(opt(r.result.stars?.star)) "
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
}
