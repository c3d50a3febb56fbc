import Foundation
import InflowFitting
import InflowLinearAlgebra
import Testing

/// `r_i = y_i - x_i^T b` for a dense design: a linear least-squares problem stated as residuals.
struct LinearResiduals: ResidualProblem {
    let design: Matrix
    let y: [Double]
    var parameterCount: Int { design.columns }
    var residualCount: Int { design.rows }

    func residual(_ i: Int, at b: SIMD8<Double>) -> Double {
        var fitted = 0.0
        for j in 0..<design.columns { fitted += design[i, j] * b[j] }
        return y[i] - fitted
    }

    func residualAndJacobianRow(_ i: Int, at b: SIMD8<Double>) -> (residual: Double, jacobianRow: SIMD8<Double>) {
        var row = SIMD8<Double>.zero
        for j in 0..<design.columns { row[j] = -design[i, j] }
        return (residual(i, at: b), row)
    }
}

/// Rosenbrock's function as residuals: `r1 = 10 (x2 - x1^2)`, `r2 = 1 - x1`; minimum 0 at (1, 1).
let rosenbrock = ResidualFunction(parameterCount: 2, residualCount: 2) { i, x in
    i == 0 ? 10 * (x[1] - x[0] * x[0]) : 1 - x[0]
} jacobianRow: { i, x in
    i == 0 ? SIMD8(-20 * x[0], 10, 0, 0, 0, 0, 0, 0) : SIMD8(-1, 0, 0, 0, 0, 0, 0, 0)
}

