// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Inflow",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Inflow", targets: ["Inflow"]),
        .library(name: "InflowCore", targets: ["InflowCore"]),
        .library(name: "InflowLinearAlgebra", targets: ["InflowLinearAlgebra"]),
        .library(name: "InflowStatistics", targets: ["InflowStatistics"]),
        .library(name: "InflowFitting", targets: ["InflowFitting"]),
        .library(name: "InflowModels", targets: ["InflowModels"]),
        .library(name: "InflowProjection", targets: ["InflowProjection"]),
        .library(name: "InflowHierarchy", targets: ["InflowHierarchy"]),
        .library(name: "InflowData", targets: ["InflowData"]),
        .library(name: "InflowProvinces", targets: ["InflowProvinces"]),
        .library(name: "InflowAnalysis", targets: ["InflowAnalysis"]),
        .library(name: "InflowArchive", targets: ["InflowArchive"]),
        .library(name: "InflowReport", targets: ["InflowReport"]),
        .executable(name: "inflow", targets: ["inflow"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-numerics.git", from: "1.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // MARK: - Public API

        .target(name: "InflowCore"),
        .target(
            name: "InflowLinearAlgebra",
            dependencies: ["COpenBLAS", "CInflowKernels"]
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
            dependencies: ["InflowLinearAlgebra", "InflowStatistics", "CInflowKernels"]
        ),
        .target(
            name: "InflowModels",
            dependencies: ["InflowCore", "InflowLinearAlgebra", "InflowStatistics", "InflowFitting", "CInflowKernels"]
        ),
        .target(
            name: "InflowProjection",
            dependencies: ["InflowCore", "InflowLinearAlgebra", "InflowStatistics", "InflowFitting", "InflowModels", "CInflowKernels"]
        ),
        .target(
            name: "InflowData",
            dependencies: ["InflowCore"],
            resources: [.copy("Datasets")]
        ),
        .target(
            name: "InflowHierarchy",
            dependencies: [
                "InflowCore", "InflowLinearAlgebra", "InflowStatistics", "InflowFitting", "InflowModels", "InflowProjection",
            ]
        ),
        .target(
            name: "InflowProvinces",
            dependencies: ["InflowCore", "InflowLinearAlgebra", "InflowStatistics", "InflowModels", "InflowProjection", "InflowData"]
        ),
        .target(
            name: "InflowAnalysis",
            dependencies: ["InflowCore", "InflowLinearAlgebra", "InflowStatistics", "InflowModels", "InflowProjection", "InflowHierarchy", "InflowData", "InflowProvinces"]
        ),
        .target(
            name: "InflowArchive",
            dependencies: ["InflowCore", "InflowStatistics", "InflowProjection", "InflowData", "InflowAnalysis"]
        ),
        .target(
            name: "InflowReport",
            dependencies: ["InflowCore", "InflowStatistics", "InflowModels", "InflowProjection", "InflowHierarchy", "InflowProvinces", "InflowAnalysis",
                           "InflowArchive"]
        ),
        .target(
            name: "Inflow",
            dependencies: [
                "InflowCore", "InflowLinearAlgebra", "InflowStatistics", "InflowFitting", "InflowModels",
                "InflowProjection", "InflowHierarchy", "InflowData", "InflowProvinces", "InflowAnalysis", "InflowArchive",
                "InflowReport",
            ]
        ),

        // MARK: - Tools

        .executableTarget(
            name: "inflow",
            dependencies: [
                "Inflow",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: - Implementation details

        // Vectorised C kernels (exp, log, log-gamma and polygamma, count likelihoods, logistic and Richards
        // curves, weighted products, IRLS weights), one clone per x86-64 level chosen at load time.
        .target(name: "CInflowKernels"),
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev", "pkg-config"])]
        ),

        // MARK: - Notebooks (literate analyses as executables; they write into Notebooks/out/)

        .executableTarget(
            name: "january-2026-surge",
            dependencies: ["Inflow"],
            path: "Notebooks/january-2026-surge"
        ),
        .executableTarget(
            name: "provincial-inflows",
            dependencies: ["Inflow"],
            path: "Notebooks/provincial-inflows"
        ),
        .executableTarget(
            name: "pipeline-calibration",
            dependencies: ["Inflow"],
            path: "Notebooks/pipeline-calibration"
        ),
        .executableTarget(
            name: "scoring-past-projections",
            dependencies: ["Inflow"],
            path: "Notebooks/scoring-past-projections"
        ),
        // The README's sample, built and run by the tests (ReadmeSampleTests) so that it stays true.
        .executableTarget(
            name: "readme-sample",
            dependencies: ["Inflow"],
            path: "Examples/readme-sample"
        ),

        // MARK: - Tests

        // The tests' reference values (Tests/Reference/Data), bundled once for every test target.
        .target(
            name: "InflowReferenceFiles",
            path: "Tests/Reference",
            exclude: ["README.md"],
            resources: [.copy("Data")]
        ),

        .testTarget(
            name: "InflowLinearAlgebraTests",
            dependencies: ["InflowLinearAlgebra", "InflowReferenceFiles"]
        ),
        .testTarget(
            name: "InflowStatisticsTests",
            dependencies: ["InflowStatistics", "CInflowKernels", "InflowReferenceFiles"]
        ),
        .testTarget(
            name: "InflowFittingTests",
            dependencies: ["InflowFitting", "InflowLinearAlgebra", "InflowReferenceFiles"]
        ),
        .testTarget(
            name: "InflowModelsTests",
            dependencies: ["InflowModels", "InflowCore", "InflowReferenceFiles"]
        ),
        .testTarget(
            name: "InflowProjectionTests",
            dependencies: [
                "InflowProjection", "InflowCore", "InflowFitting", "InflowLinearAlgebra", "InflowModels", "InflowStatistics",
                "InflowReferenceFiles",
            ]
        ),
        .testTarget(
            name: "InflowDataTests",
            dependencies: ["InflowData", "InflowCore"],
            resources: [.copy("Resources")]
        ),
        .testTarget(
            name: "InflowAnalysisTests",
            dependencies: ["InflowAnalysis", "InflowCore", "InflowData", "InflowHierarchy", "InflowModels", "InflowProjection"]
        ),
        .testTarget(
            name: "InflowProvincesTests",
            dependencies: ["InflowProvinces", "InflowCore", "InflowData", "InflowModels", "InflowProjection", "InflowStatistics",
                           "InflowLinearAlgebra"]
        ),
        .testTarget(
            name: "InflowHierarchyTests",
            dependencies: ["InflowHierarchy", "InflowCore", "InflowLinearAlgebra", "InflowModels", "InflowProjection",
                           "InflowStatistics", "InflowReferenceFiles"]
        ),
        .testTarget(
            name: "InflowArchiveTests",
            dependencies: ["InflowArchive", "InflowAnalysis", "InflowCore", "InflowData", "InflowProjection", "InflowStatistics",
                           "InflowReferenceFiles"]
        ),
        .testTarget(
            name: "InflowReportTests",
            dependencies: ["InflowReport", "InflowAnalysis", "InflowArchive", "InflowCore", "InflowData", "InflowHierarchy", "InflowModels",
                           "InflowProjection", "InflowProvinces"]
        ),
        .testTarget(
            name: "InflowCommandTests",
            dependencies: ["inflow", "readme-sample", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
    ]
)
