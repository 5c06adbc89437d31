"""What can be checked of the Swift package without a Swift compiler (Linux has none here).

1. The generated Swift, the repository's Package.swift and the XCTest file parse with
   tree-sitter-swift.
2. Every name the XCTest file uses (types, functions, members, argument labels, enum cases) is
   declared in the generated Swift, declared in the test file itself, or is one of the
   Swift/Foundation/XCTest/CryptoKit names listed below.
3. Package.swift: its source paths exist, its binary target is where build-xcframework.sh puts
   the XCFramework, its platforms are the deployment targets that script builds for, and
   set_release.py (release.sh) turns it into a manifest that parses, with the zip's checksum.

Not a compile check: types are not checked. `swift test` on macOS is the real test.

    python check_swift.py <bindings/swift> <Package.swift>      (prints "N passed, N failed")
"""

import hashlib
import re
import sys
from pathlib import Path

from set_release import set_release

import tree_sitter_swift
from tree_sitter import Language, Parser

PARSER = Parser(Language(tree_sitter_swift.language()))

# The grammar cannot parse uniffi's `#if swift(>=5.8) @_documentation(...) #endif` guards.
GUARD = re.compile(
    r"^[ \t]*#if swift\(>=5\.8\)\n[ \t]*@_documentation\(visibility: private\)\n[ \t]*#endif\n", re.M
)

# Names from Swift, Foundation, XCTest and CryptoKit that the test file uses.
PLATFORM = {
    "Any", "Bool", "Ocop", "append", "self", "CaseIterable", "CryptoKit", "Data", "Dictionary", "FileManager", "Foundation",
    "Int", "JSONSerialization", "NSNull", "ProcessInfo", "SHA256", "Sequence", "String", "T",
    "UInt16", "UInt32", "UInt8", "URL", "UTF8", "XCTAssertEqual", "XCTAssertFalse",
    "XCTAssertThrowsError", "XCTFail", "XCTUnwrap", "XCTest", "XCTestCase", "allCases", "as",
    "appendingPathComponent", "contentsOf", "contentsOfDirectory", "count", "data", "decoding",
    "default", "deletingLastPathComponent", "dropFirst", "encoding", "environment", "exactly",
    "fileURLWithPath", "filter", "first", "flatMap", "format", "fragmentsAllowed", "hash", "includingPropertiesForKeys",
    "init", "isEmpty", "joined", "jsonObject", "lastPathComponent", "map", "options", "pathExtension",
    "prefix", "print", "processInfo", "separator", "sorted", "split", "uniqueKeysWithValues",
    "uppercased", "utf8", "with", "withJSONObject", "XCTAssertTrue", "compactMap", "hasPrefix",
    "isUppercase", "lowercased", "reduce",
}


def parse(path):
    return parse_text(path.read_text(encoding="utf-8"))


def parse_text(text):
    return PARSER.parse(GUARD.sub("", text).encode("utf-8")).root_node


