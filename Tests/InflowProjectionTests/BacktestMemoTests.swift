import Foundation
import InflowCore
import InflowModels
import InflowStatistics
import Testing
@testable import InflowProjection

/// The backtest's memo gives the numbers a new fit and bootstrap give.
@Suite("Backtest memo")
struct BacktestMemoTests {
    static let members = [
        BacktestMember(family: Logistic(), error: .negativeBinomial),
        BacktestMember(family: Gompertz(), error: .negativeBinomial),
    ]
    static let options = BacktestOptions(horizon: 7, replicates: 60, seed: 7, threads: 1)

    /// Everything a backtest reports, as numbers to compare exactly.
    static func digest(_ evaluation: Backtest.Evaluation) -> [[Double]] {
        evaluation.scores.scores.map {
            [$0.origin.timeIntervalSince1970, $0.target.timeIntervalSince1970, $0.wis, $0.median, $0.crps, $0.bias]
        } + evaluation.forecasts.flatMap { forecast in
            forecast.samples.sorted { $0.key.family < $1.key.family }.map(\.value.sortedValues)
        }
    }

    /// A rerun on the data up to a later origin (the retrospective's nested backtest) answered from the memo the
    /// whole series' backtest filled equals the same rerun computed from scratch, number for number.
    @Test func memoAnswersEqualNewFitsAndBootstraps() throws {
        let series = embassySeries()
        let memo = BacktestMemo()
        let full = Backtest.evaluate(Self.members, series: series, options: Self.options, memo: memo)
        #expect(full.origins.count >= 3)
        let truncated = series.prefix(through: full.origins[full.origins.count - 1])
        let fromMemo = Backtest.evaluate(Self.members, series: truncated, options: Self.options, memo: memo)
        let fresh = Backtest.evaluate(Self.members, series: truncated, options: Self.options)
        #expect(!fresh.scores.scores.isEmpty)
        #expect(fromMemo.origins == fresh.origins)
        #expect(Self.digest(fromMemo) == Self.digest(fresh))
        // Memo or not, the whole series' backtest is the public one's.
        #expect(Self.digest(full) == Self.digest(Backtest.evaluate(Self.members, series: series, options: Self.options)))
    }

    /// The first periods of a projection are the projection over the shorter grid.
    @Test func projectionPrefixIsTheShorterGridsProjection() throws {
        let series = embassySeries()
        let fit = try Logistic().fit(series, error: .negativeBinomial)
        let last = fit.observations.lastTime
        let long = ProjectionGrid(boundaries: [last, last + 0.7, last + 1.7, last + 2.7, last + 5])
        let short = ProjectionGrid(boundaries: Array(long.boundaries.prefix(3)))
        let options = ProjectionOptions(horizon: 5, replicates: 80, seed: 11, seriesIndex: 3, threads: 1)
        let whole = try CurveProjector.project(fit, options: options, grid: long)
        let direct = try CurveProjector.project(fit, options: options, grid: short)
        let prefix = whole.prefix(periods: 2)
        #expect(prefix.grid == short)
        #expect(prefix.increments == direct.increments)
        #expect(prefix.poolRemaining.elements.map(\.bitPattern) == direct.poolRemaining.elements.map(\.bitPattern))
        #expect(prefix.finalSizes.map(\.bitPattern) == direct.finalSizes.map(\.bitPattern))

        let memo = BacktestMemo()
        let key = BacktestMemo.Key(model: fit.id, fitOptions: fit.options, series: series, projection: options)
        memo.store(key, fit: fit, projection: whole)
        #expect(memo.projection(for: key, grid: short)?.increments == direct.increments)
        // A grid the stored one does not start with, or a longer one, is not answered.
        #expect(memo.projection(for: key, grid: ProjectionGrid(boundaries: [last, last + 1])) == nil)
        #expect(memo.projection(for: key, grid: ProjectionGrid(boundaries: long.boundaries + [last + 9])) == nil)
        // Another seed is another key.
        var otherSeed = options
        otherSeed.seed = 12
        let other = BacktestMemo.Key(model: fit.id, fitOptions: fit.options, series: series, projection: otherSeed)
        #expect(memo.fit(for: other) == nil)
    }
}
