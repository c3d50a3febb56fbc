import Benchmark
import InflowLinearAlgebra

/// Metrics and helpers shared by the benchmark files.
enum InflowMetric {
    /// Achieved floating-point rate of one outer iteration, in MFLOP/s (the value is an Int,
    /// so MFLOP/s keeps a GFLOP/s rate to three decimals). Larger is better and the value is
    /// not multiplied by the scaling factor.
    static let megaflopsPerSecond = BenchmarkMetric.custom(
        "MFLOP/s", polarity: .prefersLarger, useScalingFactor: false)
}

/// Tolerances used by `thresholds check` (p90 against `Thresholds/*.p90.json`) and by
/// baseline comparisons (p50). Light background work on this 2-core VM moves timings by
/// 10-20 %, so times and rates get 25 % at p90 (a parallel build costs more: re-run the check
/// on a quiet machine before believing a failure); allocation counts are exact.
enum InflowThresholds {
    static var timing: BenchmarkThresholds { BenchmarkThresholds(relative: [.p50: 15, .p90: 25]) }
    static var allocations: BenchmarkThresholds { BenchmarkThresholds(absolute: [.p50: 0, .p90: 0]) }

    /// The tolerance of each metric a benchmark records (the benchmark package warns about
    /// tolerances for metrics a benchmark does not record).
    static func tolerances(for metrics: [BenchmarkMetric]) -> [BenchmarkMetric: BenchmarkThresholds] {
        var result: [BenchmarkMetric: BenchmarkThresholds] = [:]
        for metric in metrics {
            result[metric] = metric == .mallocCountTotal ? allocations : timing
        }
        return result
    }
}

extension Duration {
    /// The duration in seconds as a Double.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) * 1e-18
    }
}

extension Benchmark {
    /// Runs `body` once per scaled iteration under our own clock and records the achieved
    /// MFLOP/s, given the flops of one call. The benchmark's own wall clock covers the same loop.
    func measureFlopRate(flopsPerCall: Double, _ body: () -> Void) {
        let clock = ContinuousClock()
        let start = clock.now
        for _ in scaledIterations { body() }
        let elapsed = start.duration(to: clock.now).seconds
        let calls = Double(scaledIterations.count)
        measurement(InflowMetric.megaflopsPerSecond, Int((flopsPerCall * calls / elapsed / 1e6).rounded()))
    }
}

/// A small deterministic generator (SplitMix64) for benchmark inputs, so that the suite
/// does not depend on the code it measures to build its data.
struct InputGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func nextUInt64() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform on [0, 1).
    mutating func nextUniform() -> Double {
        Double(nextUInt64() >> 11) * 0x1p-53
    }

    /// Uniform on [lower, upper).
    mutating func nextUniform(in range: Range<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * nextUniform()
    }

    /// A matrix with independent entries uniform on `range`.
    mutating func matrix(rows: Int, columns: Int, in range: Range<Double>) -> Matrix {
        var elements = [Double](repeating: 0, count: rows * columns)
        for index in elements.indices { elements[index] = nextUniform(in: range) }
        return Matrix(rows: rows, columns: columns, columnMajor: elements)
    }

    /// A well-conditioned symmetric positive-definite p x p matrix `M M^T + p I`.
    mutating func symmetricPositiveDefinite(order p: Int) -> Matrix {
        let m = matrix(rows: p, columns: p, in: -1..<1)
        var a = Matrix.identity(p)
        for j in 0..<p {
            for i in 0..<p {
                var sum = 0.0
                for k in 0..<p { sum += m[i, k] * m[j, k] }
                a[i, j] = sum + (i == j ? Double(p) : 0)
            }
        }
        return a
    }
}
