import Foundation
import InflowFitting
import InflowLinearAlgebra
import Testing

/// Poisson regression log mu = b0 + b1 t + b2 t^2 as a likelihood ScoringProblem:
/// f = -log L = sum_i (mu_i - y_i eta_i + log y_i!), g = X^T (mu - y), H = X^T diag(mu) X
/// (expected = observed information for the canonical link), so LM is damped Fisher scoring.
struct PoissonQuadraticLikelihood: ScoringProblem {
    let t: [Double]
    let y: [Double]
    var parameterCount: Int { 3 }

    func objective(_ b: SIMD8<Double>, workspace: inout Void) -> Double {
        var sum = 0.0
        for i in t.indices {
            let eta = b[0] + b[1] * t[i] + b[2] * t[i] * t[i]
            sum += exp(eta) - y[i] * eta + lgamma(y[i] + 1)
        }
        return sum
    }

    func evaluate(_ b: SIMD8<Double>, workspace: inout Void) -> ScoringEvaluation {
        var value = 0.0
        var gradient = SIMD8<Double>.zero
        var information = SmallMatrix(order: 3)
        for i in t.indices {
            let x = SIMD8<Double>(1, t[i], t[i] * t[i], 0, 0, 0, 0, 0)
            let eta = b[0] + b[1] * t[i] + b[2] * t[i] * t[i]
            let mu = exp(eta)
            value += mu - y[i] * eta + lgamma(y[i] + 1)
            gradient += x * (mu - y[i])
            information.addOuterProduct(x, weight: mu)
        }
        return ScoringEvaluation(value: value, gradient: gradient, curvature: information)
    }
}

/// The logistic level curve C(t) = K / (1 + exp(-r (t - t0))) against cumulative counts.
struct LogisticLevelResiduals: ResidualProblem {
    let t: [Double]
    let level: [Double]
    var parameterCount: Int { 3 }
    var residualCount: Int { t.count }

    func residual(_ i: Int, at p: SIMD8<Double>) -> Double {
        level[i] - p[0] / (1 + exp(-p[1] * (t[i] - p[2])))
    }

    func residualAndJacobianRow(_ i: Int, at p: SIMD8<Double>) -> (residual: Double, jacobianRow: SIMD8<Double>) {
        let e = exp(-p[1] * (t[i] - p[2]))
        let s = 1 / (1 + e)
        var row = SIMD8<Double>.zero
        row[0] = -s
        row[1] = -p[0] * e * s * s * (t[i] - p[2])
        row[2] = p[0] * e * s * s * p[1]
        return (level[i] - p[0] * s, row)
    }
}

/// The logistic incidence curve dC/dt = K r e / (1 + e)^2, e = exp(-r (t - t0)), against daily counts.
struct LogisticIncidenceResiduals: ResidualProblem {
    let t: [Double]
    let counts: [Double]
    var parameterCount: Int { 3 }
    var residualCount: Int { t.count }

    func residual(_ i: Int, at p: SIMD8<Double>) -> Double {
        let e = exp(-p[1] * (t[i] - p[2]))
        return counts[i] - p[0] * p[1] * e / ((1 + e) * (1 + e))
    }

    func residualAndJacobianRow(_ i: Int, at p: SIMD8<Double>) -> (residual: Double, jacobianRow: SIMD8<Double>) {
        let (k, r, t0) = (p[0], p[1], p[2])
        let e = exp(-r * (t[i] - t0))
        let s = 1 / (1 + e)
        let shape = e * s * s                    // e / (1 + e)^2
        let dShapeDe = s * s * s * (1 - e)       // d/de [e / (1 + e)^2]
        var row = SIMD8<Double>.zero
        row[0] = -r * shape
        row[1] = -(k * shape + k * r * dShapeDe * (-(t[i] - t0) * e))
        row[2] = -(k * r * dShapeDe * (r * e))
        return (counts[i] - k * r * shape, row)
    }
}

@Suite("ScoringProblem: likelihoods and curves against statsmodels and scipy")
struct ScoringProblemTests {
    /// Damped Fisher scoring on the Poisson likelihood reaches the statsmodels GLM fit; the inverse
    /// information gives its standard errors and the objective is -log L.
    @Test func poissonLikelihoodByFisherScoring() throws {
        let reference = try NineDayReference.load()
        let likelihood = PoissonQuadraticLikelihood(t: reference.t, y: reference.y)
        let start = SIMD8<Double>(log(reference.y.reduce(0, +) / 9), 0, 0, 0, 0, 0, 0, 0)
        let summary = LevenbergMarquardt.minimize(likelihood, from: start)
        #expect(summary.isConverged, "\(summary.message)")
        let se = Covariance.standardErrors(try Covariance.inverseInformation(summary))
        for j in 0..<3 {
            #expect(isClose(summary.parameters[j], reference.poisson.params[j], relative: Tolerance.glmRelative),
                    "b\(j): \(summary.parameters[j]) vs \(reference.poisson.params[j])")
            #expect(isClose(se[j], reference.poisson.bse[j], relative: Tolerance.glmRelative))
        }
        #expect(isClose(-summary.finalObjective, reference.poisson.llf, relative: Tolerance.glmRelative))
        // The same optimum as IRLS.
        let irls = try IRLS.fit(design: IRLSTests.nineDayDesign(reference.t), response: reference.y, family: PoissonLogFamily())
        for j in 0..<3 {
            #expect(isClose(summary.parameters[j], irls.coefficients[j], relative: Tolerance.crossSolverRelative))
        }
    }

    /// Least-squares logistic fits of the nine-day series (level: cumulative counts; incidence: daily
    /// counts) from the reference's start, against scipy at tight tolerances (40-digit optimum).
    @Test(arguments: ["level", "incidence"])
    func logisticLeastSquares(kind: String) throws {
        let reference = try NineDayReference.load()
        let expected = kind == "level" ? reference.logisticLevel : reference.logisticIncidence
        let start = SIMD8(padding: expected.start)
        let summary: LevenbergMarquardt.Summary
        if kind == "level" {
            var cumulative: [Double] = []
            for value in reference.y { cumulative.append((cumulative.last ?? 0) + value) }
            summary = LevenbergMarquardt.minimize(LogisticLevelResiduals(t: reference.t, level: cumulative), from: start)
        } else {
            summary = LevenbergMarquardt.minimize(LogisticIncidenceResiduals(t: reference.t, counts: reference.y), from: start)
        }
        #expect(summary.isConverged, "\(summary.message)")
        let se = Covariance.standardErrors(try Covariance.leastSquares(summary, observationCount: reference.y.count))
        for j in 0..<3 {
            #expect(isClose(summary.parameters[j], expected.params[j], relative: Tolerance.curveRelative),
                    "\(kind) p\(j): \(summary.parameters[j]) vs \(expected.params[j])")
            #expect(isClose(se[j], expected.bse[j], relative: Tolerance.curveRelative),
                    "\(kind) se\(j): \(se[j]) vs \(expected.bse[j])")
        }
        #expect(isClose(2 * summary.finalObjective, expected.rss, relative: Tolerance.curveRelative))
    }
}