@Suite("Levenberg–Marquardt on closed-form problems")
struct LevenbergMarquardtTests {
    /// A quadratic in x on 20 points with deterministic "noise" sin(7 i): the LM answer must be the
    /// least-squares solution found by pivoted QR, and sigma^2 (J^T J)^-1 its covariance.
    @Test func linearLeastSquaresEqualsQRSolution() throws {
        let n = 20
        let x = (0..<n).map { Double($0) / 2 }
        let design = Matrix(rowMajor: x.map { [1, $0, $0 * $0] })
        let y: [Double] = (0..<n).map { i in
            let xi = x[i]
            let noise = 0.3 * sin(7 * Double(i))
            return 1 + 0.5 * xi - 0.1 * xi * xi + noise
        }
        let reference = try LeastSquares.solve(design: design, response: y)
        let summary = LevenbergMarquardt.minimize(LinearResiduals(design: design, y: y), from: .zero)
        #expect(summary.isConverged, "\(summary.message)")
        for j in 0..<3 {
            #expect(isClose(summary.parameters[j], reference.coefficients[j], relative: Tolerance.linearAgreement),
                    "b\(j): \(summary.parameters[j]) vs \(reference.coefficients[j])")
        }
        #expect(isClose(2 * summary.finalObjective, reference.residualSumOfSquares, relative: Tolerance.linearAgreement))
        let covariance = try Covariance.leastSquares(summary, observationCount: n)
        for i in 0..<3 {
            for j in 0..<3 {
                let expected = reference.residualVariance * reference.unscaledCovariance[i, j]
                #expect(isClose(covariance[i, j], expected, relative: Tolerance.linearAgreement), "cov[\(i), \(j)]")
            }
        }
    }

    @Test func rosenbrockFromTheClassicalStart() {
        let summary = LevenbergMarquardt.minimize(rosenbrock, from: SIMD8(-1.2, 1, 0, 0, 0, 0, 0, 0))
        #expect(summary.isConverged, "\(summary.message)")
        #expect(abs(summary.parameters[0] - 1) <= Tolerance.closedForm)
        #expect(abs(summary.parameters[1] - 1) <= Tolerance.closedForm)
        #expect(summary.finalObjective <= Tolerance.closedForm * Tolerance.closedForm)
        #expect(summary.initialObjective == rosenbrock.objective(SIMD8(-1.2, 1, 0, 0, 0, 0, 0, 0)))
        #expect(summary.parameters[2] == 0, "unused lanes stay zero")
    }

    /// min 1/2 (x - 3)^2 subject to x <= 2: the solution is the bound, where the projected gradient
    /// P(x - g) - x = P(2 + 1) - 2 = 0 passes the gradient test although g = -1.
    @Test func activeUpperBoundStopsOnTheProjectedGradient() {
        let problem = ResidualFunction(parameterCount: 1, residualCount: 1) { _, x in x[0] - 3 } jacobianRow: { _, _ in
            SIMD8(1, 0, 0, 0, 0, 0, 0, 0)
        }
        var options = LevenbergMarquardt.Options()
        options.upperBounds[0] = 2
        let summary = LevenbergMarquardt.minimize(problem, from: .zero, options: options)
        #expect(summary.status == .gradientTolerance, "\(summary.message)")
        #expect(summary.parameters[0] == 2)
        #expect(summary.gradient[0] == -1)
        #expect(summary.activeBounds[0])
        #expect(summary.projectedGradientNorm == 0)
    }

    /// Two separable residuals x1 - 3 and x2 + 1 with x2 >= 0 and a start outside the box:
    /// the start is projected, x1 moves freely to 3 and x2 stays on its bound 0.
    @Test func lowerBoundWithAFreeNeighbour() {
        let problem = ResidualFunction(parameterCount: 2, residualCount: 2) { i, x in
            i == 0 ? x[0] - 3 : x[1] + 1
        } jacobianRow: { i, _ in
            i == 0 ? SIMD8(1, 0, 0, 0, 0, 0, 0, 0) : SIMD8(0, 1, 0, 0, 0, 0, 0, 0)
        }
        var options = LevenbergMarquardt.Options()
        options.lowerBounds[1] = 0
        let summary = LevenbergMarquardt.minimize(problem, from: SIMD8(10, -5, 0, 0, 0, 0, 0, 0), options: options)
        #expect(summary.isConverged, "\(summary.message)")
        #expect(abs(summary.parameters[0] - 3) <= Tolerance.closedForm)
        #expect(summary.parameters[1] == 0)
        #expect(summary.activeBounds[1] && !summary.activeBounds[0])
    }

    /// r1 = x1 + x2 - 3, r2 = x1 - x2 - 1 with x2 fixed at 0.5: x1 minimises
    /// (x1 - 2.5)^2 + (x1 - 1.5)^2, so x1 = 2, and x2 must stay exactly 0.5 (not the free optimum 1).
    @Test func fixedParameterStaysAtItsStart() throws {
        let problem = ResidualFunction(parameterCount: 2, residualCount: 2) { i, x in
            i == 0 ? x[0] + x[1] - 3 : x[0] - x[1] - 1
        } jacobianRow: { i, _ in
            i == 0 ? SIMD8(1, 1, 0, 0, 0, 0, 0, 0) : SIMD8(1, -1, 0, 0, 0, 0, 0, 0)
        }
        var options = LevenbergMarquardt.Options()
        options.fixed = [false, true]
        let summary = LevenbergMarquardt.minimize(problem, from: SIMD8(0, 0.5, 0, 0, 0, 0, 0, 0), options: options)
        #expect(summary.isConverged, "\(summary.message)")
        #expect(summary.parameters[1] == 0.5)
        #expect(abs(summary.parameters[0] - 2) <= Tolerance.closedForm)
        #expect(summary.fixedParameters[1] && !summary.fixedParameters[0])
        // The inverse information has a zero row and column for the fixed parameter: (J^T J)_11^-1 = 1/2.
        let inverse = try Covariance.inverseInformation(summary)
        #expect(abs(inverse[0, 0] - 0.5) <= Tolerance.closedForm)
        #expect(inverse[1, 1] == 0 && inverse[0, 1] == 0 && inverse[1, 0] == 0)
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteStartFailsWithoutIterating(value: Double) {
        let summary = LevenbergMarquardt.minimize(rosenbrock, from: SIMD8(value, 1, 0, 0, 0, 0, 0, 0))
        #expect(summary.status == .failure(.nonFiniteStart))
        #expect(!summary.isConverged)
        #expect(summary.iterations == 0)
        #expect(summary.message.contains("start"))
    }

    /// The objective is undefined (NaN) at the start itself: sqrt(x) - 2 at x = -1.
    @Test func undefinedObjectiveAtTheStartFails() {
        let problem = ResidualFunction(parameterCount: 1, residualCount: 1) { _, x in x[0].squareRoot() - 2 } jacobianRow: { _, x in
            SIMD8(0.5 / x[0].squareRoot(), 0, 0, 0, 0, 0, 0, 0)
        }
        let summary = LevenbergMarquardt.minimize(problem, from: SIMD8(-1, 0, 0, 0, 0, 0, 0, 0))
        #expect(summary.status == .failure(.nonFiniteStart))
    }

    /// r = log(x) - log(5) from x = 100: the Gauss–Newton step x - r/r' = 100 - 300 lands where the
    /// logarithm is undefined; those trials must be rejected (damping raised), not crash, and x -> 5.
    @Test func undefinedTrialPointsShortenTheStep() {
        let problem = ResidualFunction(parameterCount: 1, residualCount: 1) { _, x in log(x[0]) - log(5) } jacobianRow: { _, x in
            SIMD8(1 / x[0], 0, 0, 0, 0, 0, 0, 0)
        }
        var options = LevenbergMarquardt.Options()
        options.initialStepBound = .infinity
        let summary = LevenbergMarquardt.minimize(problem, from: SIMD8(100, 0, 0, 0, 0, 0, 0, 0), options: options)
        #expect(summary.isConverged, "\(summary.message)")
        #expect(abs(summary.parameters[0] - 5) <= Tolerance.closedForm * 5)
        #expect(summary.acceptedSteps < summary.iterations, "some trials were rejected")
    }

    /// Two iterations are not enough for Rosenbrock: the status says so and the returned point is the
    /// best evaluated, with its own objective value.
    @Test func iterationLimitReturnsTheBestPoint() {
        var options = LevenbergMarquardt.Options()
        options.maximumIterations = 2
        let start = SIMD8<Double>(-1.2, 1, 0, 0, 0, 0, 0, 0)
        let summary = LevenbergMarquardt.minimize(rosenbrock, from: start, options: options)
        #expect(summary.status == .maximumIterations)
        #expect(!summary.isConverged)
        #expect(summary.iterations == 2)
        #expect(summary.finalObjective <= summary.initialObjective)
        #expect(summary.finalObjective == rosenbrock.objective(summary.parameters))
        #expect(summary.gradient == rosenbrock.evaluate(summary.parameters).gradient)
    }

    @Test func zeroIterationsEvaluatesTheStartOnly() {
        var options = LevenbergMarquardt.Options()
        options.maximumIterations = 0
        let summary = LevenbergMarquardt.minimize(rosenbrock, from: SIMD8(-1.2, 1, 0, 0, 0, 0, 0, 0), options: options)
        #expect(summary.status == .maximumIterations)
        #expect(summary.objectiveEvaluations == 0 && summary.derivativeEvaluations == 1)
    }

    @Test func invalidOptionsAreReportedNotTrapped() throws {
        var options = LevenbergMarquardt.Options()
        options.gradientTolerance = -1
        #expect(throws: InvalidOptionsError.self) { try options.validate() }
        let summary = LevenbergMarquardt.minimize(rosenbrock, from: SIMD8(-1.2, 1, 0, 0, 0, 0, 0, 0), options: options)
        #expect(summary.status == .failure(.invalidOptions))
        #expect(summary.optionsError?.option == "gradientTolerance")
        #expect(summary.message.contains("gradientTolerance must be a finite number >= 0 (got -1.0)"))

        var crossed = LevenbergMarquardt.Options()
        crossed.lowerBounds[0] = 1
        crossed.upperBounds[0] = 0
        do {
            try crossed.validate(parameterCount: 2)
            Issue.record("crossed bounds were accepted")
        } catch {
            #expect(error.option == "lowerBounds")
            #expect(error.message == "lower bound 1.0 of parameter 0 exceeds its upper bound 0.0; swap them or widen the box.")
        }
        var tooManyFixed = LevenbergMarquardt.Options()
        tooManyFixed.fixed = [true, false, false]
        #expect(throws: InvalidOptionsError(
            option: "fixed",
            message: "fixed has 3 entries but the problem has 2 parameters; give at most one entry per parameter.")) {
            try tooManyFixed.validate(parameterCount: 2)
        }
        #expect(throws: Never.self) { try LevenbergMarquardt.Options().validate(parameterCount: 8) }
    }

    /// The objective is undefined everywhere but at the start: every trial is rejected, the damping
    /// climbs to its ceiling, and the start comes back with `.nonFiniteObjective`.
    @Test func objectiveUndefinedAroundTheStart() {
        struct Isolated: ScoringProblem {
            var parameterCount: Int { 1 }
            func objective(_ x: SIMD8<Double>, workspace: inout Void) -> Double { x[0] == 1 ? 1 : .nan }
            func evaluate(_ x: SIMD8<Double>, workspace: inout Void) -> ScoringEvaluation {
                var h = SmallMatrix(order: 1)
                h[0, 0] = 1
                return ScoringEvaluation(value: objective(x), gradient: SIMD8(1, 0, 0, 0, 0, 0, 0, 0), curvature: h)
            }
        }
        let summary = LevenbergMarquardt.minimize(Isolated(), from: SIMD8(1, 0, 0, 0, 0, 0, 0, 0))
        #expect(summary.status == .failure(.nonFiniteObjective), "\(summary.message)")
        #expect(summary.parameters[0] == 1 && summary.finalObjective == 1)
        #expect(summary.damping > LevenbergMarquardt.Options().maximumDamping)
    }

    /// A curvature far from positive definite (off-diagonal 1e20 on a unit diagonal) cannot be
    /// factorised with any damping up to the ceiling: `.singularCurvature`, start returned.
    @Test func indefiniteCurvatureFails() {
        struct Saddle: ScoringProblem {
            var parameterCount: Int { 2 }
            func objective(_ x: SIMD8<Double>, workspace: inout Void) -> Double { x[0] * x[0] + x[1] * x[1] + 1e20 * x[0] * x[1] }
            func evaluate(_ x: SIMD8<Double>, workspace: inout Void) -> ScoringEvaluation {
                var h = SmallMatrix(order: 2)
                h[0, 0] = 1; h[1, 1] = 1; h[0, 1] = 1e20; h[1, 0] = 1e20
                return ScoringEvaluation(value: objective(x), gradient: SIMD8(1, 1, 0, 0, 0, 0, 0, 0), curvature: h)
            }
        }
        let summary = LevenbergMarquardt.minimize(Saddle(), from: .zero)
        #expect(summary.status == .failure(.singularCurvature), "\(summary.message)")
        #expect(summary.parameters == .zero)
    }

    /// With every tolerance at zero only the damping ceiling can stop a run that has reached the
    /// minimum of a least-squares problem with non-zero residuals; it must stop, and at the minimum.
    @Test func zeroTolerancesStillTerminate() throws {
        let x = (0..<10).map(Double.init)
        let design = Matrix(rowMajor: x.map { [1, $0] })
        let y: [Double] = x.map { 1 + 2 * $0 + sin($0) }
        let options = LevenbergMarquardt.Options(gradientTolerance: 0, parameterTolerance: 0, functionTolerance: 0)
        let summary = LevenbergMarquardt.minimize(LinearResiduals(design: design, y: y), from: .zero, options: options)
        let reference = try LeastSquares.solve(design: design, response: y)
        #expect(summary.status == .failure(.noProgress) || summary.isConverged, "\(summary.message)")
        #expect(summary.iterations < options.maximumIterations)
        for j in 0..<2 {
            #expect(isClose(summary.parameters[j], reference.coefficients[j], relative: Tolerance.linearAgreement))
        }
    }
}
