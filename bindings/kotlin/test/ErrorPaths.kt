// Typed calls beyond the golden cases: the catalog, the JSON entry points, and malformed
// input, which must come back as OcopException with the codes of docs/errors.md.
package vn.ocop.test

import vn.ocop.*
import vn.ocop.core.*

fun catalogAndJson(example: String, checks: Checks) {
    checks.expect("editions, newest first", listOf("26/2026", "148/2023")) { editions().map { it.id } }
    checks.expect("26 product sets", 26) { productSets("26/2026").size }
    checks.expect("a printed number finds its edition", "148/2023") { editionData("148/QĐ-TTg").identity.id }
    checks.expect("search without diacritics", 9.toUByte()) { findProductSets("26/2026", "nuoc mam").first().productSet }
    checks.expect("search with diacritics", 13.toUByte()) { findProductSets("26/2026", "Cà phê").first().productSet }
    checks.expect("sheet 9 starts with A1.1", "A1.1") {
        sheet("26/2026", 9u).parts.first().sections.first().criteria.first().code
    }
    checks.expect("error table has every code, INTERNAL last", "INTERNAL") { errorCodes().last().id }
    checks.expect("warning table", "PROVISIONAL_SHEET") { warningCodes().first().id }
    val evaluation = evaluationFromJson(example)
    checks.expect("JSON round trip", evaluation) { evaluationFromJson(evaluationToJson(evaluation)) }
    checks.expect("fish sauce: 75 points, 3 stars", "75/3") {
        score(evaluation).let { "${it.total}/${it.stars}" }
    }
    checks.expect("the report carries codes; explain adds the English labels", "A1.1" to true) {
        val report = score(evaluation)
        val words = explain(report, Languages.EN)
        report.lines.first().code to (words.lines.first().name.en.orEmpty().isNotEmpty() && words.lines.first().name.vi == null)
    }
    checks.expect("a form ticked criterion by criterion scores as the sheet", score(evaluation).total.toString()) {
        Form("26/2026", 9u, evaluation.subjectType).use { form ->
            evaluation.answers.forEach { (code, option) -> form.set(code, option?.toUByte()) }
            form.result().total.toString()
        }
    }
    checks.expect("plan to 4 stars lifts B5.1", listOf("B5.1")) { plan(PlanRequest(evaluation)).changes.map { it.code } }
    checks.expect("the batch path agrees with score: total, band, stars", listOf(75, 4, 3, 75, 4, 3)) {
        val row = batchRow(evaluation)
        scoreBatch("26/2026", 9u, row + row).map { it.toInt() and 0xFF }
    }
    checks.expect("product code written and parsed", "38-12345-007-2026") {
        parseProductCode(ProductCodeRequest(formatProductCode(ProductCodeParts("26/2026", "38", "12345", 7u, 2026u)))).formatted
    }
}

