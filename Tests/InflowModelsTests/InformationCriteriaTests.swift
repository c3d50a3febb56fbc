import Foundation
import InflowCore
import InflowModels
import Testing

/// AICc is `nil`, never NaN, when it does not exist, and the fit says why.
@Suite("Information criteria")
struct InformationCriteriaTests {
    /// Daily counts of the first `days` days of the nine-day reference series.
    static func series(days: Int) -> InflowSeries {
        InflowSeries(kind: .counts, days: (0..<days).map(Double.init), values: Array(nineDayCounts.prefix(days)))
    }

    @Test func aiccNeedsMoreObservationsThanEstimatedQuantitiesPlusOne() throws {
        // Logistic with NB2 errors estimates K, r, t0 and theta: k = 4.
        let short = try Logistic().fit(Self.series(days: 5), error: .negativeBinomial)
        #expect(short.estimatedParameterCount == 4 && short.observationCount == 5)
        #expect(short.aicc == nil)
        #expect(short.aic != nil && short.bic != nil)
        #expect(short.aiccUnavailableReason
            == "too few observations for AICc: n = 5, k = 4 estimated quantities (it needs n > k + 1)")
        #expect(short.summaryTable().statistics.aicc == nil)
        #expect(!short.summaryTable().description.contains("nan") && !short.summaryTable().description.contains("AICc"))

        // One more day: n - k - 1 = 1, and AICc = AIC + 2k(k + 1) / (n - k - 1).
        let longer = try Logistic().fit(Self.series(days: 6), error: .negativeBinomial)
        let aic = try #require(longer.aic), aicc = try #require(longer.aicc)
        #expect(abs(aicc - (aic + 2 * 4 * 5 / 1)) < 1e-9 * abs(aic))
        #expect(longer.aiccUnavailableReason == nil)
    }

    @Test func quasiPoissonHasNoLikelihoodSoNoAICc() throws {
        let fit = try Logistic().fit(Self.series(days: 9), error: .quasiPoisson)
        #expect(fit.aicc == nil && fit.aic == nil)
        #expect(fit.aiccUnavailableReason == "no likelihood (quasi-Poisson), so no AICc")
    }
}
