import Foundation
import Testing
import InflowModels
import InflowStatistics
@testable import InflowProjection

@Suite("Bootstrap projection of curve fits")
struct CurveProjectorTests {
    @Test func dailyGridStartsWithThePartialDay() {
        // Last report at 17:00 on day 7: the rest of that day is the first period.
        let grid = ProjectionGrid.daily(after: 7 + 17.0 / 24, horizon: 3)
        #expect(grid.boundaries == [7 + 17.0 / 24, 8, 9, 10])
        // A 23:59 report is the end of its day.
        let late = ProjectionGrid.daily(after: 8 + 1439.0 / 1440, horizon: 2)
        #expect(late.boundaries == [8 + 1439.0 / 1440, 10, 11])
    }

    @Test func sameSeedSameNumbersWhateverTheThreadCount() throws {
        let fit = try Logistic().fit(embassySeries(), error: .negativeBinomial)
        let one = try CurveProjector.project(fit, options: ProjectionOptions(horizon: 10, replicates: 64, seed: 7, threads: 1))
        let two = try CurveProjector.project(fit, options: ProjectionOptions(horizon: 10, replicates: 64, seed: 7, threads: 2))
        let five = try CurveProjector.project(fit, options: ProjectionOptions(horizon: 10, replicates: 64, seed: 7, threads: 5))
        #expect(one.increments == two.increments)
        #expect(one.increments == five.increments)
        #expect(one.finalSizes == two.finalSizes)
        let other = try CurveProjector.project(fit, options: ProjectionOptions(horizon: 10, replicates: 64, seed: 8, threads: 2))
        #expect(other.increments != one.increments)
    }

    /// A table of models computes their final-size intervals side by side: the same estimates as one by one.
    @Test func finalSizesOfSeveralFitsSideBySideAreThoseOfEachAlone() throws {
        let series = embassySeries()
        let fits = [try Logistic().fit(series, error: .negativeBinomial), try Gompertz().fit(series, error: .negativeBinomial)]
        for level in [0.9, 0.95] {
            let alone = fits.map { $0.finalSize(level: level) }
            for threads in [1, 2, 3] {
                let together = CurveFit.finalSizes(of: fits, level: level, threads: threads)
                #expect(together.map(\.lower) == alone.map(\.lower))
                #expect(together.map(\.upper) == alone.map(\.upper))
                #expect(together.map(\.value) == alone.map(\.value))
            }
        }
        #expect(CurveFit.finalSizes(of: [], threads: 2).isEmpty)
    }

    @Test func projectionOfTheEmbassyFigures() throws {
        let fit = try Logistic().fit(embassySeries(), error: .negativeBinomial)
        let projection = try CurveProjector.project(fit, options: ProjectionOptions(horizon: 30, replicates: 400, seed: 1))
        #expect(projection.periods == 30)
        #expect(projection.failedReplicates == 0)
        let cumulative = projection.summaries(.cumulative)
        // Cumulative totals start from what was observed and never decrease.
        #expect(cumulative[0].quantile(0.01)! >= 2277)
        for k in 1..<30 { #expect(cumulative[k].median >= cumulative[k - 1].median) }
        // Counts are counts: every sample is a non-negative whole number.
        #expect(projection.increments.elements.allSatisfy { $0 >= 0 && $0 == $0.rounded() })
        // Intervals for new counts are wider than the mean curve alone: the 90% interval of
        // the first day's arrivals contains the fitted mean and has positive width.
        let first = projection.summaries(.incidence)[0]
        let (lower, upper) = first.interval(0.9)!
        #expect(lower < upper)
        let remaining = projection.remainingNow()
        #expect(remaining.median >= 0)
    }
}