def syntax_error(root):
    """The first ERROR or MISSING node, as `line:column`, or None."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == "ERROR" or node.is_missing:
            return f"{node.start_point[0] + 1}:{node.start_point[1] + 1}"
        if node.has_error:
            stack.extend(reversed(node.children))
    return None


def walk(node):
    yield node
    for child in node.children:
        yield from walk(child)


def text(node):
    return node.text.decode("utf-8")


def declared(root):
    """Names a file declares: types, functions, properties, enum cases, parameters, bindings."""
    names = set()
    for node in walk(root):
        if node.type in ("class_declaration", "protocol_declaration", "typealias_declaration", "function_declaration"):
            name = node.child_by_field_name("name")
            if name is not None:
                names.add(text(name))
        elif node.type in ("parameter", "lambda_parameter", "enum_entry", "enum_type_parameters"):
            names.update(text(c) for c in node.children if c.type == "simple_identifier")
        elif node.type == "type_parameter":
            names.update(text(c) for c in node.children if c.type == "type_identifier")
        elif node.type in ("if_statement", "guard_statement"):  # `if let x = …`
            for before, after in zip(node.children, node.children[1:]):
                if before.type == "value_binding_pattern" and after.type == "simple_identifier":
                    names.add(text(after))
        elif node.type == "pattern":  # a binding: `let x`, `(a, b)`, `case let .c(x)`; not `.c`
            kids = [c for c in node.children if c.type != "value_binding_pattern"]
            if len(kids) == 1 and kids[0].type == "simple_identifier":
                names.add(text(kids[0]))
    return names


def used(root):
    """Every identifier a file mentions, `$0` aside."""
    return {
        text(n) for n in walk(root)
        if n.type in ("simple_identifier", "type_identifier") and not text(n).startswith("$")
    }


def manifest_problems(manifest, swift_dir):
    """What in Package.swift does not match the repository and build-xcframework.sh."""
    text = manifest.read_text(encoding="utf-8")
    root = manifest.parent
    script = (swift_dir / "build-xcframework.sh").read_text(encoding="utf-8")
    problems = []
    paths = re.findall(r'path: "([^"]+)"', text)
    for path in paths:
        if path.endswith(".xcframework"):
            # build-xcframework.sh writes "$out/OcopFFI.xcframework" with out=<its folder>.
            folder = re.search(r"^out=(\S+)$", script, re.M)
            if not folder or f"{folder.group(1)}/{Path(path).name}" != path:
                problems.append(f"binary target {path} is not where build-xcframework.sh writes it")
        elif not (root / path).is_dir():
            problems.append(f"no folder {path}")
    if len(paths) != 3:
        problems.append(f"expected 3 target paths, found {paths}")
    ios = re.search(r"IPHONEOS_DEPLOYMENT_TARGET=(\d+)\.0", script)
    macos = re.search(r"MACOSX_DEPLOYMENT_TARGET=(\d+)\.0", script)
    wanted = f"platforms: [.iOS(.v{ios and ios.group(1)}), .macOS(.v{macos and macos.group(1)})]"
    if wanted not in text:
        problems.append(f"platforms differ from build-xcframework.sh's deployment targets ({wanted})")
    return problems


def release_problems(manifest):
    """set_release.py on a copy: the result parses and carries the URL and the zip's SHA-256."""
    zipped = b"not really a zip"
    url = "https://example.invalid/ocop/releases/download/0.0.0/OcopFFI.xcframework.zip"
    text = set_release(manifest.read_text(encoding="utf-8"), url, zipped)
    where = syntax_error(parse_text(text))
    wanted = f'(url: "{url}", checksum: "{hashlib.sha256(zipped).hexdigest()}")'
    return [f"syntax error at {where}"] if where else [] if wanted in text else ["no url and checksum"]


def main(swift_dir, manifest):
    swift_dir, manifest = Path(swift_dir), Path(manifest)
    generated = sorted((swift_dir / "Sources/Ocop/generated").glob("*.swift"))
    tests = sorted((swift_dir / "Tests").rglob("*.swift"))
    passed = failed = 0

    def report(name, problem):
        nonlocal passed, failed
        if problem:
            failed += 1
            print(f"FAIL {name}: {problem}")
        else:
            passed += 1
            print(f"ok   {name}")

    report("generated Swift exists", None if len(generated) == 2 else f"found {generated}")
    trees = {}
    for path in generated + tests + [manifest]:
        trees[path] = parse(path)
        where = syntax_error(trees[path])
        report(f"{path.name if path == manifest else path.relative_to(swift_dir)} parses", where and f"syntax error at {where}")
    api = set().union(*(declared(trees[p]) for p in generated))
    for path in tests:
        unknown = used(trees[path]) - api - declared(trees[path]) - PLATFORM
        report(f"{path.relative_to(swift_dir)} uses only generated API", unknown and f"unknown names {sorted(unknown)}")
    report("Package.swift matches the layout and build-xcframework.sh", "; ".join(manifest_problems(manifest, swift_dir)))
    report("set_release.py writes a URL and checksum that parse", "; ".join(release_problems(manifest)))
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
