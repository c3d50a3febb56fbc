import Foundation
import InflowLinearAlgebra
import InflowModels
import InflowProjection
import InflowStatistics
import Testing

/// Summaries read as numbers a reader can use, and intervals at any level from the samples.
@Suite("Quantile summaries")
struct QuantileSummaryTests {
    @Test func aSummaryPrintsItsMedianAndNinetyPercentInterval() {
        let counts = QuantileSummary(sample: (0...1_000).map { Double($0 * 3) })
        #expect(counts.description == "1,500 (90%: 150 to 2,850)")
        let shares = QuantileSummary(sample: (0...100).map { Double($0) / 100 })
        #expect(shares.description == "0.5 (90%: 0.05 to 0.95)")
        #expect(QuantileSummary(sample: [Double]()).description == "n/a")
    }

    @Test func intervalsAtAnyCoverageComeFromTheSamples() throws {
        let grid = ProjectionGrid.daily(after: 0, horizon: 1)
        let values = (0..<1_000).map(Double.init)
        let projection = Projection(model: ModelID(family: "test", error: .poisson), origin: Date(timeIntervalSince1970: 0),
                                    grid: grid, observedTotal: 0, increments: Matrix(rows: 1, columns: 1_000, columnMajor: values),
                                    finalSizes: values, nonConvergedReplicates: 0, failedReplicates: 0)
        #expect(projection.arrivals(overFirst: 1).interval(0.85) == nil)   // not a hub level
        let (lower, upper) = try #require(projection.arrivalsInterval(overFirst: 1, coverage: 0.85))
        // Type 7 quantiles of 0...999 at 0.075 and 0.925: 74.925 and 924.075.
        #expect(abs(lower - 74.925) < 1e-9 && abs(upper - 924.075) < 1e-9)
        #expect(projection.arrivalsInterval(overFirst: 1, coverage: 1) == nil)
    }

    /// A projection whose replicates' final sizes are `finalSizes` after `observed` counted, with one period whose
    /// arrivals are `arrivals`.
    static func projection(observed: Double, finalSizes: [Double], arrivals: [Double]) -> Projection {
        Projection(model: ModelID(family: "test", error: .negativeBinomial), origin: Date(timeIntervalSince1970: 0),
                   grid: ProjectionGrid.daily(after: 0, horizon: 1), observedTotal: observed,
                   increments: Matrix(rows: 1, columns: arrivals.count, columnMajor: arrivals),
                   finalSizes: finalSizes, nonConvergedReplicates: 0, failedReplicates: 0)
    }

    @Test func countsPrintAsWholeArrivals() {
        // Type 7 quantiles of 0...20 / 10 at 0.05, 0.5, 0.95: 0.1, 1, 1.9.
        let arrivals = (0...20).map { Double($0) / 10 }
        let projection = Self.projection(observed: 100, finalSizes: arrivals.map { $0 + 100 }, arrivals: arrivals)
        #expect(projection.arrivals(overFirst: 1).description == "1 (90%: 0 to 2)")
        #expect(projection.summaries(.incidence)[0].description == "1 (90%: 0 to 2)")
        #expect(projection.summaries(.cumulative)[0].description == "101 (90%: 100 to 102)")
        #expect(QuantileSummary(sample: arrivals).description == "1 (90%: 0.1 to 1.9)")     // any number: as it is
    }

    @Test func aRemainingPoolTheDataDoNotBoundSaysSo() {
        // 2,277 counted; the upper end implies a final size of about 23,400, at the limit of 10 x 2,277 (and within
        // SizeBound.limitMargin of it): not a bound the data give.
        let observed = 2_277.0
        let pools = (0...100).map { 32.3 + Double($0) * 211.35 }
        let projection = Self.projection(observed: observed, finalSizes: pools.map { $0 + observed },
                                         arrivals: Array(repeating: 1, count: pools.count))
        let remaining = projection.remainingNow()
        #expect(remaining.quantity == .remainingPool(observed: observed))
        let bound = remaining.sizeBound(coverage: 0.9, observed: observed, remaining: true)
        #expect(!bound.isDetermined)
        #expect(remaining.description == bound.description)
        #expect(remaining.description.hasPrefix("not determined by these data (at least "))
        #expect(!remaining.description.contains("."))                                  // whole people
        #expect(projection.description.contains("remaining pool after the last figure not determined by these data (at least "))
        #expect(projection.summaries(.remainingPool)[0].quantity == .remainingPool(observed: observed))
    }

    @Test func aRemainingPoolTheDataBoundPrintsItsInterval() {
        let observed = 2_277.0
        let pools = (0...100).map { 32.3 + Double($0) * 10.5 }                            // up to about 1,100
        let projection = Self.projection(observed: observed, finalSizes: pools.map { $0 + observed },
                                         arrivals: Array(repeating: 1, count: pools.count))
        let remaining = projection.remainingNow()
        #expect(remaining.sizeBound(coverage: 0.9, observed: observed, remaining: true).isDetermined)
        // Type 7 quantiles at 0.05, 0.5, 0.95: 32.3 + 5 x 10.5, + 50 x 10.5, + 95 x 10.5.
        #expect(remaining.description == "557 (90%: 85 to 1,030)")
        let noSize = Self.projection(observed: observed, finalSizes: Array(repeating: .nan, count: 3), arrivals: [1, 2, 3])
        #expect(noSize.remainingNow().description == "n/a")
        #expect(!noSize.description.contains("remaining pool"))
    }

    @Test func whatASummaryCountsSurvivesCodingAndOlderFilesReadAsNumbers() throws {
        let summary = QuantileSummary(sample: [1, 2, 3], levels: [0.05, 0.5, 0.95], quantity: .remainingPool(observed: 10))
        let back = try JSONDecoder().decode(QuantileSummary.self, from: JSONEncoder().encode(summary))
        #expect(back == summary)
        let older = #"{"levels":[0.5],"values":[2],"mean":2,"median":2}"#
        let decoded = try JSONDecoder().decode(QuantileSummary.self, from: Data(older.utf8))
        #expect(decoded.quantity == .number && decoded.median == 2)
    }
}
