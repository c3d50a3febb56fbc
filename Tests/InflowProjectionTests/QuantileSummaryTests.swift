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
}
