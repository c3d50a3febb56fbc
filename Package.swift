// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Inflow",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Inflow", targets: ["Inflow"]),
        .library(name: "InflowLinearAlgebra", targets: ["InflowLinearAlgebra"]),
        .library(name: "InflowStatistics", targets: ["InflowStatistics"]),
        .library(name: "InflowFitting", targets: ["InflowFitting"]),
        .library(name: "InflowModels", targets: ["InflowModels"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-numerics.git", from: "1.1.1"),
    ],
    targets: [
        // MARK: - Public API

        .target(
            name: "InflowLinearAlgebra",
            dependencies: ["COpenBLAS"]
        ),
        .target(
            name: "InflowStatistics",
            dependencies: [
                "InflowLinearAlgebra",
                .product(name: "RealModule", package: "swift-numerics"),
            ]
        ),
        .target(
            name: "InflowFitting",
            dependencies: ["InflowLinearAlgebra", "InflowStatistics"]
        ),
        .target(
            name: "InflowModels",
            dependencies: ["InflowLinearAlgebra", "InflowStatistics", "InflowFitting"]
        ),
        .target(
            name: "Inflow",
            dependencies: ["InflowLinearAlgebra", "InflowStatistics", "InflowFitting", "InflowModels"]
        ),

        // MARK: - Implementation details

        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev", "pkg-config"])]
        ),

        // MARK: - Tests

        .testTarget(
            name: "InflowLinearAlgebraTests",
            dependencies: ["InflowLinearAlgebra"],
            resources: [.copy("Reference")]
        ),
        .testTarget(
            name: "InflowStatisticsTests",
            dependencies: ["InflowStatistics"],
            resources: [.copy("Reference")]
        ),
        .testTarget(
            name: "InflowFittingTests",
            dependencies: ["InflowFitting"],
            resources: [.copy("Reference")]
        ),
        .testTarget(
            name: "InflowModelsTests",
            dependencies: ["InflowModels"],
            resources: [.copy("Reference")]
        ),
    ]
)
