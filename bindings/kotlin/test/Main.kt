// The Kotlin test suite: the shared golden cases, the error paths and the catalog, run on the
// JVM against the built ocop-ffi library. Prints "N passed, N failed"; exits 1 on a failure.
//
//   java … vn.ocop.test.MainKt <repository root> <digest printed by the Rust cases>
package vn.ocop.test

import java.io.File
import kotlin.system.exitProcess

/** Counts checks and prints each failure as it happens. */
class Checks {
    var passed = 0
        private set
    var failed = 0
        private set

    /** Passes when [block] returns [expected]; an exception is a failure too. */
    fun <T> expect(name: String, expected: T, block: () -> T) {
        val actual = try {
            block()
        } catch (e: Exception) {
            "threw $e"
        }
        if (actual == expected) {
            passed++
        } else {
            failed++
            println("FAIL $name\n     expected $expected\n     got      $actual")
        }
    }

    /** Passes when [block] returns true. */
    fun check(name: String, block: () -> Boolean) = expect(name, true, block)
}

fun main(args: Array<String>) {
    val root = File(args[0])
    val checks = Checks()
    golden(root.resolve("tests/cases"), args[1], checks)
    val example = root.resolve("ocop-cli/src/example.json").readText()
    catalogAndJson(example, checks)
    errorPaths(example, checks)
    printedForms(root, checks)
    println("${checks.passed} passed, ${checks.failed} failed")
    exitProcess(if (checks.failed == 0) 0 else 1)
}
