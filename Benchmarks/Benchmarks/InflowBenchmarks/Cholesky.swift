import Benchmark
import InflowLinearAlgebra

/// Factor-and-solve of a small symmetric positive-definite system, p = 3...8:
/// `SmallCholesky(SmallMatrix)` + `solve(SIMD8<Double>)` (registers, no allocation)
/// against `CholeskyFactorization(Matrix)` + `solve([Double])` (LAPACKE dpotrf + dpotrs).
///
/// The work is p^3/3 + 2 p^2 flops (~50 at p = 4), so the time is all overhead and latency:
/// the target for SmallCholesky at p = 4 is under 100 ns. Each measured iteration runs
/// 1,000 factor-and-solves (scaling factor .kilo), so the reported time is per solve.
/// The inputs cycle through 16 different matrices and right-hand sides (all in L1) so the
/// compiler cannot hoist the factorisation out of the loop.
func registerCholeskyBenchmarks() {
    let variants = 16
    for p in 3...8 {
        var generator = InputGenerator(seed: 0xC401 &+ UInt64(p))
        let matrices = (0..<variants).map { _ in generator.symmetricPositiveDefinite(order: p) }
        let rightSides = (0..<variants).map { _ in (0..<p).map { _ in generator.nextUniform(in: -1..<1) } }
        let smallMatrices = matrices.map { SmallMatrix($0) }
        let simdRightSides = rightSides.map { values -> SIMD8<Double> in
            var vector = SIMD8<Double>.zero
            for (i, value) in values.enumerated() { vector[i] = value }
            return vector
        }
        let configuration = Benchmark.Configuration(
            metrics: [.wallClock, .throughput, .mallocCountTotal],
            timeUnits: .nanoseconds,
            scalingFactor: .kilo
        )

        Benchmark("cholesky-SmallCholesky-p=\(p)", configuration: configuration) { benchmark in
            var total = SIMD8<Double>.zero
            for iteration in benchmark.scaledIterations {
                let index = iteration & (variants - 1)
                let factor = try! SmallCholesky(smallMatrices[index])
                total += factor.solve(simdRightSides[index])
            }
            blackHole(total)
        }

        Benchmark("cholesky-LAPACK-p=\(p)", configuration: configuration) { benchmark in
            var total = 0.0
            for iteration in benchmark.scaledIterations {
                let index = iteration & (variants - 1)
                let factor = try! CholeskyFactorization(matrices[index])
                total += factor.solve(rightSides[index])[0]
            }
            blackHole(total)
        }
    }
}
