import Foundation
import InflowFitting
import InflowLinearAlgebra
import Testing

/// `f(x) = (x^2 - 1)^2 / 2` as one residual `x^2 - 1`: two minima, at -1 and +1, both with `f = 0`.
let doubleWell = ResidualFunction(parameterCount: 1, residualCount: 1) { _, x in
    x[0] * x[0] - 1
} jacobianRow: { _, x in
    SIMD8(2 * x[0], 0, 0, 0, 0, 0, 0, 0)
}

@Suite("Levenberg–Marquardt stopping at a known minimum")
struct KnownMinimumTests {
    /// The tolerance of these tests, in the objective's units (far below Rosenbrock's scale).
    static let tolerance = 1e-6

    /// A second Rosenbrock run from another start, given the first run's minimum, stops there early:
    /// with status `knownMinimum`, in fewer iterations than the same run without it, at a point whose
    /// Newton target is the known minimum (checked here from the definition, with the point's own
    /// derivatives).
    @Test func aRunHeadingToTheKnownMinimumStopsEarly() throws {
        let first = LevenbergMarquardt.minimize(rosenbrock, from: SIMD8(-1.2, 1, 0, 0, 0, 0, 0, 0))
        #expect(first.isConverged, "\(first.message)")
        let known = try #require(LevenbergMarquardt.KnownMinimum(first, tolerance: Self.tolerance))
        let start = SIMD8<Double>(2.5, -1, 0, 0, 0, 0, 0, 0)
        let plain = LevenbergMarquardt.minimize(rosenbrock, from: start)
        let confirming = LevenbergMarquardt.minimize(rosenbrock, from: start, knownMinimum: known)
        #expect(plain.isConverged, "\(plain.message)")
        #expect(confirming.status == .knownMinimum, "\(confirming.message)")
        #expect(!confirming.isConverged)
        #expect(confirming.iterations < plain.iterations, "\(confirming.iterations) vs \(plain.iterations)")

        // The stopping test, recomputed: the undamped Newton step s = -H^-1 g from the returned point
        // lands within the tolerance of the known minimum, in its metric and in value.
        let factor = try SmallCholesky(confirming.curvature)
        let step = factor.solve(-confirming.gradient)
        let decrement = 0.5 * (-confirming.gradient * step).sum()
        let offset = confirming.parameters + step - known.parameters
        let distance = 0.5 * (offset * known.curvature.multiply(offset)).sum()
        #expect(distance <= Self.tolerance, "distance \(distance)")
        #expect(abs(confirming.finalObjective - decrement - known.value) <= Self.tolerance)
    }

    /// Another minimum with the same value is not the known one: a run from -2 on the double well,
    /// given the minimum at +1, runs to the end and converges at -1.
    @Test func aMinimumElsewhereDoesNotStopTheRun() throws {
        let right = LevenbergMarquardt.minimize(doubleWell, from: SIMD8(2, 0, 0, 0, 0, 0, 0, 0))
        #expect(right.isConverged && abs(right.parameters[0] - 1) < Tolerance.closedForm, "\(right.message)")
        let known = try #require(LevenbergMarquardt.KnownMinimum(right, tolerance: 0.01))
        let left = LevenbergMarquardt.minimize(doubleWell, from: SIMD8(-2, 0, 0, 0, 0, 0, 0, 0), knownMinimum: known)
        #expect(left.isConverged, "\(left.message)")
        #expect(abs(left.parameters[0] + 1) < Tolerance.closedForm, "x = \(left.parameters[0])")
    }

    /// No known minimum comes from a run that did not converge, or that ended on a bound it cannot
    /// leave (the quadratic model is not the objective's there).
    @Test func onlyAnInteriorConvergedRunGivesAKnownMinimum() {
        var short = LevenbergMarquardt.Options()
        short.maximumIterations = 1
        let stopped = LevenbergMarquardt.minimize(rosenbrock, from: SIMD8(-1.2, 1, 0, 0, 0, 0, 0, 0), options: short)
        #expect(stopped.status == .maximumIterations)
        #expect(LevenbergMarquardt.KnownMinimum(stopped, tolerance: Self.tolerance) == nil)

        var bounded = LevenbergMarquardt.Options()
        bounded.upperBounds = SIMD8(0.5, .infinity, .infinity, .infinity, .infinity, .infinity, .infinity, .infinity)
        let onBound = LevenbergMarquardt.minimize(rosenbrock, from: SIMD8(-1.2, 1, 0, 0, 0, 0, 0, 0), options: bounded)
        #expect(onBound.isConverged && onBound.activeBounds[0], "\(onBound.message)")
        #expect(LevenbergMarquardt.KnownMinimum(onBound, tolerance: Self.tolerance) == nil)
    }
}
