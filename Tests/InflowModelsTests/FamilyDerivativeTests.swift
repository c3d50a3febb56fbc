import Testing
@testable import InflowModels

/// Every family's analytic derivatives against central finite differences, and `c = dC/dt`.
@Suite("Curve family derivatives")
struct FamilyDerivativeTests {
    static let cases: [(any CurveFamily, SIMD8<Double>)] = [
        (Logistic(), SIMD8(2200, 0.9, 3.5, 0, 0, 0, 0, 0)),
        (Richards(), SIMD8(2200, 0.8, 3.2, 1.7, 0, 0, 0, 0)),
        (Gompertz(), SIMD8(2300, 0.6, 3.0, 0, 0, 0, 0, 0)),
        (ExponentialGrowth(), SIMD8(80, 0.3, 0, 0, 0, 0, 0, 0)),
        (BassDiffusion(), SIMD8(2300, 0.03, 0.9, 0, 0, 0, 0, 0)),
        (GeneralizedGrowth(), SIMD8(2.5, 0.7, 40, 0, 0, 0, 0, 0)),
        (ReleaseFromPool(), SIMD8(2500, 0.35, -0.5, 0, 0, 0, 0, 0)),
        (WeibullRelease(), SIMD8(2500, 4.0, 1.8, -0.5, 0, 0, 0, 0)),
        (TwoPoolRelease(), SIMD8(1500, 0.8, 1200, 0.05, -0.5, 0, 0, 0)),
        (GeneralizedLogistic(), SIMD8(0.9, 0.9, 2300, 30, 0, 0, 0, 0)),
        (GeneralizedRichards(), SIMD8(0.8, 0.95, 2300, 1.5, 30, 0, 0, 0)),
        (DelayedRelease(), SIMD8(2500, 0.4, -0.5, 2.0, 3.0, 0, 0, 0)),
        (StaggeredRelease.lomax, SIMD8(3000, 0.5, 0.8, -0.5, 0, 0, 0, 0)),
        (StaggeredRelease.lomax, SIMD8(3000, 0.5, 40, 0.2, 0, 0, 0, 0)),
        (StaggeredRelease.twoWaves, SIMD8(3500, 0.15, -0.5, 2.6, 0.7, 1.2, 0, 0)),
        (StaggeredRelease.threeWaves, SIMD8(4000, 0.2, 0.6, -0.5, 2.2, 3.1, 0.4, 0)),
        (StaggeredRelease(waves: 2, delay: .exponential), SIMD8(3500, 0.3, -0.2, 1.9, 0.6, 0, 0, 0)),
        (LogLogisticRelease(), SIMD8(3000, 3.5, 1.6, -0.5, 0, 0, 0, 0)),
        (LogLogisticRelease(), SIMD8(3000, 2.0, 6.0, 0.3, 0, 0, 0, 0)),
    ]

    static let times: [Double] = [0.3, 1, 2.5, 4, 6.2, 9, 15]

