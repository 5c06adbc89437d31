"""What can be checked of the Android module without the Android SDK and NDK (none here).

1. AndroidManifest.xml is well-formed, with no `package` attribute (the namespace is in Gradle).
2. build.gradle.kts: namespace vn.ocop; cargo-ndk builds exactly arm64-v8a, armeabi-v7a and
   x86_64 for the minSdk into the folder the module takes its jniLibs from; the JNA version is
   the JVM jar's; its version regex reads the workspace version from Cargo.toml.
3. ocop-ffi/build.rs links Android libraries with 16 KB pages, and that linker flag does what it
   says: a small cdylib linked here with it has every LOAD segment aligned to 0x4000 (and to
   less without it, so the check can tell).
4. consumer-rules.pro keeps JNA and the bindings.

Not checked: that Gradle, the NDK's clang and lld accept all this. That needs the SDK and NDK.

    python3 check_android.py <repository root> <workspace version>   (prints "N passed, N failed")
"""

import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ABIS = ["arm64-v8a", "armeabi-v7a", "x86_64"]


def manifest(root):
    tree = ET.parse(root / "bindings/android/src/main/AndroidManifest.xml").getroot()
    return tree.tag == "manifest" and "package" not in tree.attrib


def gradle(root, version):
    text = (root / "bindings/android/build.gradle.kts").read_text(encoding="utf-8")
    problems = []
    if 'namespace = "vn.ocop"' not in text:
        problems.append("namespace is not vn.ocop")
    abis = re.search(r"val abis = listOf\(([^)]*)\)", text)
    if not abis or re.findall(r'"([^"]+)"', abis.group(1)) != ABIS:
        problems.append(f"ABIs are not {ABIS}")
    min_sdk = re.search(r"minSdk = (\d+)", text)
    if not min_sdk or f'"--platform", "{min_sdk.group(1)}"' not in text:
        problems.append("cargo-ndk --platform differs from minSdk")
    if '"-o", jniLibs.get()' not in text or "jniLibs.srcDir(jniLibs)" not in text:
        problems.append("cargo-ndk's output is not the module's jniLibs folder")
    jna = re.search(r"^JNA_VERSION=(\S+)$", (root / "bindings/kotlin/package.sh").read_text(encoding="utf-8"), re.M)
    if not jna or f'"net.java.dev.jna:jna:{jna.group(1)}@aar"' not in text:
        problems.append("JNA differs from the JVM jar's (bindings/kotlin/package.sh)")
    pattern = re.search(r'Regex\("""(.*)"""\)', text)
    found = pattern and re.search(pattern.group(1), (root / "Cargo.toml").read_text(encoding="utf-8"))
    if not found or found.group(1) != version:
        problems.append(f"its version regex does not read {version} from Cargo.toml")
    return problems


def page_flag(root):
    """The link argument ocop-ffi/build.rs gives Android libraries."""
    text = (root / "ocop-ffi/build.rs").read_text(encoding="utf-8")
    if '== Ok("android")' not in text:
        return None
    flag = re.search(r"cargo::rustc-cdylib-link-arg=(\S+?)\"", text)
    return flag and flag.group(1)


def load_alignments(link_args):
    """The alignments of the LOAD segments of a small cdylib linked here with link_args."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp, "probe.rs")
        src.write_text("#[unsafe(no_mangle)]\npub extern \"C\" fn probe() -> u32 { 16384 }\n")
        lib = Path(tmp, "libprobe.so")
        args = ["rustc", "--edition", "2024", "--crate-type", "cdylib", "-o", str(lib), str(src)]
        for arg in link_args:
            args += ["-C", f"link-arg={arg}"]
        subprocess.run(args, check=True)
        headers = subprocess.run(["readelf", "-lW", str(lib)], check=True, capture_output=True, text=True).stdout
    return {int(line.split()[-1], 16) for line in headers.splitlines() if line.strip().startswith("LOAD")}


def main(root, version):
    root = Path(root)
    passed = failed = 0

    def report(name, problem):
        nonlocal passed, failed
        if problem:
            failed += 1
            print(f"FAIL {name}: {problem}")
        else:
            passed += 1
            print(f"ok   {name}")

    report("AndroidManifest.xml is well-formed, namespace in Gradle", None if manifest(root) else "not so")
    report("build.gradle.kts: ABIs, minSdk, jniLibs, JNA, version", "; ".join(gradle(root, version)))
    flag = page_flag(root)
    report("ocop-ffi/build.rs links Android libraries with 16 KB pages",
           None if flag == "-Wl,-z,max-page-size=16384" else f"flag is {flag}")
    if flag:
        aligned, plain = load_alignments([flag]), load_alignments([])
        report("that flag aligns every LOAD segment to 16 KB (a host link)",
               None if aligned == {0x4000} and plain != {0x4000} else f"with {aligned}, without {plain}")
    rules = (root / "bindings/android/consumer-rules.pro").read_text(encoding="utf-8")
    report("consumer-rules.pro keeps JNA and vn.ocop",
           None if "-keep class com.sun.jna.** { *; }" in rules and "-keep class vn.ocop.** { *; }" in rules else "missing")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