fun errorPaths(example: String, checks: Checks) {
    val good = evaluationFromJson(example)
    /** The `code@path` list of the OcopException [block] throws. */
    fun refused(block: () -> Any?): List<String> = try {
        block()
        listOf("no error")
    } catch (e: OcopException.Invalid) {
        check(e.code == e.errors.first().code && e.path == e.errors.first().path && e.reason.isNotEmpty())
        e.errors.map { "${it.code}@${it.path}" }
    }

    fun expect(name: String, vararg codes: String, block: () -> Any?) = checks.expect(name, codes.toList()) { refused(block) }

    expect("a batch row of the wrong length", "MISSING_ANSWER@/rows") {
        scoreBatch("26/2026", 9u, byteArrayOf(1, 2, 3))
    }
    expect("a batch option out of range", "OPTION_OUT_OF_RANGE@/rows/1/1") {
        val row = batchRow(good)
        scoreBatch("26/2026", 9u, row + row.copyOf().also { it[1] = 9 })
    }
    expect("unknown criterion", "UNKNOWN_CRITERION@/answers/Z9") {
        score(good.copy(answers = good.answers + ("Z9" to 0u)))
    }
    expect("criterion of another sheet", "CRITERION_NOT_ON_SHEET@/answers/C12") {
        score(good.copy(answers = good.answers + ("C12" to 0u)))
    }
    expect("option out of range, and every problem at once",
        "OPTION_OUT_OF_RANGE@/answers/A1.1", "OPTION_OUT_OF_RANGE@/answers/C11") {
        score(good.copy(answers = good.answers + ("A1.1" to 99u) + ("C11" to UInt.MAX_VALUE)))
    }
    expect("unknown edition", "UNKNOWN_EDITION@/edition") { score(good.copy(edition = "1048/2019")) }
    expect("no product set 27", "UNKNOWN_PRODUCT_SET@/productSet") { score(good.copy(productSet = 27u)) }
    expect("sheet of an unknown product set", "UNKNOWN_PRODUCT_SET@/productSet") { sheet("26/2026", 255u) }
    expect("catalog of an unknown edition", "UNKNOWN_EDITION@/edition") { productSets("") }
    expect("an invalid date inside a record", "INVALID_DATE@") { score(good.copy(evaluatedOn = "2026-02-30")) }
    expect("a date argument that is not a date", "INVALID_DATE@") { dossierRules(DossierRulesRequest("yesterday", DossierKind.FIRST)) }
    expect("a NaN decimal", "WRONG_TYPE@") {
        portfolio(PortfolioRequest("product\n", "2026-11-23", targets = targets(atLeastPercent = "NaN")))
    }
    expect("a percentage over 100", "INVALID_TARGET_SET@/targets/targets/0") {
        portfolio(PortfolioRequest("product\n", "2026-11-23", targets = targets(atLeastPercent = "250")))
    }
    expect("the largest decimal, which would overflow", "INVALID_TARGET_SET@/targets/targets/0") {
        portfolio(PortfolioRequest("product\n", "2026-11-23", targets = targets(atLeastPercent = "79228162514264337593543950335")))
    }
    expect("an empty council", "COUNCIL_EMPTY@/members") { council(councilOf(good, members = 0)) }
    expect("too many members", "TOO_MANY_ITEMS@/members") { council(councilOf(good, members = 51)) }
    expect("a member's bad answer has the member's path", "OPTION_OUT_OF_RANGE@/members/1/answers/C7") {
        val input = councilOf(good, members = 2)
        council(input.copy(members = listOf(input.members[0], input.members[1].copy(answers = good.answers + ("C7" to 9u)))))
    }
    expect("target star 6", "INVALID_TARGET@/targetStar") { plan(PlanRequest(good, targetStar = 6u)) }
    expect("a reference too long", "STRING_TOO_LONG@/reference") { score(good.copy(reference = "x".repeat(201))) }
    expect("judged before issue", "INVALID_DATE_RANGE@/on") {
        certificate(CertificateInput(issuedOn = "2026-06-01", on = "2026-05-01"))
    }
    expect("a product code too long", "STRING_TOO_LONG@/code") { parseProductCode(ProductCodeRequest("1-".repeat(40))) }
    expect("not JSON", "INVALID_JSON@") { evaluationFromJson("{") }
    expect("nested too deep", "TOO_DEEP@") { evaluationFromJson("[".repeat(17) + "]".repeat(17)) }
    expect("wrong types and unknown fields", "UNKNOWN_FIELD@/colour", "WRONG_TYPE@/productSet", "UNKNOWN_SUBJECT_TYPE@/subjectType") {
        evaluationFromJson("""{"productSet": "nine", "subjectType": "bank", "colour": 1}""")
    }
    expect("nulls where values are required", "MISSING_FIELD@/productSet", "MISSING_FIELD@/subjectType") {
        evaluationFromJson("""{"productSet": null, "subjectType": null}""")
    }
    expect("a negative option", "OPTION_OUT_OF_RANGE@/answers/A1.1") {
        evaluationFromJson("""{"edition": "26/2026", "productSet": 9, "subjectType": "farm", "answers": {"A1.1": -1}}""")
    }
    expect("members that are not a list", "WRONG_TYPE@/members") {
        councilFromJson("""{"edition": "26/2026", "productSet": 9, "subjectType": "farm", "members": "all"}""")
    }
    expect("an invalid target set", "WRONG_TYPE@/name", "MISSING_FIELD@/targets") { targetSetFromJson("""{"name": 7}""") }
    val extremes = listOf<() -> Any>(
        { certificate(CertificateInput(issuedOn = "9999-12-31", on = "9999-12-31")) },
        { roundForSubmission(RoundRequest("9999-12-31", Level.CENTRAL)) },
        { nextRound(RoundRequest("0001-01-01", Level.PROVINCE)) },
        { formatProductCode(ProductCodeParts("26/2026", "38", "12345", UInt.MAX_VALUE, UShort.MAX_VALUE)) },
        { plan(PlanRequest(good, targetStar = UByte.MAX_VALUE)) },
        { score(good.copy(formatVersion = UInt.MAX_VALUE, tourismCase = UByte.MAX_VALUE)) },
        { findProductSets("26/2026", "ă".repeat(100_000)) },
    )
    checks.check("extreme values give a result or OcopException, never another exception") {
        extremes.all { call ->
            try {
                call()
                true
            } catch (e: OcopException) {
                true
            }
        }
    }
    checks.check("the message names the code") {
        try {
            score(good.copy(productSet = 27u))
            false
        } catch (e: OcopException) {
            e.message.orEmpty().contains("UNKNOWN_PRODUCT_SET")
        }
    }
}

private fun targets(atLeastPercent: String) = TargetSet(
    name = "test",
    targets = listOf(Target(id = "t", label = Text("t", "t"), filter = Filter(), count = CountBy.PRODUCTS, atLeastPercent = atLeastPercent)),
)

/** A council of [members] copies of [e]'s sheet. */
private fun councilOf(e: Evaluation, members: Int) = CouncilInput(
    edition = e.edition,
    productSet = e.productSet,
    subjectType = e.subjectType,
    members = List(members) { MemberSheet(answers = e.answers) },
    rules = CouncilRules(rounding = Rounding(RoundingMode.NONE, 0u), markerBasis = MarkerBasis.CRITERION_MEAN),
)

/** One `scoreBatch` row: the ticked option of each criterion of the sheet, in printed order. */
fun batchRow(evaluation: Evaluation): ByteArray =
    score(evaluation).lines.map { (it.option?.toInt() ?: 255).toByte() }.toByteArray()
