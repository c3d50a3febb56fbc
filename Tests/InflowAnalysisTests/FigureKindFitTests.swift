import Foundation
import InflowCore
import InflowData
import InflowModels
import Testing

/// A file with figures of every kind, as published (issue 17): it loads, prepares and fits, and its trailing
/// "more than N" moves the fit towards it.
@Suite("Fitting figures with a kind")
struct FigureKindFitTests {
    /// `Examples/bounds/kbri-with-bounds.csv`: the bundled nine days with a kind column (the 17:00 row a partial
    /// day) and an illustrative trailing lower bound of 3,100 at 2026-01-26T12:00.
    func example() throws -> InflowSeries {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/bounds/kbri-with-bounds.csv")
        var options = LoadOptions()
        options.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        return try SeriesLoader(options: options, now: .distantFuture).load(contentsOf: url).series[0]
    }

    @Test("the example file loads, prepares one censored count and fits; the bound raises the expected total")
    func exampleFits() throws {
        let series = try example()
        let prepared = series.prepared()
        #expect(prepared.responses.reduce(0, +) == 2277)
        #expect(prepared.censored.count == 1)
        let bound = try #require(prepared.censored.first)
        #expect(bound.direction == .atLeast && bound.bound == 3100 - 2277)
        var exactOnly = series
        exactOnly.figureKinds = series.figureKinds.map { $0 == .lowerBound ? .exact : $0 }
        exactOnly.values[series.count - 1] = nil
        let options = FitOptions(background: .fixed(22.5))
        let withBound = try Logistic().fit(series, error: .negativeBinomial, options: options)
        let without = try Logistic().fit(exactOnly, error: .negativeBinomial, options: options)
        // The logistic's K is not determined by these nine days (the fit says so); the likelihood is finite.
        #expect(withBound.logLikelihood?.isFinite == true, "\(withBound.status)")
        let expected = { (fit: CurveFit) in
            Logistic().cumulative(at: bound.end, fit.curveParameters) - Logistic().cumulative(at: bound.start, fit.curveParameters)
                + 22.5 * bound.length
        }
        #expect(expected(withBound) > expected(without), "\(expected(without)) -> \(expected(withBound))")
        #expect(withBound.fitted.count == prepared.responses.count)
    }
}
