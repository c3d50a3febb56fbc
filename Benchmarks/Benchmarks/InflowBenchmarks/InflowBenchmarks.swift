import Benchmark
import InflowLinearAlgebra

// Entry point of the suite: the BenchmarkPlugin generates a `main` that calls `benchmarks()`.
// Each topic registers its benchmarks from its own file.
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
}
