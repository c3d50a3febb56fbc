import Benchmark
import InflowLinearAlgebra

// Entry point of the suite: the BenchmarkPlugin generates a `main` that calls `benchmarks()`.
// Each topic registers its benchmarks from its own file.
//
// Benchmark names contain no spaces or slashes: `thresholds update` writes
// `Thresholds/<target>.<name>.p90.json` with spaces and slashes replaced by underscores, but
// `thresholds check` (benchmark 1.38.1) looks the file up by the unmodified name, so a name
// with a space would never find its thresholds.
let benchmarks: @Sendable () -> Void = {
    // Every figure in this suite is for one core: OpenBLAS must not spread a GEMM over
    // both cores of the machine (the benchmark sampler runs on the other one).
    BLAS.setThreadCount(1)

    let metrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal]
    Benchmark.defaultConfiguration = .init(
        metrics: metrics,
        warmupIterations: 3,
        maxDuration: .seconds(2),
        maxIterations: 10_000,
        thresholds: InflowThresholds.tolerances(for: metrics)
    )

    registerGemmBenchmarks()
    registerCholeskyBenchmarks()
    registerBatchedNormalEquationsBenchmarks()
    registerSamplingBenchmarks()
    registerVectorMathBenchmarks()
    registerHierarchyBenchmarks()
    registerProvinceBenchmarks()
    registerJobBenchmarks()
}
