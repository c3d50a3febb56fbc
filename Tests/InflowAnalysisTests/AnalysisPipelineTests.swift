import Foundation
import InflowAnalysis
import InflowCore
import InflowData
import InflowModels
import InflowProjection
import Synchronization
import Testing

/// The pipeline's rules: streams from names, one eligibility rule, merged duplicates, where the background
/// comes from, what the data cannot determine, and the sensitivity table.
@Suite("Analysis pipeline")
struct AnalysisPipelineTests {
    /// Small runs: the rules do not depend on the number of replicates.
    static func options(_ families: [any CurveFamily] = [Logistic(), Gompertz()]) -> AnalysisOptions {
        AnalysisOptions(families: families, replicates: 40, threads: 2, backtestReplicates: 20,
                        includesRetrospective: false, includesSensitivity: false)
    }

    static let longFormat = """
        date,province,count
        2026-01-16,Mondulkiri,3
        2026-01-16,Svay Rieng,5
        2026-01-17,Mondulkiri,9
        2026-01-17,Svay Rieng,14
        2026-01-18,Mondulkiri,20
        2026-01-18,Svay Rieng,31
        2026-01-19,Mondulkiri,28
        2026-01-19,Svay Rieng,40
        2026-01-20,Mondulkiri,22
        2026-01-20,Svay Rieng,33
        2026-01-21,Mondulkiri,14
        2026-01-21,Svay Rieng,21
        2026-01-22,Mondulkiri,8
        2026-01-22,Svay Rieng,12
        """

    /// How far a key's 7-day median may move when the file lists the keys in another order (the pooled fit's
    /// floating-point sums change order; its draws do not).
    static let orderTolerance = 0.01

    @Test func streamKeysAreTheFNV1aHashOfTheNames() {
        #expect(UInt64(bitPattern: Int64(StreamKey.index(""))) == 0xcbf2_9ce4_8422_2325)
        #expect(UInt64(bitPattern: Int64(StreamKey.index("a"))) == 0xaf63_dc4c_8601_ec8c)
        let model = ModelID(family: "logistic", error: .negativeBinomial)
        #expect(StreamKey.index(series: "Mondulkiri", model: model) == StreamKey.index("Mondulkiri\u{1F}logistic (negative-binomial)"))
    }

    /// The keys' projections do not depend on their order in the file: each key's random draws come from the
    /// stream of its name; the pooled fit's sums run in file order, so the numbers agree to rounding.
    @Test func theKeysNumbersDoNotDependOnTheirOrderInTheFile() throws {
        let loader = SeriesLoader(options: LoadOptions(keyColumns: ["province"]), now: .distantFuture)
        let both = try loader.load(csv: Self.longFormat)
        let reordered = try loader.load(csv: Self.longFormat.split(separator: "\n").enumerated()
            .sorted { ($0.offset == 0 ? 0 : 1, $0.element.contains("Svay") ? 0 : 1) < ($1.offset == 0 ? 0 : 1, $1.element.contains("Svay") ? 0 : 1) }
            .map(\.element).joined(separator: "\n"))
        let a = try Analysis.run(both, options: Self.options())
        let b = try Analysis.run(reordered, options: Self.options())
        let first = try #require(a.hierarchy), second = try #require(b.hierarchy)
        #expect(first.hierarchy.bottomNames != second.hierarchy.bottomNames)
        for name in first.hierarchy.bottomNames {
            let x = try #require(first.forecast.projection(named: name)), y = try #require(second.forecast.projection(named: name))
            let (mx, my) = (x.arrivals(overFirst: 7).median, y.arrivals(overFirst: 7).median)
            #expect(abs(mx - my) <= Self.orderTolerance * max(mx, 1), "\(name): \(mx) vs \(my)")
        }
    }

    /// The families are fitted side by side and the stacking draws shared out over the threads: one thread and two
    /// give the same fits, failures, weights and headline, and the progress still counts every family.
    @Test func fitsWeightsAndHeadlineAreTheSameOnOneThreadAndTwo() throws {
        let data = try BundledDataset.defaultDataset.load()
        var options = Self.options([Logistic(), Gompertz(), ExponentialGrowth(), StaggeredRelease.lomax])
        let steps = Mutex<[AnalysisProgress]>([])
        let two = try Analysis.run(data, options: options) { progress in steps.withLock { $0.append(progress) } }
        options.threads = 1
        let one = try Analysis.run(data, options: options)
        #expect(one.total.fits.map(\.vector) == two.total.fits.map(\.vector))
        #expect(one.total.fits.map(\.id) == two.total.fits.map(\.id))
        #expect(one.total.failures == two.total.failures)
        #expect(one.total.weights.values == two.total.weights.values)
        #expect(one.total.headline.increments == two.total.headline.increments)
        let reported = steps.withLock { $0 }
        let fitting = try #require(reported.first { $0.step == "fitting 4 models" })
        #expect(fitting.completed == 4)
        #expect(reported.last?.completed == reported.last?.total)
    }

