import InflowCore
import Foundation
import Testing
@testable import InflowModels

/// Named tolerances of the ODE and delayed-release family tests.
enum ODETolerance {
    /// ODE solutions against closed forms: the integration runs at relative tolerance 1e-10
    /// per step; the global error stays below 1e-8 relative (the brief's bar).
    static let closedFormRelative = 1e-8
    /// Gradients of the ODE families against closed-form gradients (p = 1).
    static let closedFormGradientRelative = 1e-7
    /// The delayed release against the 40-digit Kummer closed form: incomplete gamma functions
    /// and series at ~1e-14. The density `h I` keeps that precision; `F = G - I` loses digits
    /// where `F << G` (times short against `1/h`): up to 2e-11 relative in the reference set.
    static let delayedExactRelative = 1e-12
    static let delayedExactCDFRelative = 1e-12
    /// The delayed release against `scipy.integrate.quad` (which agrees with the exact values to 6e-14).
    static let delayedQuadRelative = 1e-11
    /// Parameters recovered from a noiseless synthetic series.
    static let recoveredRelative = 1e-4
    /// A time evaluated alone and in a batch.
    static let batchedRelative = 1e-13
}

@Suite("ODE and delayed-release families")
struct ODEFamilyTests {
    static let cases: [(any CurveFamily, SIMD8<Double>)] = [
        (GeneralizedLogistic(), SIMD8(0.9, 0.85, 2400, 8, 0, 0, 0, 0)),
        (GeneralizedLogistic(), SIMD8(2.2, 0.55, 1500, 3, 0, 0, 0, 0)),
        (GeneralizedLogistic(), SIMD8(0.7, 1.0, 2000, 12, 0, 0, 0, 0)),
        (GeneralizedLogistic(), SIMD8(6, 0.3, 900, 2, 0, 0, 0, 0)),
        (GeneralizedRichards(), SIMD8(0.8, 0.9, 2300, 1.6, 6, 0, 0, 0)),
        (GeneralizedRichards(), SIMD8(1.5, 0.7, 1800, 0.6, 4, 0, 0, 0)),
        (GeneralizedRichards(), SIMD8(0.6, 1.0, 2500, 2.5, 10, 0, 0, 0)),
        (DelayedRelease(), SIMD8(2500, 0.35, -0.5, 3, 4.5, 0, 0, 0)),
        (DelayedRelease(), SIMD8(2000, 1.5, 0.25, 2, 2, 0, 0, 0)),
        (DelayedRelease(), SIMD8(1800, 0.8, -1, 10, 0.5, 0, 0, 0)),
        (DelayedRelease(), SIMD8(2200, 4, 0.2, 3, 0.6, 0, 0, 0)),
        (DelayedRelease(), SIMD8(3000, 15, 0, 5, 40, 0, 0, 0)),
    ]

    static let times: [Double] = [-3, -0.7, 0, 0.3, 1, 2.5, 4, 6.2, 9, 15, 30, 60]

    // MARK: Derivatives

