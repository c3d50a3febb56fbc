import Foundation
@testable import InflowAnalysis
import InflowLinearAlgebra
import InflowModels
import InflowProjection
import Testing

/// The pipeline's last guard: a projection whose summaries could not be finite is refused.
@Suite("Non-finite projections")
struct NonFiniteGuardTests {
    static func projection(_ columns: [[Double]], starts: [Double]? = nil) -> Projection {
        Projection(model: ModelID(family: "test", error: .poisson), origin: Date(timeIntervalSince1970: 0),
                   grid: ProjectionGrid.daily(after: 0, horizon: columns[0].count), observedTotal: 10,
                   increments: Matrix(rows: columns[0].count, columns: columns.count, columnMajor: columns.flatMap { $0 }),
                   finalSizes: columns.map { _ in .nan }, nonConvergedReplicates: 0, failedReplicates: 0, startTotals: starts)
    }

    @Test func failedReplicatesAloneAreNotAProblem() {
        #expect(Analysis.nonFinitePeriods(Self.projection([[1, 2], [.nan, .nan], [3, 4]])) == 0)
    }

    @Test func anInfiniteValueOrAPeriodWithoutNumbersIs() {
        #expect(Analysis.nonFinitePeriods(Self.projection([[1, .infinity], [2, 3]])) == 1)
        #expect(Analysis.nonFinitePeriods(Self.projection([[.nan, 2], [.nan, 3]])) == 1)
        #expect(Analysis.nonFinitePeriods(Self.projection([[1, 2], [2, 3]], starts: [10, .infinity])) == 2)
    }
}
