import Foundation
import InflowFitting
import Testing

@Suite("Multi-start")
struct MultiStartTests {
    /// BoxBOD without the first-step bound: start 1 "converges" to the stationary point at infinity
    /// (b2 -> infinity, RSS = 9771.5), start 2 to the certified minimum, a NaN start fails. The best
    /// converged run is start 2's.
    @Test func bestConvergedRunHasTheLowestObjective() throws {
        let problem = try NISTProblem.load("BoxBOD")
        var options = LevenbergMarquardt.Options()
        options.initialStepBound = .infinity
        let starts = [SIMD8(padding: problem.start1), SIMD8(padding: problem.start2), SIMD8(padding: [.nan, 1])]
        let result = MultiStart.minimize(ExponentialRiseResiduals(x: problem.x, y: problem.y), from: starts, options: options)
        #expect(result.summaries.count == 3)
        #expect(result.summaries[2].status == .failure(.nonFiniteStart))
        #expect(result.bestIndex == 1)
        #expect(result.lowestObjectiveIndex == 1)
        #expect(result.convergedCount == 2)
        let best = try #require(result.best)
        #expect(significantDigits(2 * best.finalObjective, problem.certified.residualSumOfSquares)
                >= Tolerance.nistSignificantDigits)
        // The run from start 1 is the asymptotic stationary point: b1 = mean(y).
        let mean = problem.y.reduce(0, +) / Double(problem.y.count)
        #expect(abs(result.summaries[0].parameters[0] - mean) <= 1e-6 * mean)
        #expect(result.summaries[0].parameters[1] > 10)
    }

    @Test func noConvergedRunGivesNoBest() {
        let result = MultiStart.minimize(rosenbrock, from: [SIMD8(padding: [.nan, 0])])
        #expect(result.best == nil && result.bestIndex == nil && result.lowestObjectiveIndex == nil)
    }
}
