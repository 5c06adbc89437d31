// The shared golden cases (tests/cases): each case's fingerprint is built from the typed
// result, following tests/cases/README.md, and the SHA-256 of all lines must equal the digest
// of the Rust run. Only the JSON entry points turn a case's input into a typed record.
package vn.ocop.test

import com.google.gson.JsonElement
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

/** Each kind read by the core's own reader (`…FromJson`), as the Rust runner does. */
private fun run(kind: String, input: JsonElement): String {
    val json = input.toString()
    return when (kind) {
        "score" -> score(evaluationFromJson(json)).fingerprint()
        "council" -> council(councilFromJson(json)).fingerprint()
        "plan" -> plan(planRequestFromJson(json)).fingerprint()
        "compare" -> compare(compareRequestFromJson(json)).fingerprint()
        "certificate" -> certificate(certificateFromJson(json)).fingerprint()
        "dossierRules" -> dossierRules(dossierRulesRequestFromJson(json))
            .let { "edition=${it.edition} finish_by=${opt(it.finishBy)}" }
        "round" -> roundForSubmission(roundRequestFromJson(json)).fingerprint()
        "nextRound" -> nextRound(roundRequestFromJson(json)).fingerprint()
        "productCode" -> parseProductCode(productCodeRequestFromJson(json)).fingerprint()
        "productCodeFormat" -> "formatted=" + formatProductCode(productCodePartsFromJson(json))
        "portfolio" -> portfolio(portfolioRequestFromJson(json)).fingerprint()
        "carryOver" -> carryOver(carryOverRequestFromJson(json)).fingerprint()
        "reachable" -> reachable(evaluationFromJson(json)).fingerprint()
        "resultCode" -> resultCode(evaluationFromJson(json))
            .let { "code=${it.code} length=${it.code.length} stars=${opt(it.stars)} total=${it.total}" }
        "verifyResultCode" -> verifyResultCode(verifyRequestFromJson(json)).fingerprint()
        "deadline" -> deadline(deadlineRequestFromJson(json)).fingerprint()
        "holidays" -> holidays(holidaysRequestFromJson(json)).fingerprint()
        "procedureDeadline" -> procedureDeadline(stepDeadlineRequestFromJson(json)).fingerprint()
        "dossierChecklist" -> dossierChecklist(checklistRequestFromJson(json)).fingerprint()
        "dossierCheck" -> checkDossier(filedDossierFromJson(json)).fingerprint()
        "registrationSlip" -> parseRegistrationSlip(slipRequestFromJson(json)).fingerprint()
        "registrationSlipFormat" -> "formatted=" + formatRegistrationSlip(slipPartsFromJson(json))
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
    return "total=$total parts=${list(parts.map { it.points })} band=${opt(band)} " +
        "stars=${opt(stars)} certifiable=$certifiable outcome=$outcome " +
        "blockers=${list(blockers.map { "${it.star}:${it.code}" })} " +
        "recognised=${opt(recognition.recognisedAt?.id)} forward=${opt(recognition.forwardTo?.id)} " +
        "warnings=${list(warnings.map { warningIds[it.code] })}"
}

private fun CouncilReport.fingerprint() =
    "mean=$mean rounded=${opt(roundedMean)} band=${opt(result.band)} stars=${opt(result.stars)} " +
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

private fun Bound.fingerprint() = "$total:${opt(stars)}"

private fun Reachable.fingerprint() = "open=$unanswered lowest=${lowest.fingerprint()} highest=${highest.fingerprint()}"

private fun CarryOver.fingerprint(): String {
    fun with(status: CarryStatus) = list(criteria.filter { it.status == status }.map { it.code })
    val window = certificate?.reevaluationWindow?.let { "${it.opensOn}..${it.closesOn}" }
    return "from=$previousEdition to=$edition previous=$previousTotal:${opt(previousStars)} " +
        "carried=${with(CarryStatus.CARRIED)} rescored=${with(CarryStatus.RESCORED)} " +
        "to_answer=${list(toAnswer)} dropped=${list(dropped)} " +
        "lowest=${reachable.lowest.fingerprint()} highest=${reachable.highest.fingerprint()} " +
        "expires=${opt(certificate?.expiresOn)} window=${opt(window)} " +
        "warnings=${list(warnings.map { warningIds[it.code] })}"
}

private fun Verification.fingerprint() =
    "holds=$holds stars=${opt(report.stars)} total=${report.total} in_code=${opt(starsInCode)} " +
        "mismatches=${list(mismatches.map { "${it.claimedBy.camel()}:${opt(it.claimed)}>${opt(it.recomputed)}" })} " +
        "signature=${signature.camel()}"
// ---- the dossier and working days ----

/** An enum value as its snake_case JSON name (`LUNAR_NEW_YEAR` → `lunar_new_year`). */
private val Enum<*>.snake get() = name.lowercase()

private fun Deadline.fingerprint() =
    "due=$dueOn holidays=${list(holidays.map { "${it.date}:${it.kind.snake}" })}"

private fun HolidayYear.fingerprint() =
    "days=${list(holidays.map { "${it.date.substring(5)}:${it.kind.snake}" })} " +
        "worked=${list(workedWeekendDays.map { it.date.substring(5) })} readings=${readings.size}"

private fun StepDeadline.fingerprint() =
    "edition=$edition step=${step.snake} unit=${deadline.unit.snake} length=${deadline.length} due=${deadline.dueOn}"

private fun DossierChecklist.fingerprint(): String {
    val samples = samples?.let { if (it.exempt) "exempt" else it.count.toString() } ?: "-"
    val copies = packages.firstNotNullOfOrNull { it.copies }?.let { "${it.paper}+${it.electronic}" } ?: "-"
    val sets = list(packages.map { p -> "${p.id}[${p.items.joinToString("+") { it.id }}]" })
    val evidence = list(evidence.filter { it.criteria.isNotEmpty() }
        .map { e -> "${e.id}:${e.criteria.joinToString("+") { it.code }}" })
    return "edition=$edition level=${level.id} sets=$sets samples=$samples copies=$copies " +
        "requirements=${caseRequirements.size} " +
        "commune=${list(criteria.filter { it.assessedByCommune }.map { it.code })} evidence=$evidence " +
        "without=${list(criteria.filter { it.evidence.isEmpty() }.map { it.code })} " +
        "due=${opt(deadlines.firstOrNull()?.deadline?.dueOn)} gaps=${gaps.size}"
}

private fun DossierCheck.fingerprint() =
    "package=$`package` complete=$complete " +
        "missing=${list(missing.map { "${it.id}:${it.declared}/${it.needed}" })} " +
        "conditional=${list(conditional.map { it.id })} extra=${list(extra)} " +
        "evidence_not_attached=${list(evidenceNotAttached.map { it.id })}"

private fun RegistrationSlip.fingerprint() =
    "edition=$edition number=$number second=$second province=$province commune=$commune year=$year formatted=$formatted"
