import Foundation
import InflowCore
import InflowReferenceFiles
import Testing
@testable import InflowModels

/// Censored counts in the curve likelihood (issue 17): the tail probabilities against scipy and mpmath, the
/// objective's gradient against finite differences, and what a bound does to a fit.
@Suite("Censored likelihood")
struct CensoredLikelihoodTests {
    /// `log P` against the reference: the incomplete functions' relative error is below 1e-13 (SpecialFunctions),
    /// and log-space tails add a few ulps of the log-prefactor; 1e-10 relative (absolute below |log P| = 1).
    static let logProbabilityTolerance = 1e-10
    /// `d log P / d mu` is a ratio `exp(log density - log P)`: the error of the difference of two logs of size up
    /// to 1e5 (the far tails) is a few ulps of 1e5, about 1e-11 absolute, so 1e-8 relative.
    static let derivativeTolerance = 1e-8
    /// The objective's gradient against central differences (relative step 1e-6: truncation ~1e-12, rounding
    /// ~1e-9 of the objective's size); the dispersion score of censored terms is itself a central difference
    /// (step 1e-5 in log theta, truncation ~1e-10): 1e-5 relative to max(|gradient|, 1).
    static let gradientTolerance = 1e-5

    struct Reference: Decodable {
        struct Row: Decodable {
            var bound: Double
            var direction: String
            var mean: Double
            var theta: Double?
            var logProbability: Double
            var derivative: Double
        }
        var poisson: [Row]
        var negativeBinomial: [Row]
    }

