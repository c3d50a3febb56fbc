import InflowCore
import Foundation
import Testing
import InflowModels

/// The bundled January 2026 embassy figures: cumulative totals at irregular times with one
/// partial day, fitted as interval counts with every family under Poisson and NB2.
@Suite("January 2026 embassy figures")
struct EmbassyFitTests {
    @Test func intervalsFollowTheReports() throws {
        let prepared = try embassySeries().prepared()
        #expect(prepared.intervals.count == 8)
        #expect(prepared.observedTotal == 2277)
        // The 17:00 report on Jan 23 ends a partial day: (Jan 22 23:59, Jan 23 17:00].
        let partial = prepared.intervals[6]
        #expect(abs(partial.start - (6 + 1439.0 / 1440)) < 1e-9)
        #expect(abs(partial.end - (7 + 17.0 / 24)) < 1e-9)
        #expect(partial.count == 167)
        #expect(prepared.warnings.isEmpty)
    }

    @Test(arguments: [ErrorFamily.poisson, .negativeBinomial])
    func everyFamilyEndsWithAClearStatus(error: ErrorFamily) throws {
        let series = try embassySeries()
        for family in CurveFamilies.all {
            let fit = try family.fit(series, error: error)
            #expect(fit.fitted.count == 8)
            if case .failed(let reason) = fit.status { Issue.record("\(family.name) \(error): failed (\(reason))") }
            if fit.status.isConverged {
                #expect(fit.logLikelihood!.isFinite, "\(family.name)")
                #expect(fit.fitted.allSatisfy { $0 >= 0 && $0.isFinite }, "\(family.name)")
            }
        }
    }

    @Test func logisticNB2FinalSizeIsAboveWhatWasObserved() throws {
        let fit = try Logistic().fit(try embassySeries(), error: .negativeBinomial)
        #expect(fit.status.isConverged, "\(fit.status)")
        let size = fit.finalSize()
        #expect(size.method.hasPrefix("profile"))
        #expect(size.value > 2277)
        #expect(size.lower >= 2277 && size.lower < size.value && size.value < size.upper)
        let remaining = fit.remaining()
        #expect(abs(remaining.value - (size.value - 2277)) < 1e-9)
        #expect(remaining.lower >= 0)
        // The profile interval is asymmetric (bounded below by what was observed, long upper tail).
        #expect(size.upper - size.value > size.value - size.lower)
    }
}
