import InflowCore
import Foundation
import Testing
import InflowModels

/// Poisson and NB2 GLM fits of the nine-day series (`Tests/Reference/Data/nine-day/nine_day.json`).
struct NineDayGLMReference: Decodable {
    struct Poisson: Decodable {
        let params: [Double]
        let bse: [Double]
        let aic: Double
        let deviance: Double
        let pearson_chi2: Double
        let fitted: [Double]
    }
    struct NB2: Decodable {
        struct ThetaSE: Decodable { let conditionalObserved: Double }
        let params: [Double]
        let theta: Double
        let thetaSE: ThetaSE
        let bseFullHessian: [Double]
        let bseThetaFixed: [Double]
        let aic: Double
        let fitted: [Double]
    }
    let poisson: Poisson
    let nb2: NB2
}

@Suite("Log-linear count model (GLM) against statsmodels and R")
struct LogLinearModelTests {
    let reference: NineDayGLMReference
    let series = InflowSeries(kind: .counts, days: (0..<9).map(Double.init), values: nineDayCounts)
    let model = LogLinearModel(basis: .polynomial(degree: 2))

    init() throws { reference = try loadReference(NineDayGLMReference.self, "nine-day/nine_day") }

    @Test func poissonQuadratic() throws {
        let fit = try model.fit(series, error: .poisson)
        #expect(fit.status.isConverged)
        let expected = reference.poisson
        for j in 0..<3 {
            #expect(significantDigits(fit.coefficients[j], expected.params[j]) >= Tolerance.referenceDigits)
            #expect(significantDigits(try #require(fit.standardErrors[j]), expected.bse[j]) >= Tolerance.referenceDigits)
        }
        #expect(significantDigits(try #require(fit.aic), expected.aic) >= Tolerance.referenceDigits)
        #expect(significantDigits(fit.deviance, expected.deviance) >= Tolerance.referenceDigits)
        #expect(significantDigits(fit.pearsonChiSquare, expected.pearson_chi2) >= Tolerance.referenceDigits)
        for (a, b) in zip(fit.fitted, expected.fitted) { #expect(significantDigits(a, b) >= Tolerance.referenceDigits) }
    }

    /// NB2 with theta by maximum likelihood. Two standard-error conventions are reported and
    /// both checked: theta held fixed (R's glm.nb) and the full Hessian of (b, theta) (statsmodels).
    @Test func negativeBinomialQuadratic() throws {
        let fit = try model.fit(series, error: .negativeBinomial)
        #expect(fit.status.isConverged, "\(fit.status)")
        let expected = reference.nb2
        #expect(significantDigits(try #require(fit.theta), expected.theta) >= Tolerance.referenceDigits)
        #expect(significantDigits(try #require(fit.thetaStandardError), expected.thetaSE.conditionalObserved)
                >= Tolerance.referenceDigits)
        for j in 0..<3 {
            #expect(significantDigits(fit.coefficients[j], expected.params[j]) >= Tolerance.referenceDigits)
            #expect(significantDigits(try #require(fit.standardErrors[j]), expected.bseThetaFixed[j]) >= Tolerance.referenceDigits)
            #expect(significantDigits(try #require(fit.fullHessianStandardErrors[j]), expected.bseFullHessian[j])
                    >= Tolerance.referenceDigits)
        }
        #expect(significantDigits(try #require(fit.aic), expected.aic) >= Tolerance.referenceDigits)
        for (a, b) in zip(fit.fitted, expected.fitted) { #expect(significantDigits(a, b) >= Tolerance.referenceDigits) }
    }

    @Test func quasiPoissonScalesTheStandardErrors() throws {
        let poisson = try model.fit(series, error: .poisson)
        let quasi = try model.fit(series, error: .quasiPoisson)
        let phi = reference.poisson.pearson_chi2 / 6
        #expect(quasi.aic == nil)
        for j in 0..<3 {
            #expect(abs(quasi.standardErrors[j]! / poisson.standardErrors[j]! - phi.squareRoot()) < 1e-9)
        }
    }

    @Test func splineWithDayOfWeekFitsTheEmbassyFigures() throws {
        let spline = LogLinearModel(basis: .naturalSpline(degreesOfFreedom: 3))
        let fit = try spline.fit(try embassySeries(), error: .negativeBinomial)
        #expect(fit.status.isConverged, "\(fit.status)")
        #expect(fit.coefficientNames == ["(intercept)", "ns1", "ns2", "ns3"])
        #expect(fit.fitted.count == 8)
        // With nine daily counts and day-of-week effects (10 coefficients) the model is too big.
        let withWeekdays = LogLinearModel(basis: .naturalSpline(degreesOfFreedom: 3), dayOfWeek: true)
        #expect(throws: CurveFitError.self) { try withWeekdays.fit(series) }
    }
}