    @Test(arguments: 0..<cases.count)
    func analyticGradientsMatchFiniteDifferences(caseIndex: Int) {
        let (family, theta) = Self.cases[caseIndex]
        for t in Self.times {
            for (label, valueAndGradient, value) in [
                ("C", { family.cumulativeWithGradient(at: [t], $0) }, { family.cumulative(at: t, $0) }),
                ("c", { family.rateWithGradient(at: [t], $0) }, { family.rate(at: t, $0) }),
            ] as [(String, (SIMD8<Double>) -> (Double, SIMD8<Double>), (SIMD8<Double>) -> Double)] {
                let (v, g) = valueAndGradient(theta)
                #expect(v.isFinite && (g * 0) == .zero, "\(family.name) \(label)(\(t)) not finite")
                #expect(v == value(theta), "\(family.name) \(label)(\(t)) with and without gradient")
                for j in 0..<family.parameterCount {
                    let h = 1e-6 * max(abs(theta[j]), 1e-2)
                    var plus = theta, minus = theta
                    plus[j] += h
                    minus[j] -= h
                    let numeric = (value(plus) - value(minus)) / (2 * h)
                    let scale = max(abs(g[j]), abs(v) / max(abs(theta[j]), 1e-2), 1e-8)
                    #expect(abs(g[j] - numeric) <= Tolerance.derivativeRelative * scale,
                            "\(family.name) \(theta) d\(label)/d\(family.parameters[j].name) at t=\(t): \(g[j]) vs \(numeric)")
                }
            }
            // The rate is the time derivative of the cumulative curve.
            let h = 1e-5
            let numericRate = (family.cumulative(at: t + h, theta) - family.cumulative(at: t - h, theta)) / (2 * h)
            let rate = family.rate(at: t, theta)
            #expect(abs(rate - numericRate) <= 1e-6 * max(abs(rate), 1), "\(family.name) c(\(t)) = \(rate) vs dC/dt = \(numericRate)")
        }
    }

    @Test(arguments: 0..<cases.count)
    func batchedEvaluationMatchesSingleTimes(caseIndex: Int) {
        let (family, theta) = Self.cases[caseIndex]
        let times = Self.times
        var values = [Double](repeating: 0, count: times.count)
        var rates = values
        var gradients = [SIMD8<Double>](repeating: .zero, count: times.count)
        var rateGradients = gradients
        family.cumulativeWithGradient(at: times, theta, values: &values, gradients: &gradients)
        family.rateWithGradient(at: times, theta, values: &rates, gradients: &rateGradients)
        for (i, t) in times.enumerated() {
            let single = family.cumulative(at: t, theta)
            let singleRate = family.rate(at: t, theta)
            #expect(abs(values[i] - single) <= ODETolerance.batchedRelative * max(abs(single), 1), "\(family.name) C(\(t))")
            #expect(abs(rates[i] - singleRate) <= ODETolerance.batchedRelative * max(abs(singleRate), 1), "\(family.name) c(\(t))")
        }
    }

    @Test func extremeTimesAndBadParametersNeitherHangNorOverflow() {
        for (family, theta) in Self.cases {
            for t in [-1e4, -50.0, 1e4] {
                let (c, g) = family.cumulativeWithGradient(at: [t], theta)
                #expect(c.isFinite && (g * 0) == .zero, "\(family.name) C(\(t)) = \(c), \(g)")
                let (rate, rateGradient) = family.rateWithGradient(at: [t], theta)
                #expect(rate.isFinite && (rateGradient * 0) == .zero, "\(family.name) c(\(t)) = \(rate)")
            }
            // The final size is the limit of the curve.
            let far = family.cumulative(at: 1e4, theta)
            #expect(abs(far - family.finalSize(theta)) <= 1e-8 * family.finalSize(theta), "\(family.name) C(inf) = \(far)")
        }
        // Outside the domain: NaN, at once.
        for theta in [SIMD8<Double>(0.9, 0.8, -5, 8, 0, 0, 0, 0), SIMD8(0.9, 0.8, 2400, 0, 0, 0, 0, 0),
                      SIMD8(.nan, 0.8, 2400, 8, 0, 0, 0, 0)] {
            #expect(GeneralizedLogistic().cumulative(at: 3, theta).isNaN)
        }
        for theta in [SIMD8<Double>(2500, -0.1, 0, 3, 2, 0, 0, 0), SIMD8(2500, 0.3, 0, 0, 2, 0, 0, 0),
                      SIMD8(2500, 0.3, 0, 3, 0, 0, 0, 0)] {
            #expect(DelayedRelease().cumulative(at: 3, theta).isNaN)
            #expect(DelayedRelease().rate(at: 3, theta).isNaN)
        }
        // A stiff law (r = 1e8 per day) is either integrated or reported as NaN, never hangs.
        var values = [Double](repeating: 0, count: 3)
        GeneralizedLogistic().cumulative(at: [0, 1e-9, 60], SIMD8(1e8, 1, 100, 200, 0, 0, 0, 0), into: &values)
        #expect(abs(values[0] - 200) <= 1e-13 * 200)
        #expect(values.allSatisfy { $0.isFinite || $0.isNaN })
    }

    /// Going back past the onset of a curve with `p < 1`, where the solution is not smooth
    /// (`a < 1 - p`: the brake `(C/K)^a` has unbounded derivatives as `C -> 0`).
    @Test(arguments: [SIMD8<Double>(2.93, 0.274, 11177, 0.21, 6.87, 0, 0, 0), SIMD8(1, 0, 1000, 0.05, 2, 0, 0, 0),
                      SIMD8(1, 0.5, 1000, 0.05, 2, 0, 0, 0)])
    func curvesBeginAtAFiniteTimeBeforeTheOrigin(theta: SIMD8<Double>) {
        let times: [Double] = [-40, -4, -0.5, 0]
        var values = [Double](repeating: 0, count: times.count)
        var gradients = [SIMD8<Double>](repeating: .zero, count: times.count)
        GeneralizedRichards().cumulativeWithGradient(at: times, theta, values: &values, gradients: &gradients)
        #expect(values[0] == 0 && gradients[0] == .zero, "\(values[0])")
        #expect(values[2] > 0 && values[2] < values[3] && (gradients[2] * 0) == .zero, "\(values[2])")
        #expect(abs(values[3] - theta[4]) <= 1e-13 * theta[4])
    }

    @Test func integrationStopsAtTheStepBudgetWithNaN() throws {
        let system = try #require(GeneralizedLogistic().system(SIMD8(0.9, 0.85, 2400, 8, 0, 0, 0, 0)))
        let times: [Double] = [0, 1e-3, 30, 60]
        var states = [SIMD8<Double>](repeating: .zero, count: times.count)
        ODEIntegrator.solve(system, at: times, maximumSteps: 4) { states[$0] = $1 }
        #expect(states[0] == system.initialState)
        #expect(states[1][7].isFinite)
        #expect(states[2][7].isNaN && states[3][7].isNaN)
        var full = [SIMD8<Double>](repeating: .zero, count: times.count)
        ODEIntegrator.solve(system, at: times) { full[$0] = $1 }
        #expect(full.allSatisfy { $0[7].isFinite })
        #expect(full[1] == states[1])
    }

    // MARK: Closed forms

    static let closedFormTimes = stride(from: -20.0, through: 60, by: 0.25).map { $0 }

    /// The last case starts above `K` and decreases to it; going back, it came down from
    /// infinity at `t = log(1 - K/C0)/r` (about -0.81), so only later times are compared.
    @Test(arguments: [SIMD8<Double>(0.7, 1, 2000, 12, 0, 0, 0, 0), SIMD8(1.8, 1, 500, 0.5, 0, 0, 0, 0),
                      SIMD8(0.25, 1, 30000, 40, 0, 0, 0, 0), SIMD8(0.5, 1, 100, 300, 0, 0, 0, 0)])
    func generalizedLogisticWithPOneIsTheLogistic(theta: SIMD8<Double>) {
        let (r, k, c0) = (theta[0], theta[2], theta[3])
        let family = GeneralizedLogistic()
        let times = Self.closedFormTimes.filter { c0 < k || $0 > -0.75 }
        var values = [Double](repeating: 0, count: times.count)
        var gradients = [SIMD8<Double>](repeating: .zero, count: times.count)
        var rates = values
        var rateGradients = gradients
        family.cumulativeWithGradient(at: times, theta, values: &values, gradients: &gradients)
        family.rateWithGradient(at: times, theta, values: &rates, gradients: &rateGradients)
        for (i, t) in times.enumerated() {
            let e = exp(-r * t)
            let d = 1 + (k / c0 - 1) * e
            let c = k / d
            let rate = r * c * (k / c0 - 1) * e / d
            #expect(abs(values[i] - c) <= ODETolerance.closedFormRelative * c, "C(\(t)) = \(values[i]) vs \(c)")
            #expect(abs(rates[i] - rate) <= ODETolerance.closedFormRelative * abs(rate), "c(\(t)) = \(rates[i]) vs \(rate)")
            // dC/dr = C (1 - C/K) t, dC/dK = 1/D - K e /(C0 D^2), dC/dC0 = K^2 e / (C0^2 D^2).
            let expected = [c * (1 - c / k) * t, 1 / d - k * e / (c0 * d * d), k * k * e / (c0 * c0 * d * d)]
            for (lane, value) in zip([0, 2, 3], expected) {
                #expect(abs(gradients[i][lane] - value) <= ODETolerance.closedFormGradientRelative * max(abs(value), c / max(theta[lane], 1)),
                        "dC/d\(family.parameters[lane].name)(\(t)) = \(gradients[i][lane]) vs \(value)")
            }
        }
    }

    @Test(arguments: [SIMD8<Double>(0.6, 1, 2500, 2.5, 10, 0, 0, 0), SIMD8(1.2, 1, 800, 0.4, 3, 0, 0, 0),
                      SIMD8(0.3, 1, 12000, 8, 25, 0, 0, 0)])
    func generalizedRichardsWithPOneIsTheRichardsCurve(theta: SIMD8<Double>) {
        let (r, k, a, c0) = (theta[0], theta[2], theta[3], theta[4])
        let family = GeneralizedRichards()
        let times = Self.closedFormTimes
        var values = [Double](repeating: 0, count: times.count)
        var rates = values
        family.cumulative(at: times, theta, into: &values)
        family.rate(at: times, theta, into: &rates)
        for (i, t) in times.enumerated() {
            // With E = ((K/C0)^a - 1) exp(-a r t): C = K (1 + E)^(-1/a), 1 - (C/K)^a = E/(1 + E).
            let e = (pow(k / c0, a) - 1) * exp(-a * r * t)
            let c = k / pow(1 + e, 1 / a)
            let rate = r * c * e / (1 + e)
            #expect(abs(values[i] - c) <= ODETolerance.closedFormRelative * c, "C(\(t)) = \(values[i]) vs \(c)")
            #expect(abs(rates[i] - rate) <= ODETolerance.closedFormRelative * abs(rate), "c(\(t)) = \(rates[i]) vs \(rate)")
        }
    }

    /// With `K` far beyond the counts, the generalized logistic is the generalized-growth model
    /// `C = (C0^m + r m t)^(1/m)` (relative difference of order `C/K`), before and after the origin.
    @Test(arguments: [0.0, 0.3, 0.7, 0.95])
    func generalizedLogisticWithHugeKIsTheGeneralizedGrowthModel(p: Double) {
        let (r, c0) = (1.5, 20.0)
        let theta = SIMD8<Double>(r, p, 1e22, c0, 0, 0, 0, 0)
        let times = stride(from: -40.0, through: 30, by: 0.5).map { $0 }
        var values = [Double](repeating: 0, count: times.count)
        GeneralizedLogistic().cumulative(at: times, theta, into: &values)
        let growth = GeneralizedGrowth()
        for (i, t) in times.enumerated() {
            let c = growth.cumulative(t, SIMD8(r, p, c0, 0, 0, 0, 0, 0))
            // Going back, C below onsetFraction C0 is reported as 0 (before the onset).
            #expect(abs(values[i] - c) <= ODETolerance.closedFormRelative * c + ODEGrowthSystem.onsetFraction * c0,
                    "p = \(p): C(\(t)) = \(values[i]) vs \(c)")
        }
    }

    // MARK: Delayed release against references

    struct DelayedReleaseReference: Decodable {
        struct Case: Decodable {
            let h, m, k, tau, cdf, density, quadCDF, quadDensity: Double
        }
        let cases: [Case]
    }

    @Test func delayedReleaseMatchesTheConvolution() throws {
        let reference = try loadReference(DelayedReleaseReference.self, "ode/delayed_release")
        #expect(reference.cases.count == 90)
        let family = DelayedRelease()
        for row in reference.cases {
            let theta = SIMD8<Double>(1, row.h, 0, row.m, row.k, 0, 0, 0)
            let cdf = family.cumulative(at: row.tau, theta)
            let density = family.rate(at: row.tau, theta)
            let label = "h=\(row.h) m=\(row.m) k=\(row.k) tau=\(row.tau)"
            #expect(abs(cdf - row.cdf) <= ODETolerance.delayedExactCDFRelative * row.cdf, "F \(label): \(cdf) vs \(row.cdf)")
            #expect(abs(density - row.density) <= ODETolerance.delayedExactRelative * row.density,
                    "f \(label): \(density) vs \(row.density)")
            #expect(abs(cdf - row.quadCDF) <= ODETolerance.delayedExactCDFRelative * row.quadCDF, "F \(label) vs quad")
            #expect(abs(density - row.quadDensity) <= ODETolerance.delayedQuadRelative * row.quadDensity, "f \(label) vs quad")
        }
    }

    @Test func gaussLaguerreRuleIntegratesPolynomialsExactly() {
        let rule = DelayedRelease.GaussLaguerreRule.shared
        #expect(rule.nodes.count == 24)
        var factorial = 1.0
        for j in 0..<20 {
            if j > 0 { factorial *= Double(j) }
            let sum = zip(rule.nodes, rule.weights).reduce(0.0) { $0 + $1.1 * pow($1.0, Double(j)) }
            #expect(abs(sum - factorial) <= 1e-12 * factorial, "moment \(j): \(sum) vs \(factorial)")
        }
    }

    // MARK: Fits of noiseless synthetic series

    static let fitCases: [(any CurveFamily, SIMD8<Double>)] = [
        (GeneralizedLogistic(), SIMD8(0.9, 0.85, 2400, 8, 0, 0, 0, 0)),
        (GeneralizedLogistic(), SIMD8(2.0, 0.6, 1800, 3, 0, 0, 0, 0)),
        (GeneralizedRichards(), SIMD8(0.8, 0.9, 2300, 1.6, 6, 0, 0, 0)),
        (DelayedRelease(), SIMD8(2500, 0.35, -0.5, 3, 4.5, 0, 0, 0)),
        // Front-loaded: the onset is before the first day and the travel time nearly exponential.
        (DelayedRelease(), SIMD8(1800, 0.8, -1, 10, 0.8, 0, 0, 0)),
    ]

    @Test(arguments: 0..<fitCases.count)
    func fitRecoversTheParametersOfANoiselessSeries(caseIndex: Int) throws {
        let (family, truth) = Self.fitCases[caseIndex]
        let days = (0..<60).map(Double.init)
        var ends = [Double](repeating: 0, count: 61)
        family.cumulative(at: (0...60).map(Double.init), truth, into: &ends)
        let counts = (0..<60).map { ends[$0 + 1] - ends[$0] }
        let fit = try family.fit(InflowSeries(kind: .counts, days: days, values: counts), error: .poisson)
        #expect(fit.status.isConverged, "\(family.name): \(fit.status)")
        for (j, parameter) in family.parameters.enumerated() {
            let estimate = try #require(fit.parameters[parameter.name])
            #expect(abs(estimate - truth[j]) <= ODETolerance.recoveredRelative * max(abs(truth[j]), 1),
                    "\(family.name) \(parameter.name): \(estimate) vs \(truth[j])")
        }
    }
}

extension CurveFamily {
    fileprivate func cumulativeWithGradient(at times: [Double], _ theta: SIMD8<Double>) -> (Double, SIMD8<Double>) {
        var values = [0.0]
        var gradients = [SIMD8<Double>.zero]
        cumulativeWithGradient(at: times, theta, values: &values, gradients: &gradients)
        return (values[0], gradients[0])
    }

    fileprivate func rateWithGradient(at times: [Double], _ theta: SIMD8<Double>) -> (Double, SIMD8<Double>) {
        var values = [0.0]
        var gradients = [SIMD8<Double>.zero]
        rateWithGradient(at: times, theta, values: &values, gradients: &gradients)
        return (values[0], gradients[0])
    }
}
