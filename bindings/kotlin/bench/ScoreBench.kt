// Micro-benchmark: one typed `score` call from Kotlin through JNA into the Rust core, on the
// fish-sauce example (ocop-cli/src/example.json): the evaluation is lowered, scored and the
// full report lifted back. Not part of the tests; run bench/run.sh.
package vn.ocop.bench

import java.io.File
import vn.ocop.evaluationFromJson
import vn.ocop.score

fun main(args: Array<String>) {
    val evaluation = evaluationFromJson(File(args[0]).readText())
    val calls = 20_000
    fun round(): Double {
        val start = System.nanoTime()
        repeat(calls) { check(score(evaluation).total == "75") }
        return (System.nanoTime() - start) / 1_000.0 / calls
    }
    repeat(5) { round() } // warm-up: JIT compilation and JNA's first calls
    val median = List(7) { round() }.sorted()[3]
    println("kotlin score: %.1f µs/call".format(median))
}
