import InflowCore
import Foundation
import Testing
import InflowModels

@Suite("Log-linear fits: predict, residuals and diagnostics against R")
struct LogLinearResultsTests {
    let reference: ResultsAPIReference
    init() throws { reference = try ResultsAPIReference.load() }

    func fit(_ name: String) throws -> (LogLinearFit, ResultsAPIReference.Model) {
        switch name {
        case "poisson":
            return (try LogLinearModel(basis: .polynomial(degree: 2)).fit(reference.series, error: .poisson),
                    reference.poissonQuadratic)
        default:
            return (try LogLinearModel(basis: .naturalSpline(degreesOfFreedom: 3)).fit(reference.series, error: .negativeBinomial),
                    reference.nb2Spline)
        }
    }

    @Test(arguments: ["poisson", "nb2"])
    func predictionsMatchPredictGLM(_ name: String) throws {
        let (fit, expected) = try fit(name)
        #expect(fit.status.isConverged, "\(fit.status)")
        if let theta = expected.theta { #expect(relativeDifference(try #require(fit.theta), theta) < ResultsTolerance.reference) }
        let predictions = fit.predict(at: expected.times)
        for (i, row) in predictions.enumerated() {
            #expect(relativeDifference(row.linearPredictor, expected.eta[i]) < ResultsTolerance.reference, "eta at \(row.time)")
            #expect(relativeDifference(row.standardError, expected.seFit[i]) < ResultsTolerance.reference, "se at \(row.time)")
            #expect(relativeDifference(row.rate, expected.rate[i]) < ResultsTolerance.reference)
            #expect(relativeDifference(row.lower, expected.lower95[i]) < ResultsTolerance.reference)
            #expect(relativeDifference(row.upper, expected.upper95[i]) < ResultsTolerance.reference)
        }
        // Dates give the same rows as days.
        let dates = expected.times.map { reference.series.origin.addingTimeInterval($0 * 86_400) }
        #expect(fit.predict(at: dates) == predictions)
    }

    @Test(arguments: ["poisson", "nb2"])
    func residualsMatchR(_ name: String) throws {
        let (fit, expected) = try fit(name)
        let residuals = fit.residuals(seed: 7)
        let theta = expected.theta ?? .infinity
        for i in expected.fitted.indices {
            // A residual is a difference of nearly equal numbers (y and mu): its error is that of mu, so it is
            // measured against the size of the terms, mu for response residuals and mu / sqrt(V(mu)) for the others.
            let mu = expected.fitted[i]
            let standardised = mu / (mu + mu * mu / theta).squareRoot()
            func difference(_ computed: Double, _ reference: Double, scale: Double) -> Double {
                abs(computed - reference) / max(abs(reference), scale)
            }
            #expect(relativeDifference(residuals.fitted[i], mu) < ResultsTolerance.reference)
            #expect(difference(residuals.response[i], expected.response[i], scale: mu) < ResultsTolerance.reference, "response \(i)")
            #expect(difference(residuals.pearson[i], expected.pearson[i], scale: standardised) < ResultsTolerance.reference,
                    "pearson \(i)")
            #expect(difference(residuals.deviance[i], expected.deviance[i], scale: standardised) < ResultsTolerance.reference,
                    "deviance \(i)")
            #expect(relativeDifference(residuals.midPIT[i], expected.midPIT[i]) < ResultsTolerance.reference, "mid-PIT \(i)")
            // A randomised quantile residual lies between the normal quantiles of F(y - 1) and F(y).
            #expect(residuals.quantile[i] >= expected.quantileLower[i] - ResultsTolerance.reference)
            #expect(residuals.quantile[i] <= expected.quantileUpper[i] + ResultsTolerance.reference)
        }
        let devianceSum = residuals.deviance.reduce(0) { $0 + $1 * $1 }
        #expect(relativeDifference(devianceSum, expected.devianceTotal) < ResultsTolerance.reference)
    }

    @Test(arguments: ["poisson", "nb2"])
    func diagnosticsMatchR(_ name: String) throws {
        let (fit, expected) = try fit(name)
        let diagnostics = fit.diagnostics(seed: 7)
        #expect(diagnostics.degreesOfFreedom == expected.dfResidual)
        #expect(relativeDifference(diagnostics.dispersion, expected.dispersion) < ResultsTolerance.reference)
        #expect(Double(diagnostics.runs.runs) == expected.runs)
        #expect(relativeDifference(diagnostics.runs.expected, expected.runsExpected) < ResultsTolerance.rounding)
        #expect(relativeDifference(diagnostics.runs.z, expected.runsZ) < ResultsTolerance.rounding)
        #expect(relativeDifference(diagnostics.runs.pValue, expected.runsP) < ResultsTolerance.reference)
        #expect(diagnostics.description.contains("dispersion"))
    }

    @Test func quantileResidualsDependOnlyOnTheSeed() throws {
        let (fit, _) = try fit("nb2")
        #expect(fit.residuals(seed: 11).quantile == fit.residuals(seed: 11).quantile)
        #expect(fit.residuals(seed: 11).quantile != fit.residuals(seed: 12).quantile)
    }
}
