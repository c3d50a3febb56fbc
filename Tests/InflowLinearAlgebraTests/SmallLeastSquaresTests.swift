import InflowLinearAlgebra
import Testing

/// The unrefined small-problem path of `LeastSquares.coefficients` (pivoted Householder QR without LAPACK) against
/// the refined LAPACK solve: the same basic solution, the same aliased columns.
@Suite struct SmallLeastSquaresTests {
    /// Weighted quadratic and cubic designs on raw days (column norms from 1 to 10^5), random weights and responses.
    @Test func agreesWithTheRefinedSolve() throws {
        var generator = SplitMix(seed: 2026)
        for trial in 0..<200 {
            let n = 9 + trial % 50, p = 3 + trial % 2
            let design = Matrix(rowMajor: (0..<n).map { t in (0..<p).map { Double(t * (trial % 3 + 1)).power($0) } })
            let weights = (0..<n).map { _ in 0.5 + 500 * generator.uniform() }
            let response = (0..<n).map { _ in 8 * generator.uniform() - 2 }
            let small = try LeastSquares.coefficients(design: design, response: response, weights: weights, refinementSteps: 0)
            let refined = try LeastSquares.solve(design: design, response: response, weights: weights).coefficients
            // Each coefficient's error in the units of its column's contribution, against the largest contribution.
            let norms = (0..<p).map { j in (0..<n).reduce(0) { $0 + weights[$1] * design[$1, j] * design[$1, j] }.squareRoot() }
            let largest = (0..<p).map { abs(refined[$0]) * norms[$0] }.max()!
            for j in 0..<p {
                #expect(abs(small[j] - refined[j]) * norms[j] <= Tolerance.unrefinedSmallSolve * largest,
                        "trial \(trial), coefficient \(j): \(small[j]) against \(refined[j])")
            }
        }
    }

    /// The unrefined solve's covariance, residuals, rank and exact condition number against the refined LAPACK solve
    /// and its condition estimate (Hager's estimate of `||R^-1||_1` never exceeds the true norm).
    @Test func covarianceAndConditionAgreeWithTheRefinedSolve() throws {
        var generator = SplitMix(seed: 7)
        for trial in 0..<100 {
            let n = 9 + trial % 40, p = 2 + trial % 4
            let design = Matrix(rowMajor: (0..<n).map { t in (0..<p).map { Double(t).power($0) } })
            let weights = (0..<n).map { _ in 0.5 + 50 * generator.uniform() }
            let response = (0..<n).map { _ in 20 * generator.uniform() }
            let small = try LeastSquares.solve(design: design, response: response, weights: weights, refinementSteps: 0)
            let refined = try LeastSquares.solve(design: design, response: response, weights: weights)
            #expect(small.rank == refined.rank && small.aliasedColumns == refined.aliasedColumns)
            #expect(abs(small.residualSumOfSquares - refined.residualSumOfSquares)
                    <= Tolerance.unrefinedSmallSolve * refined.residualSumOfSquares)
            for a in 0..<p {
                for b in 0..<p {
                    let scale = (refined.unscaledCovariance[a, a] * refined.unscaledCovariance[b, b]).squareRoot()
                    #expect(abs(small.unscaledCovariance[a, b] - refined.unscaledCovariance[a, b])
                            <= Tolerance.unrefinedSmallSolve * scale, "trial \(trial), covariance (\(a), \(b))")
                }
            }
            #expect(small.conditionNumber >= refined.conditionNumber * (1 - Tolerance.wellConditioned))
            #expect(small.conditionNumber <= refined.conditionNumber * Tolerance.conditionEstimateFactor,
                    "trial \(trial): \(small.conditionNumber) against the estimate \(refined.conditionNumber)")
        }
    }

    /// A column that repeats another is aliased on both paths and gets zero; the others are the fit without it.
    @Test func aliasedColumnGetsZeroAsTheRefinedSolve() throws {
        let days = (0..<12).map(Double.init)
        let design = Matrix(rowMajor: days.map { [1, $0, 2 * $0, $0 * $0] })
        let response = days.map { 3 + 0.5 * $0 - 0.02 * $0 * $0 + ($0.truncatingRemainder(dividingBy: 3) - 1) * 0.1 }
        let small = try LeastSquares.coefficients(design: design, response: response, refinementSteps: 0)
        let refined = try LeastSquares.solve(design: design, response: response)
        #expect(refined.aliasedColumns.count == 1)
        for j in 0..<4 {
            #expect(abs(small[j] - refined.coefficients[j]) <= Tolerance.wellConditioned * max(abs(refined.coefficients[j]), 1),
                    "coefficient \(j): \(small[j]) against \(refined.coefficients[j])")
        }
        #expect(refined.aliasedColumns.allSatisfy { small[$0] == 0 })
    }

    /// Non-finite input is refused as by the refined path.
    @Test func nonFiniteInputIsRefused() {
        let design = Matrix(rowMajor: [[1, 0], [1, 1], [1, 2]])
        #expect(throws: LinearAlgebraError.self) {
            try LeastSquares.coefficients(design: design, response: [1, .nan, 2], refinementSteps: 0)
        }
    }
}

/// SplitMix64: a small seeded generator for the test's inputs.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func uniform() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
}

private extension Double {
    func power(_ k: Int) -> Double { (0..<k).reduce(1) { value, _ in value * self } }
}
