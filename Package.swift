// swift-tools-version:5.9
// ocop for Swift (iOS 13+, macOS 11+). An app adds it by URL, product "Ocop":
//   .package(url: "https://example.invalid/ocop", from: "0.1.0")
// Target Ocop is the Swift API that uniffi generates from ocop-ffi (bindings/swift/generate.sh);
// binary target OcopFFI is the Rust core as an XCFramework of static libraries, built on macOS
// by bindings/swift/build-xcframework.sh. A release (bindings/swift/release.sh, macOS) commits
// the generated Swift, uploads the zipped XCFramework and sets `release` below to its URL and
// checksum. Until then, and in a checkout: build the XCFramework, then `swift test`.
import PackageDescription

// Set by bindings/swift/release.sh: (url: the zipped XCFramework, checksum: its SHA-256).
let release: (url: String, checksum: String)? = nil

let package = Package(
    name: "Ocop",
    platforms: [.iOS(.v13), .macOS(.v11)],
    products: [.library(name: "Ocop", targets: ["Ocop"])],
    targets: [
        release.map { .binaryTarget(name: "OcopFFI", url: $0.url, checksum: $0.checksum) }
            ?? .binaryTarget(name: "OcopFFI", path: "bindings/swift/generated/OcopFFI.xcframework"),
        .target(name: "Ocop", dependencies: ["OcopFFI"], path: "bindings/swift/Sources/Ocop"),
        .testTarget(name: "OcopTests", dependencies: ["Ocop"], path: "bindings/swift/Tests/OcopTests"),
    ]
)
