import Benchmark
import InflowLinearAlgebra

/// `BLAS.gemm` (OpenBLAS dgemm) on square n x n matrices, one thread.
///
/// One call is 2 n^3 flops; the MFLOP/s metric divides that by our own timing of the
/// inner loop. The machine's single-core DGEMM peak is about 50 GFLOP/s, so the
/// interesting number is how close n = 256 and 1024 get to it, and how much of it the
/// call overhead and packing cost at n = 64.
func registerGemmBenchmarks() {
    // Inner iterations per measured iteration, so one measurement lasts at least ~1 ms:
    // n = 64 is ~10 us per call, n = 256 ~0.7 ms, n = 1024 ~45 ms at peak.
    let sizes: [(n: Int, scaling: BenchmarkScalingFactor)] = [(64, .kilo), (256, .one), (1024, .one)]
    for (n, scaling) in sizes {
        let a = Matrix(rows: n, columns: n, repeating: 1.0)
        let b = Matrix(rows: n, columns: n, repeating: 0.5)
        let flops = 2 * Double(n) * Double(n) * Double(n)
        let metrics: [BenchmarkMetric] = [
            .wallClock, .throughput, .mallocCountTotal, InflowMetric.megaflopsPerSecond,
        ]
        Benchmark(
            "gemm-n=\(n)",
            configuration: .init(
                metrics: metrics,
                timeUnits: .microseconds,
                units: [InflowMetric.megaflopsPerSecond: .count],
                scalingFactor: scaling,
                maxDuration: .seconds(n >= 1024 ? 3 : 2),
                thresholds: InflowThresholds.tolerances(for: metrics)
            )
        ) { benchmark in
            var c = Matrix(rows: n, columns: n, repeating: 0)
            benchmark.startMeasurement()
            benchmark.measureFlopRate(flopsPerCall: flops) {
                BLAS.gemm(.none, a, .none, b, into: &c)
            }
            benchmark.stopMeasurement()
            blackHole(c)
        }
    }
}
