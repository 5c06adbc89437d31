// The shared golden cases (tests/cases): each case's fingerprint is built from the typed
// result, following tests/cases/README.md, and the SHA-256 of all lines must equal the digest
// of the Rust run. Only the JSON entry points turn a case's input into a typed record.
package vn.ocop.test

import com.google.gson.JsonElement
import com.google.gson.JsonObject
import com.google.gson.JsonParser
import java.io.File
import java.security.MessageDigest
import vn.ocop.*
import vn.ocop.core.*

fun golden(dir: File, rustDigest: String, checks: Checks) {
    val lines = mutableListOf<String>()
    val files = dir.listFiles { f -> f.name.endsWith(".json") }.orEmpty().sortedBy { it.name }
    for (file in files) {
        for (element in JsonParser.parseString(file.readText()).asJsonArray) {
            val case = element.asJsonObject
            val name = case["name"].asString
            val got = try {
                run(case["kind"].asString, case["input"])
            } catch (e: OcopException.Invalid) {
                e.fingerprint()
            } catch (e: Exception) {
                "threw $e"
            }
            checks.expect(name, case["expect"].asString) { got }
            lines += "$name $got"
        }
    }
    val digest = MessageDigest.getInstance("SHA-256")
        .digest(lines.joinToString("\n").toByteArray())
        .joinToString("") { "%02x".format(it) }
    println("digest $digest")
    checks.expect("digest equals the Rust digest", rustDigest) { digest }
}

private fun run(kind: String, input: JsonElement): String {
    val o = input.asJsonObject
    return when (kind) {
        "score" -> score(evaluationFromJson(input.toString())).fingerprint()
        "council" -> council(councilFromJson(input.toString())).fingerprint()
        "plan" -> {
            val evaluation = under("/evaluation") { evaluationFromJson(o["evaluation"].toString()) }
            val target = o.long("targetStar")?.takeIf { it in 0..255 }?.toUByte()
            val only = o["onlyCriteria"]?.asJsonArray?.map { it.asString }
            val result = if (only != null && target == null) bestReachable(evaluation, only) else plan(evaluation, target, only)
            result.fingerprint()
        }
        "compare" -> {
            val own = under("/selfAssessment") { evaluationFromJson(o["selfAssessment"].toString()) }
            val other = o["council"].asJsonObject
            if (other.has("members")) {
                compareWithCouncil(own, councilFromJson(other.toString()))
            } else {
                compare(own, under("/council") { evaluationFromJson(other.toString()) })
            }.fingerprint()
        }
        "certificate" -> certificate(
            CertificateInput(
                edition = o.str("edition"),
                issuedOn = o.str("issuedOn")!!,
                stars = o.long("stars")?.toUByte(),
                on = o.str("on")!!,
                reevaluationFiledOn = o.str("reevaluationFiledOn"),
                reevaluationDecidedOn = o.str("reevaluationDecidedOn"),
                revokedOn = o.str("revokedOn"),
                revocationGround = o.str("revocationGround")?.let { RevocationGround.valueOf(it.uppercase()) },
            ),
        ).fingerprint()
        "dossierRules" -> dossierRules(o.str("filedOn")!!, DossierKind.valueOf(o.str("kind")!!.uppercase()))
            .let { "edition=${it.edition} finish_by=${opt(it.finishBy)}" }
        "round", "nextRound" -> {
            val level = Level.valueOf(o.str("level")!!.uppercase())
            val on = o.str("on")!!
            (if (kind == "round") roundForSubmission(on, level) else nextRound(on, level)).fingerprint()
        }
        "productCode" -> {
            val known = o["known"]?.asJsonObject?.let {
                AdminCodes(it.strings("provinces"), it.strings("districts"), it.strings("communes"))
            }
            parseProductCode(o.str("code").orEmpty(), o.str("edition"), known).fingerprint()
        }
        "productCodeFormat" -> "formatted=" + formatProductCode(
            o.str("edition").orEmpty(), o.str("province").orEmpty(), o.str("area").orEmpty(),
            (o.long("sequence") ?: 0).toUInt(), (o.long("year") ?: 0).toUShort(),
        )
        "portfolio" -> {
            val t = o["targets"]
            val targets = when {
                t == null -> null
                t.isJsonPrimitive && t.asString == "ha-tinh-2023-2025" -> haTinhTargets()
                else -> targetSetFromJson(t.toString())
            }
            val days = o.long("expiringWithinDays")?.toUInt() ?: 180u
            portfolioCsv(o.str("csv").orEmpty(), o.str("on")!!, days, targets).fingerprint()
        }
        else -> "unknown kind `$kind`"
    }
}

// ---- fingerprints (tests/cases/README.md) ----

private val errorIds = errorCodes().associate { it.code to it.id }
private val warningIds = warningCodes().associate { it.code to it.id }

