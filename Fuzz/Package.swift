// swift-tools-version: 6.1
import PackageDescription

// A libFuzzer target for Inflow's CSV reader and loader, kept in a nested package so that the
// unsafe flags it needs never reach users of the library (a package with `unsafeFlags` cannot be
// used as a dependency). It depends on the parent package by path (`..`).
//
// Build and run from the parent directory with `make fuzz` (see README.md): the Makefile adds
// `-sanitize=fuzzer,address` for every module built (so that InflowData itself is instrumented) and
// the compilation condition INFLOW_LIBFUZZER, under which libFuzzer supplies `main`. A plain
// `swift build` here gives the same checks as a replay tool without libFuzzer.
let package = Package(
    name: "InflowFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Inflow", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "inflow-fuzz-load",
            dependencies: [
                .product(name: "InflowCore", package: "Inflow"),
                .product(name: "InflowData", package: "Inflow"),
                "CLibFuzzer",
            ],
            path: "Sources/inflow-fuzz-load",
            // No top-level code: the entry point is the @main type (SwiftPM names it `inflow_fuzz_load_main`
            // and makes it `main` at link time, so libFuzzer's own `main` cannot be used; ours calls
            // LLVMFuzzerRunDriver).
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        // The declaration of libFuzzer's LLVMFuzzerRunDriver, for Swift.
        .target(name: "CLibFuzzer", path: "Sources/CLibFuzzer"),
    ]
)
