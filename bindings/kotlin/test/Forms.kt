// The printed forms from Kotlin: each example form (ocop-cli/src/examples) prints exactly the
// HTML the Rust core prints behind `ocop form <kind> --example`.
package vn.ocop.test

import com.google.gson.JsonObject
import com.google.gson.JsonParser
import java.io.File
import vn.ocop.*
import vn.ocop.core.*

fun printedForms(root: File, checks: Checks) {
    val example = JsonParser.parseString(root.resolve("ocop-cli/src/example.json").readText())
    val forms = listOf(
        Triple("sheet", true) { json: String -> printSheet(sheetFormFromJson(json)) },
        Triple("council", false) { json: String -> printCouncil(councilFormFromJson(json)) },
        Triple("mau-01", false) { json: String -> printDossierForm(dossierFormFromJson(json)) },
        Triple("mau-02", true) { json: String -> printDossierForm(dossierFormFromJson(json)) },
        Triple("mau-03", false) { json: String -> printDossierForm(dossierFormFromJson(json)) },
    )
    for ((kind, withEvaluation, print) in forms) {
        val data = JsonParser.parseString(root.resolve("ocop-cli/src/examples/$kind.json").readText()).asJsonObject
        if (withEvaluation) data.add("evaluation", example)
        data.addProperty("language", "vi")
        val cli = ProcessBuilder(
            "cargo", "run", "-q", "--locked", "-p", "ocop-cli", "--",
            "form", kind, "--example", "--lang", "vi", "--format", "json",
        ).directory(root).redirectError(ProcessBuilder.Redirect.DISCARD).start()
        val output = cli.inputStream.bufferedReader().readText()
        cli.waitFor()
        val rust = (JsonParser.parseString(output) as JsonObject)["result"].asString
        checks.expect("$kind: the same HTML as the Rust core", rust) { print(data.toString()) }
    }
    checks.expect("a bad form value is refused at its path", listOf("WRONG_TYPE@/values/case")) {
        try {
            printDossierForm(dossierFormFromJson("""{"form": "mau-01", "values": {"case": "second"}}"""))
            listOf("printed")
        } catch (e: OcopException.Invalid) {
            e.errors.map { "${it.code}@${it.path}" }
        }
    }
}