private fun list(items: List<Any?>) = if (items.isEmpty()) "-" else items.joinToString(",")

private fun opt(value: Any?) = value?.toString() ?: "-"

/** Level ids as in JSON: `district`, `province`, `central`. */
private val Level.id get() = name.lowercase()

/** An enum value as its camelCase JSON name (`WINDOW_MISSED` → `windowMissed`). */
private fun Enum<*>.camel() = name.lowercase().split('_')
    .mapIndexed { i, w -> if (i == 0) w else w.replaceFirstChar(Char::uppercase) }.joinToString("")

private fun OcopException.Invalid.fingerprint() = "errors=" + list(errors.map { "${errorIds[it.code]}@${it.path}" })

private fun ScoreReport.fingerprint(): String {
    val outcome = when (val o = outcome) {
        is Outcome.Rated -> "rated"
        is Outcome.NotRated -> "notRated@${o.at}"
        is Outcome.Rejected -> "rejected@${o.at ?: "dossier"}"
    }
    return "total=$total parts=${list(parts.map { it.points })} band=${opt(band?.star)} " +
        "stars=${opt(stars?.star)} certifiable=$certifiable outcome=$outcome " +
        "blockers=${list(blockers.map { "${it.star}:${it.code}" })} " +
        "recognised=${opt(recognition.recognisedAt?.id)} forward=${opt(recognition.forwardTo?.id)} " +
        "warnings=${list(warnings.map { warningIds[it.code] })}"
}

private fun CouncilReport.fingerprint() =
    "mean=$mean rounded=${opt(roundedMean)} band=${opt(result.band?.star)} stars=${opt(result.stars?.star)} " +
        "spread=$spread exceeded=$spreadExceeded stands=$resultStands quorum=${opt(quorum?.met)} " +
        "members=${list(members.map { it.total })} disagree=${list(disagreements.map { it.code })} " +
        "blockers=${list(result.blockers.map { "${it.star}:${it.code}" })} " +
        "forward=${opt(result.recognition.forwardTo?.id)}"

private fun Plan.fingerprint() =
    "target=$targetStar reachable=$reachable changes=${list(changes.map { "${it.code}:${it.toOption}" })} " +
        "changed=$criteriaChanged added=$pointsAdded total=$newTotal stars=$newStars"

private fun Comparison.fingerprint() =
    "self=$selfTotal council=$councilTotal over=$pointsOverclaimed under=$pointsUnderclaimed " +
        "diffs=${list(differences.map { "${it.code}:${it.atStake}" })}"

private fun CertificateStatus.fingerprint() =
    "issued_under=$issuedUnder rules=$rulesOf expires=$expiresOn state=${state.camel()} valid=$valid " +
        "window=${opt(reevaluationWindow?.let { "${it.opensOn}..${it.closesOn}" })} " +
        "grace=${opt(graceUntil)} notice=${opt(expiryNoticeBy)}"

private fun RoundAnswer.fingerprint() = when (val r = round) {
    null -> "edition=$edition round=-"
    else -> "edition=$edition round=${r.level.id}#${r.number} " +
        "proposals_before=${r.proposalsBefore} completed_before=${r.completedBefore}"
}

private fun ProductCode.fingerprint() =
    "edition=$edition segments=${list(segments.map { "${it.kind.name.lowercase()}:${it.value}" })} formatted=$formatted"

private fun PortfolioReport.fingerprint(): String {
    fun counts(v: List<Count>) = list(v.map { "${it.key}:${it.count}" })
    val targets = list(targets.map { if (it.met) "${it.id}:met" else "${it.id}:short${it.shortfall}" })
    val rows = list(rowErrors.map { row -> "${row.line}:" + row.errors.joinToString("+") { errorIds[it.code]!! } })
    return "products=$products valid=$validCertificates subjects=$subjects stars=${counts(byStars)} " +
        "groups=${counts(byGroup)} types=${counts(bySubjectType)} expiring=${expiring.size} " +
        "due=${reevaluation.due} reevaluated=${reevaluation.reevaluated} " +
        "expired_without=${reevaluation.expiredWithout} coverage=${reevaluation.percent} " +
        "targets=$targets row_errors=$rows"
}

// ---- reading the cases' JSON ----

/** Errors of a sub-input reported under its place in the case, as the Rust runner does. */
private fun <T> under(prefix: String, block: () -> T): T = try {
    block()
} catch (e: OcopException.Invalid) {
    throw OcopException.Invalid(e.code, prefix + e.path, e.reason, e.errors.map { it.copy(path = prefix + it.path) })
}

private fun JsonObject.str(key: String): String? = get(key)?.takeUnless { it.isJsonNull }?.asString

private fun JsonObject.long(key: String): Long? = get(key)?.takeUnless { it.isJsonNull }?.asLong

private fun JsonObject.strings(key: String): List<String> = get(key)?.asJsonArray?.map { it.asString }.orEmpty()
