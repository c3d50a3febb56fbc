import Benchmark
import Foundation
import InflowLinearAlgebra

/// `BatchedNormalEquations` for n = 365 observations, p = 8 coefficients, B = 10,000
/// weight vectors (one year of daily data, 10,000 bootstrap replicates).
///
/// * `packedGramians(weights:)` is one dgemm P^T W with P n x p(p+1)/2 and W n x B:
///   n p(p+1) B = 365 * 72 * 10,000 = 2.63e8 flops. Target: at least half the
///   single-core DGEMM peak, i.e. >= 25 GFLOP/s.
/// * `solve(weights:responses:)` adds the right-hand sides (a 2 n p B = 5.8e7 flop dgemm
///   after an n x B elementwise product) and B SmallCholesky factor-and-solves.
///   Its MFLOP/s counts only the two dgemms (3.2e8 flops), as a measure of how much the
///   non-GEMM parts cost. `rightHandSides(weights:responses:)` is timed on its own too
///   (its MFLOP/s counts the 5.8e7 flop dgemm only, not the 3.65e6 multiplications of W ∘ Z).
/// W alone is 365 * 10,000 doubles = 29 MB, so every call streams it from memory at least once.
func registerBatchedNormalEquationsBenchmarks() {
    let n = 365, p = 8, replicates = 10_000
    var generator = InputGenerator(seed: 0xBA7C)
    // Design: intercept, trend and three annual harmonic pairs (p = 8 columns).
    var design = Matrix(rows: n, columns: p)
    for i in 0..<n {
        let t = Double(i) / Double(n)
        let angle = 2 * Double.pi * t
        design[i, 0] = 1
        design[i, 1] = t - 0.5
        design[i, 2] = cos(angle)
        design[i, 3] = sin(angle)
        design[i, 4] = cos(2 * angle)
        design[i, 5] = sin(2 * angle)
        design[i, 6] = cos(3 * angle)
        design[i, 7] = sin(3 * angle)
    }
    let weights = generator.matrix(rows: n, columns: replicates, in: 0.5..<2)
    let responses = generator.matrix(rows: n, columns: replicates, in: -1..<1)
    let equations = BatchedNormalEquations(design: design)
    let gramianFlops = Double(n) * Double(p * (p + 1)) * Double(replicates)
    let rightSideFlops = 2 * Double(n) * Double(p) * Double(replicates)

    let metrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal, InflowMetric.megaflopsPerSecond]
    let configuration = Benchmark.Configuration(
        metrics: metrics,
        timeUnits: .microseconds,
        units: [InflowMetric.megaflopsPerSecond: .count],
        maxDuration: .seconds(3),
        thresholds: InflowThresholds.tolerances(for: metrics)
    )

    Benchmark("batched-packedGramians-n=365-p=8-B=10000", configuration: configuration) { benchmark in
        benchmark.measureFlopRate(flopsPerCall: gramianFlops) {
            blackHole(equations.packedGramians(weights: weights))
        }
    }

    // The second dgemm of `solve`, with its n x B elementwise product W ∘ Z, on its own.
    Benchmark("batched-rightHandSides-n=365-p=8-B=10000", configuration: configuration) { benchmark in
        benchmark.measureFlopRate(flopsPerCall: rightSideFlops) {
            blackHole(equations.rightHandSides(weights: weights, responses: responses))
        }
    }

    Benchmark("batched-solve-n=365-p=8-B=10000", configuration: configuration) { benchmark in
        benchmark.measureFlopRate(flopsPerCall: gramianFlops + rightSideFlops) {
            let result = equations.solve(weights: weights, responses: responses)
            precondition(result.failed.isEmpty, "a replicate's Gramian was not positive definite")
            blackHole(result.coefficients)
        }
    }
}
