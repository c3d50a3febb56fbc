import Foundation
import InflowAnalysis
import InflowCore
import InflowData
import InflowModels
import InflowProjection
import Testing

/// What `print(value)` shows a reader: local times in the series' zone, rounded numbers, "n/a" for what is missing,
/// never a struct dump (`Optional(`, `nan`, `inf`, `GMT (25200)`).
@Suite("Readable descriptions")
struct ReadableDescriptionTests {
    /// Text that a description must never contain: the marks of a raw dump or an unformatted number.
    static let dumpMarks = ["Optional(", "nan", "inf", "GMT", "Double", "ParsedTime(", "CivilDate(", "InflowSeries("]

    static func expectReadable(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for mark in dumpMarks {
            #expect(!text.contains(mark), "\"\(mark)\" in:\n\(text)", sourceLocation: sourceLocation)
        }
    }

    static let phnomPenh = TimeZone(secondsFromGMT: 7 * 3600)!

    @Test func aSeriesPrintsItsFiguresOnItsOwnClock() throws {
        let series = try BundledDataset.defaultDataset.load().series[0]
        let text = series.description
        Self.expectReadable(text)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "KBRI Phnom Penh: 8 cumulative totals from 2026-01-17T23:59 to 2026-01-24T23:59 (UTC+07:00), "
            + "counted from 2026-01-16T00:00")
        #expect(lines.count == 10)                                        // the line above, a header, 8 figures
        #expect(lines[2].hasPrefix("  2026-01-17T23:59") && lines[2].hasSuffix(" 243"))
        #expect(lines[9].hasSuffix(" 2,277"))
    }

    @Test func aLongSeriesPrintsItsEndsAndSaysWhatIsMissingOrNotExact() throws {
        let times = (0..<30).map { Date(timeIntervalSince1970: 1_768_500_000 + Double($0) * 86_400) }
        var values: [Double?] = (0..<30).map { Double($0 * 100) }
        values[1] = nil
        var series = InflowSeries(name: "Poipet", kind: .counts, origin: times[0], times: times, values: values,
                                  timeZone: TimeZone(identifier: "Asia/Phnom_Penh")!)
        series.figureKinds[2] = .lowerBound
        let text = series.description
        Self.expectReadable(text)
        #expect(text.hasPrefix("Poipet: 30 daily counts from "))
        #expect(text.contains("(Asia/Phnom_Penh)"))
        #expect(text.contains("n/a (missing)"))
        #expect(text.contains("at least"))
        #expect(text.contains("... (20 more)"))
        #expect(text.contains("2,900"))                                   // the last figure
        #expect(!text.contains("1,500"))                                  // a middle one, left out
        #expect(text.split(separator: "\n").count == 13)
        let empty = InflowSeries(name: "none", kind: .level, times: [], values: [])
        #expect(empty.description == "none: no figures (levels), UTC")
    }

    @Test func datesAndWrittenTimesPrintAsISO8601() throws {
        #expect(CivilDate(year: 2026, month: 2, day: 7).description == "2026-02-07")
        #expect("\(CivilDate(year: 2026, month: 2, day: 7))" == "2026-02-07")
        let local = try #require(ParsedTime("2026-01-17T23:59"))
        #expect(local.description == "2026-01-17T23:59 (no UTC offset: a wall-clock time in the time zone it is read in)")
        #expect(try #require(ParsedTime("2026-01-17T23:59:30.5+07:00")).description == "2026-01-17T23:59:30.5+07:00")
        #expect(try #require(ParsedTime("2026-01-17 08:00Z")).description == "2026-01-17T08:00Z")
        #expect(try #require(ParsedTime("2026-01-17")).description == "2026-01-17 (a date without a clock time)")
    }

    @Test func aFitsResidualsAndGlancePrintRoundedNumbers() throws {
        let series = try BundledDataset.defaultDataset.load().series[0]
        let fit = try Logistic().fit(series, error: .negativeBinomial)
        let residuals = fit.residuals()
        let text = residuals.description
        Self.expectReadable(text)
        let lines = text.split(separator: "\n")
        #expect(lines[0].hasPrefix("8 observations: Pearson chi-square "))
        #expect(lines[1].contains("observed") && lines[1].contains("quantile"))
        #expect(lines.count == 10)
        #expect(lines[2].hasPrefix("  1       243"))
        #expect(!text.contains(".0000"))                                   // no 17-digit numbers

        let glance = fit.glance()
        Self.expectReadable(glance.description)
        #expect(glance.description.hasPrefix("logistic (negative-binomial): log-likelihood -"))
        #expect(glance.description.contains(", 8 observations, dispersion "))
        let aic = try #require(glance.aic)
        #expect(glance.description.contains("AIC \(String(format: "%.2f", aic))"))
    }

    @Test func missingGlanceValuesReadNotAvailable() throws {
        let series = try BundledDataset.defaultDataset.load().series[0]
        let fit = try Logistic().fit(series, error: .quasiPoisson)
        let glance = fit.glance()
        #expect(glance.logLikelihood == nil)
        #expect(glance.description.contains("log-likelihood n/a, AIC n/a, BIC n/a"))
        Self.expectReadable(glance.description)
    }

    @Test func modelWeightsPrintATable() {
        let logistic = ModelID(family: "logistic", error: .negativeBinomial)
        let gompertz = ModelID(family: "gompertz", error: .negativeBinomial)
        let richards = ModelID(family: "richards", error: .negativeBinomial)
        let weights = ModelWeights(method: .stacking, models: [logistic, gompertz, richards],
                                   values: [0.004457902460424617, 0.995542097539575383, 0],
                                   merged: [richards: logistic], notes: ["stacking weights minimise the mixture's mean CRPS"],
                                   backtestCRPS: [logistic: 130.7291583333333, gompertz: 12.517416666666668])
        let text = weights.description
        Self.expectReadable(text)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "stacking weights of 3 models")
        #expect(lines[2].hasPrefix("  logistic (negative-binomial)") && lines[2].hasSuffix("0.004            131"))
        #expect(lines[3].hasSuffix("0.996           12.5"))
        #expect(lines[4].hasSuffix("0.000            n/a"))
        #expect(text.contains("richards (negative-binomial) merged into logistic (negative-binomial)"))
        #expect(lines.last == "  stacking weights minimise the mixture's mean CRPS")
    }

    /// The pipeline's headline on the bundled figures: its remaining pool is not bounded by eight reports (the
    /// Lomax release carries most of the weight), so it prints as the README promises, not as `563 (90%: 32.3 to
    /// 21,167)`; its arrivals print as whole people.
    @Test func theHeadlinesRemainingPoolUsesTheLabelledWording() throws {
        let data = try BundledDataset.defaultDataset.load()
        let options = AnalysisOptions(replicates: 60, threads: 2, backtestReplicates: 20,
                                      includesRetrospective: false, includesSensitivity: false)
        let headline = try Analysis.run(data, options: options).total.headline
        let pool = headline.remainingNow()
        let bound = pool.sizeBound(coverage: 0.9, observed: headline.observedTotal, remaining: true)
        #expect(!bound.isDetermined)
        #expect(pool.description == bound.description)
        #expect(pool.description.hasPrefix("not determined by these data (at least "))
        #expect(headline.description.contains("remaining pool after the last figure not determined by these data (at least "))
        Self.expectReadable(headline.description)
        for text in [pool.description, headline.arrivals(overFirst: 7).description, headline.summaries(.incidence)[13].description] {
            Self.expectReadable(text)
            #expect(text.range(of: #"\d\.\d"#, options: .regularExpression) == nil, "a fraction of an arrival in \(text)")
        }
    }
}