    @Test(arguments: 0..<cases.count)
    func analyticGradientsMatchFiniteDifferences(caseIndex: Int) {
        let (family, theta) = Self.cases[caseIndex]
        for t in Self.times {
            for (label, valueAndGradient, value) in [
                ("C", { family.cumulativeWithGradient(at: [t], $0) }, { family.cumulative(at: t, $0) }),
                ("c", { family.rateWithGradient(at: [t], $0) }, { family.rate(at: t, $0) }),
            ] as [(String, (SIMD8<Double>) -> (Double, SIMD8<Double>), (SIMD8<Double>) -> Double)] {
                let (v, g) = valueAndGradient(theta)
                #expect(abs(v - value(theta)) <= 1e-12 * max(abs(v), 1), "\(family.name) \(label)(\(t)) batched vs single")
                for j in 0..<family.parameterCount {
                    let h = 1e-6 * max(abs(theta[j]), 1e-2)
                    var plus = theta, minus = theta
                    plus[j] += h
                    minus[j] -= h
                    let numeric = (value(plus) - value(minus)) / (2 * h)
                    let scale = max(abs(g[j]), abs(v) / max(abs(theta[j]), 1e-2), 1e-8)
                    #expect(abs(g[j] - numeric) <= Tolerance.derivativeRelative * scale,
                            "\(family.name) d\(label)/d\(family.parameters[j].name) at t=\(t): \(g[j]) vs \(numeric)")
                }
            }
            // The rate is the time derivative of the cumulative curve.
            let h = 1e-5
            let numericRate = (family.cumulative(at: t + h, theta) - family.cumulative(at: t - h, theta)) / (2 * h)
            let rate = family.rate(at: t, theta)
            #expect(abs(rate - numericRate) <= 1e-6 * max(abs(rate), 1), "\(family.name) c(\(t)) vs dC/dt")
        }
    }

    /// Closed-form weighted second derivatives (logistic, Richards) against central differences of the
    /// analytic gradients, with weights of both signs (as `f'` has): same relative bar as the gradients.
    /// The long grid (150 times) crosses the kernels' 64-time blocks.
    static let hessianGrids: [[Double]] = [times, (0..<150).map { Double($0) * 0.2 - 3 }]

    @Test(arguments: [0, 1], [0, 1])
    func closedFormHessianContractionMatchesDifferencedGradients(caseIndex: Int, gridIndex: Int) throws {
        let (family, theta) = Self.cases[caseIndex]
        let times = Self.hessianGrids[gridIndex]
        let weights = times.indices.map { index in Double(index % 3) - 0.8 + 0.01 * Double(index) }
        let hessian = try #require(family.cumulativeHessianContraction(at: times, theta, weights: weights))
        let k = family.parameterCount
        for j in 0..<k {
            let h = 1e-6 * max(abs(theta[j]), 1e-2)
            var plus = theta, minus = theta
            plus[j] += h
            minus[j] -= h
            var numeric = SIMD8<Double>.zero
            for (t, w) in zip(times, weights) {
                numeric += (family.cumulativeWithGradient(at: [t], plus).1 - family.cumulativeWithGradient(at: [t], minus).1)
                    / (2 * h) * w
            }
            for i in 0..<k {
                let scale = max(abs(hessian[i, j]), abs(numeric[i]), 1e-8)
                #expect(abs(hessian[i, j] - numeric[i]) <= Tolerance.derivativeRelative * scale,
                        "\(family.name) d2C/d\(family.parameters[i].name)d\(family.parameters[j].name): \(hessian[i, j]) vs \(numeric[i])")
            }
        }
        for i in 0..<8 { for j in 0..<8 where i >= k || j >= k { #expect(hessian[i, j] == 0) } }
    }

    /// The likelihood takes a curve's values from either batched path (with or without gradients,
    /// depending on what the solver asked for last), so both must give the same bits.
    @Test func valuesAreTheSameWithAndWithoutGradients() {
        let times = (0..<150).map { Double($0) * 0.37 - 2 }   // more than one 64-time block of the kernels
        for (family, theta) in Self.cases {
            var plain = [Double](repeating: .nan, count: times.count), withGradient = plain
            var gradients = [SIMD8<Double>](repeating: .zero, count: times.count)
            family.cumulative(at: times, theta, into: &plain)
            family.cumulativeWithGradient(at: times, theta, values: &withGradient, gradients: &gradients)
            #expect(plain == withGradient, "\(family.name): C(t) differs between the batched paths")
            family.rate(at: times, theta, into: &plain)
            family.rateWithGradient(at: times, theta, values: &withGradient, gradients: &gradients)
            #expect(plain == withGradient, "\(family.name): c(t) differs between the batched paths")
        }
    }

    /// Families without a closed form say so (their observed information differences the gradients).
    @Test func otherFamiliesHaveNoClosedFormHessian() {
        for (family, theta) in Self.cases.dropFirst(2) {
            #expect(family.cumulativeHessianContraction(at: Self.times, theta, weights: Self.times.map { _ in 1 }) == nil)
        }
    }

    @Test func familiesAreExtremeValueSafe() {
        for (family, theta) in Self.cases {
            for t in [-1e4, -50.0, 1e4] {
                // Unbounded families legitimately overflow far in the future.
                if family.finalSize(theta).isInfinite && t > 0 { continue }
                let (c, g) = family.cumulativeWithGradient(at: [t], theta)
                #expect(c.isFinite, "\(family.name) C(\(t)) not finite")
                #expect((g * 0) == .zero, "\(family.name) dC(\(t)) not finite")
                let (rate, rateGradient) = family.rateWithGradient(at: [t], theta)
                #expect(rate.isFinite && (rateGradient * 0) == .zero, "\(family.name) c(\(t)) not finite")
            }
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
