// ocop for Android: an AAR with the generated Kotlin (vn.ocop, vn.ocop.core) and
// jni/<abi>/libocop_ffi.so for arm64-v8a, armeabi-v7a and x86_64, built by cargo-ndk. The
// libraries are linked with 16 KB page alignment (ocop-ffi/build.rs). Needs the Android SDK, NDK
// r27 or later (ANDROID_NDK_HOME), rustup's Android targets and `cargo install cargo-ndk`; see
// README.md. Not built on the project's Linux machines (no NDK there): check.sh checks this file.

plugins {
    id("com.android.library") version "8.7.3"
    id("org.jetbrains.kotlin.android") version "2.1.21"
    `maven-publish`
}

val repo: File = rootDir.resolve("../..").canonicalFile
// One version everywhere: the workspace's (Cargo.toml, [workspace.package]).
val ocopVersion: String = Regex("""\[workspace\.package\][^\[]*?\nversion = "([^"]+)"""")
    .find(repo.resolve("Cargo.toml").readText())!!.groupValues[1]
group = "vn.ocop"
version = ocopVersion

// The ABIs and their Rust targets (cargo-ndk names the output folders by ABI).
val abis = listOf("arm64-v8a", "armeabi-v7a", "x86_64")
val jniLibs = layout.buildDirectory.dir("rust/jniLibs")
val generatedKotlin = layout.buildDirectory.dir("rust/kotlin")

val cargoNdk by tasks.registering(Exec::class) {
    description = "Builds libocop_ffi.so for each ABI with cargo-ndk."
    workingDir = repo
    commandLine(
        listOf("cargo", "ndk") + abis.flatMap { listOf("-t", it) } +
            listOf("--platform", "21", "-o", jniLibs.get().asFile.path,
                "build", "--release", "--locked", "-p", "ocop-ffi"),
    )
    inputs.dir(repo.resolve("ocop-core/src")); inputs.dir(repo.resolve("ocop-ffi/src"))
    outputs.dir(jniLibs)
}

val generateKotlin by tasks.registering(Exec::class) {
    description = "Generates the Kotlin bindings from the arm64-v8a library (uniffi library mode)."
    dependsOn(cargoNdk)
    workingDir = repo
    commandLine(
        "cargo", "run", "-q", "--locked", "-p", "uniffi-bindgen", "--", "generate", "--no-format",
        "--language", "kotlin", "--out-dir", generatedKotlin.get().asFile.path,
        jniLibs.get().file("arm64-v8a/libocop_ffi.so").asFile.path,
    )
    outputs.dir(generatedKotlin)
}

android {
    namespace = "vn.ocop"
    compileSdk = 35
    defaultConfig {
        minSdk = 21
        consumerProguardFiles("consumer-rules.pro")
        ndk { abiFilters += abis }
    }
    sourceSets["main"].java.srcDir(generatedKotlin)
    sourceSets["main"].jniLibs.srcDir(jniLibs)
    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_1_8
        targetCompatibility = JavaVersion.VERSION_1_8
    }
    publishing { singleVariant("release") { withSourcesJar() } }
}
kotlin { compilerOptions { jvmTarget.set(org.jetbrains.kotlin.gradle.dsl.JvmTarget.JVM_1_8) } }

tasks.named("preBuild") { dependsOn(generateKotlin) }

dependencies {
    // The AAR of JNA carries libjnidispatch.so for each ABI; the same JNA as the JVM jar.
    implementation("net.java.dev.jna:jna:5.13.0@aar")
}

publishing {
    publications {
        register<MavenPublication>("release") {
            groupId = "vn.ocop"
            artifactId = "ocop-android"
            version = ocopVersion
            afterEvaluate { from(components["release"]) }
        }
    }
}
