// swift-tools-version: 6.1
import PackageDescription

// Benchmarks for Inflow, kept in a nested package so that the benchmark dependency
// (and its malloc interposer) never reaches users of the library.
// Run from this directory: `swift package benchmark` (see README.md).
let package = Package(
    name: "InflowBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Inflow", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Times Inflow's jobs on the peer comparison's data; run by peers/compare.py.
        .executableTarget(
            name: "inflow-timing",
            dependencies: [.product(name: "Inflow", package: "Inflow")],
            path: "Timing"
        ),
        .executableTarget(
            name: "InflowBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "InflowLinearAlgebra", package: "Inflow"),
                .product(name: "InflowStatistics", package: "Inflow"),
                .product(name: "InflowFitting", package: "Inflow"),
                .product(name: "InflowCore", package: "Inflow"),
                .product(name: "InflowModels", package: "Inflow"),
                .product(name: "InflowProjection", package: "Inflow"),
                .product(name: "InflowHierarchy", package: "Inflow"),
                .product(name: "InflowData", package: "Inflow"),
                .product(name: "InflowProvinces", package: "Inflow"),
                .product(name: "InflowAnalysis", package: "Inflow"),
            ],
            path: "Benchmarks/InflowBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
    ]
)