    @Test func onlyBoundedFitsAtAnOptimumEnterTheEnsemble() throws {
        let data = try BundledDataset.defaultDataset.load()
        var options = Self.options([Logistic(), ExponentialGrowth()])
        options.ensemble = .aicc
        let result = try Analysis.run(data, options: options)
        let exponential = try #require(result.total.fits.first { $0.family.name == "exponential" })
        #expect(!Analysis.isEnsembleMember(exponential))
        #expect(result.total.weights[exponential.id] == 0)
        #expect(result.total.warnings.contains { $0.contains("exponential can grow without bound") })
    }

    /// Bass's diffusion with p -> 0 is the logistic: it is merged, not counted twice.
    @Test func duplicatesAreMergedBeforeWeighting() throws {
        let data = try BundledDataset.defaultDataset.load()
        var options = Self.options([Logistic(), BassDiffusion(), Gompertz()])
        options.ensemble = .aicc
        let result = try Analysis.run(data, options: options)
        let bass = ModelID(family: "bass", error: .negativeBinomial)
        #expect(result.total.weights.merged[bass] == ModelID(family: "logistic", error: .negativeBinomial))
        #expect(result.total.weights[bass] == 0)
        #expect(abs(result.total.weights.values.reduce(0, +) - 1) < 1e-12)
    }

    /// Of two duplicates the one with the smaller AICc (fewer parameters for the same likelihood) is kept,
    /// whatever the order of the families: with the background estimated, Richards on the bundled figures
    /// goes to its Gompertz limit (nu -> 0) and is not identifiable; the Gompertz fit must keep the weight.
    @Test func theSimplerDuplicateIsKeptWhateverTheOrder() throws {
        let data = try BundledDataset.defaultDataset.load()
        var options = Self.options([Richards(), Gompertz()])
        options.ensemble = .aicc
        options.background = .estimated
        let result = try Analysis.run(data, options: options)
        let richards = ModelID(family: "richards", error: .negativeBinomial)
        let gompertz = ModelID(family: "gompertz", error: .negativeBinomial)
        #expect(result.total.weights.merged[richards] == gompertz)
        #expect(result.total.weights.merged[gompertz] == nil)
        #expect(result.total.weights[gompertz] == 1)
    }

    @Test func theBackgroundIsGivenStatedOrEstimated() throws {
        let data = try BundledDataset.defaultDataset.load()
        let stated = Self.options().resolvedBackground(for: data)
        #expect(stated.rate == .range(lower: 20, upper: 25))
        #expect(stated.source.hasPrefix("stated in kbri-phnom-penh-2026-01.csv, line 8"))
        var given = Self.options()
        given.background = .fixed(14)
        #expect(given.resolvedBackground(for: data).rate == .fixed(14))
        let none = try SeriesLoader(now: .distantFuture).load(csv: "date,count\n2026-01-01,5\n2026-01-02,9\n")
        #expect(Self.options().resolvedBackground(for: none).rate == .estimated)
    }

    /// Stacking needs three origins; with fewer it falls back to AICc weights and says so.
    @Test func stackingFallsBackToAICcWithFewOrigins() throws {
        let csv = "date,count\n2026-01-01,5\n2026-01-02,19\n2026-01-03,40\n2026-01-04,52\n2026-01-05,41\n2026-01-06,25\n"
        let data = try SeriesLoader(now: .distantFuture).load(csv: csv)
        let result = try Analysis.run(data, options: Self.options([Logistic()]))
        #expect(result.total.weights.method == .aicc)
        #expect(result.total.weights.notes.contains { $0.contains("stacking needs 3") })
    }

    @Test func sizesTheDataDoNotBoundAreOnlyALowerBound() {
        #expect(SizeBound(lower: 2277, upper: 3667, observed: 2277) == .interval(lower: 2277, upper: 3667))
        #expect(SizeBound(lower: 2277, upper: .infinity, observed: 2277) == .atLeast(2277))
        #expect(SizeBound(lower: 2277, upper: 30_000, observed: 2277) == .atLeast(2277))
        #expect(SizeBound(lower: .nan, upper: .nan, observed: 2277) == .atLeast(0))
        // A pool is judged by the final size it implies: 2,277 + 20,000 reaches the limit of 22,770.
        #expect(SizeBound(lower: 26, upper: 20_000, observed: 2277, remaining: true) == .atLeast(26))
        #expect(SizeBound(lower: 26, upper: 2_000, observed: 2277, remaining: true).isDetermined)
        #expect(SizeBound.atLeast(2277).description == "not determined by these data (at least 2,277)")
    }

    @Test func knowledgeBoundsTheFinalSizeAndTheSensitivityTableShowsIt() throws {
        let data = try BundledDataset.defaultDataset.load()
        var options = Self.options([ReleaseFromPool()])
        options.ensemble = .aicc
        options.knowledge = PoolKnowledge(remainingAtMost: 500)
        options.includesSensitivity = true
        let result = try Analysis.run(data, options: options)
        let fit = try #require(result.total.fits.first)
        // N at most the surge's observed arrivals plus 500.
        #expect(fit.estimates[0] <= fit.observedSurge + 500 + 1e-6)
        let rows = result.total.sensitivity
        #expect(rows.count == 2)
        #expect(rows[0].isHeadline && rows[0].knowledge == options.knowledge)
        #expect(rows[1].knowledge.isEmpty && !rows[1].isIllustrative)
    }
}