    @Test("log P(Y >= b), log P(Y <= b) and d/dmu for Poisson and NB2 against scipy (mpmath in the far tails)")
    func referenceValues() throws {
        let reference = try ReferenceFiles.load(Reference.self, "censored/censored.json")
        #expect(reference.poisson.count >= 10 && reference.negativeBinomial.count >= 10)
        for row in reference.poisson + reference.negativeBinomial {
            let direction: CensoredInterval.Direction = row.direction == "atLeast" ? .atLeast : .atMost
            let computed = row.theta.map {
                CensoredCountProbability.negativeBinomial(bound: row.bound, direction: direction, mean: row.mean, theta: $0)
            } ?? CensoredCountProbability.poisson(bound: row.bound, direction: direction, mean: row.mean)
            let label = "b=\(row.bound) \(row.direction) mu=\(row.mean) theta=\(row.theta.map { "\($0)" } ?? "-")"
            #expect(computed.logProbability.isFinite && computed.derivative.isFinite, "\(label)")
            #expect(abs(computed.logProbability - row.logProbability)
                    <= Self.logProbabilityTolerance * max(abs(row.logProbability), 1),
                    "\(label): log P \(computed.logProbability) vs \(row.logProbability)")
            #expect(abs(computed.derivative - row.derivative) <= Self.derivativeTolerance * max(abs(row.derivative), 1e-300),
                    "\(label): derivative \(computed.derivative) vs \(row.derivative)")
        }
    }

    @Test("far tails stay finite: never -inf or NaN")
    func farTails() {
        for mu in [1e-8, 0.1, 10, 1e4, 1e6] {
            for bound in [1.0, 50, 5000, 1e6] {
                for direction in [CensoredInterval.Direction.atLeast, .atMost] {
                    let p = CensoredCountProbability.poisson(bound: bound, direction: direction, mean: mu)
                    let nb = CensoredCountProbability.negativeBinomial(bound: bound, direction: direction, mean: mu, theta: 7)
                    #expect(p.logProbability.isFinite && p.derivative.isFinite, "Poisson b=\(bound) mu=\(mu) \(direction)")
                    #expect(nb.logProbability.isFinite && nb.derivative.isFinite, "NB2 b=\(bound) mu=\(mu) \(direction)")
                    #expect(p.logProbability <= 0 && nb.logProbability <= 0)
                }
            }
        }
    }

    /// Cumulative totals of a logistic curve (K 3000, r 0.8, t0 5) at days 1...`days`, rounded, then `bounds`.
    func series(days: Int, bounds: [(day: Double, value: Double, kind: FigureKind)]) -> InflowSeries {
        let curve = Logistic()
        let truth = SIMD8<Double>(3000, 0.8, 5, 0, 0, 0, 0, 0)
        let exactDays = (1...days).map(Double.init)
        let origin = Date(timeIntervalSince1970: 1_768_496_400)
        var series = InflowSeries(
            kind: .cumulative, origin: origin,
            times: (exactDays + bounds.map(\.day)).map { origin.addingTimeInterval($0 * 86_400) },
            values: exactDays.map { Optional(curve.cumulative(at: $0, truth).rounded()) } + bounds.map(\.value))
        series.figureKinds = Array(repeating: .exact, count: days) + bounds.map(\.kind)
        return series
    }

    @Test("the objective's gradient with censored counts matches finite differences", arguments: [
        ErrorFamily.poisson, .negativeBinomial,
    ])
    func gradient(error: ErrorFamily) {
        let prepared = series(days: 5, bounds: [(7.5, 2600, .lowerBound), (9, 2900, .upperBound)]).prepared()
        #expect(prepared.censored.count == 2)
        let likelihood = CurveLikelihood(family: Logistic(), error: error, observations: prepared, background: .estimated)
        var point = SIMD8<Double>(2800, 0.75, 5.2, 3, 0, 0, 0, 0)
        if let d = likelihood.dispersionIndex { point[d] = log(40.0) }
        var workspace = likelihood.makeWorkspace()
        let evaluation = likelihood.evaluate(point, workspace: &workspace)
        for j in 0..<likelihood.parameterCount {
            let step = 1e-6 * max(abs(point[j]), 1)
            var plus = point, minus = point
            plus[j] += step
            minus[j] -= step
            let difference = (likelihood.objective(plus, workspace: &workspace)
                              - likelihood.objective(minus, workspace: &workspace)) / (2 * step)
            #expect(abs(evaluation.gradient[j] - difference) <= Self.gradientTolerance * max(abs(difference), 1),
                    "\(error) parameter \(j): analytic \(evaluation.gradient[j]) vs differenced \(difference)")
        }
        // The censored terms are in the value: without them the objective is lower by -sum log P > 0.
        let exact = CurveLikelihood(family: Logistic(), error: error,
                                    observations: series(days: 5, bounds: []).prepared(), background: .estimated)
        var exactWorkspace = exact.makeWorkspace()
        #expect(evaluation.value > exact.objective(point, workspace: &exactWorkspace))
    }

    @Test("a trailing lower bound above the projection raises the final size; one below it changes nearly nothing")
    func boundsMoveTheFit() throws {
        let options = FitOptions(background: .fixed(0))
        let free = try Logistic().fit(series(days: 5, bounds: []), error: .poisson, options: options)
        let projected = Logistic().cumulative(at: 14, free.curveParameters)
        let raised = try Logistic().fit(series(days: 5, bounds: [(14, projected * 1.25, .lowerBound)]), error: .poisson,
                                        options: options)
        let loose = try Logistic().fit(series(days: 5, bounds: [(14, projected * 0.5, .lowerBound)]), error: .poisson,
                                       options: options)
        let size = { (fit: CurveFit) in fit.parameters["K"]! }
        // The bound pulls the projection to it (at least most of the way: the exact counts resist).
        #expect(size(raised) > size(free) * 1.1, "K \(size(free)) -> \(size(raised)) with a bound of \(projected * 1.25)")
        #expect(Logistic().cumulative(at: 14, raised.curveParameters) > projected * 1.15)
        // A bound far below the fitted mean: P(Y >= b) ~ 1, the fit barely moves (0.1%).
        #expect(abs(size(loose) / size(free) - 1) < 1e-3, "K \(size(free)) -> \(size(loose))")
        // An upper bound below the projection lowers the final size.
        let capped = try Logistic().fit(series(days: 5, bounds: [(14, projected * 0.8, .upperBound)]), error: .poisson,
                                        options: options)
        #expect(size(capped) < size(free) * 0.95, "K \(size(free)) -> \(size(capped))")
        #expect(raised.status.isConverged && capped.status.isConverged, "\(raised.status) \(capped.status)")
    }
}
