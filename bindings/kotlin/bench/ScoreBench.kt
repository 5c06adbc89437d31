// Micro-benchmark of scoring from Kotlin through JNA into the Rust core, on the fish-sauce
// example (ocop-cli/src/example.json): one typed `score` call (the evaluation is lowered, scored
// and the report, codes and numbers, lifted back), a `Form` tick (one answer set, the running
// result read back), and `scoreBatch` over 1 000 sheets in one call (3 bytes back per sheet).
// Not part of the tests; run bench/run.sh.
package vn.ocop.bench

import java.io.File
import vn.ocop.Form
import vn.ocop.evaluationFromJson
import vn.ocop.score
import vn.ocop.scoreBatch

/** Median µs per item of 7 timed rounds, after 5 warm-up rounds (JIT, JNA's first calls). */
fun median(items: Int, round: () -> Unit): Double {
    fun timed(): Double {
        val start = System.nanoTime()
        round()
        return (System.nanoTime() - start) / 1_000.0 / items
    }
    repeat(5) { timed() }
    return List(7) { timed() }.sorted()[3]
}

fun main(args: Array<String>) {
    val evaluation = evaluationFromJson(File(args[0]).readText())
    val calls = 20_000
    val one = median(calls) { repeat(calls) { check(score(evaluation).total == "75") } }
    println("kotlin score (report): %.1f µs/call".format(one))

    Form("26/2026", 9u, evaluation.subjectType).use { form ->
        val answers = evaluation.answers.entries.toList()
        answers.forEach { (code, option) -> form.set(code, option?.toUByte()) }
        val ticks = 20_000
        val tick = median(ticks) {
            repeat(ticks) { i ->
                val (code, option) = answers[i % answers.size]
                form.set(code, option?.toUByte())
                check(form.result().total.toInt() == 75)
            }
        }
        println("kotlin Form tick (set + result): %.1f µs/tick".format(tick))
    }

    val row = score(evaluation).lines.map { (it.option?.toInt() ?: 255).toByte() }.toByteArray()
    val sheets = 1_000
    val rows = ByteArray(row.size * sheets) { row[it % row.size] }
    val batch = median(sheets * 100) {
        repeat(100) { check(scoreBatch("26/2026", 9u, rows)[2].toInt() == 3) }
    }
    println("kotlin scoreBatch (1 000 sheets per call): %.3f µs/sheet".format(batch))
}
