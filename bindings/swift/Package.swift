// swift-tools-version:5.9
// ocop for Swift: the generated Swift API (target Ocop) over the Rust core, which ships as an
// XCFramework of static libraries (binary target OcopFFI). On macOS, build it first:
//   bash bindings/swift/build-xcframework.sh && swift test --package-path bindings/swift
import PackageDescription

let package = Package(
    name: "Ocop",
    platforms: [.iOS(.v13), .macOS(.v11)],
    products: [.library(name: "Ocop", targets: ["Ocop"])],
    targets: [
        .binaryTarget(name: "OcopFFI", path: "generated/OcopFFI.xcframework"),
        .target(name: "Ocop", dependencies: ["OcopFFI"], path: "Sources/Ocop"),
        .testTarget(name: "OcopTests", dependencies: ["Ocop"], path: "Tests/OcopTests"),
    ]
)
