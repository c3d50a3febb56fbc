import Foundation
import InflowCore
import InflowLinearAlgebra
import InflowModels
import InflowProjection
import Testing

/// Results print as readable sentences, and intervals exist at any coverage.
@Suite("Readable results")
struct ResultDescriptionTests {
    @Test("an estimate prints its value, standard error, interval and method")
    func estimate() {
        let estimate = Estimate(value: 2386.6, standardError: 112.4, lower: 2280.2, upper: 2760.9, method: "profile")
        #expect(estimate.description == "2,387 (SE 112; interval 2,280 to 2,761, profile)")
        let small = Estimate(value: 0.41234, standardError: .nan, lower: 0.3, upper: .infinity, method: "wald")
        #expect(small.description == "0.412 (interval 0.3 to unbounded, wald)")
    }

    @Test("a projection prints its model and next week; intervals at any coverage come from the samples")
    func projection() throws {
        // 101 replicates whose first-period arrivals are 0, 1, ..., 100.
        let increments = Matrix(columns: (0...100).map { [Double($0), 1] })
        let projection = Projection(model: ModelID(family: "logistic", error: .poisson), origin: Date(timeIntervalSince1970: 0),
                                    grid: ProjectionGrid(boundaries: [9, 10, 11]), observedTotal: 10, increments: increments,
                                    finalSizes: Array(repeating: .nan, count: 101), nonConvergedReplicates: 0, failedReplicates: 0)
        #expect(projection.description.hasPrefix("logistic (poisson): 2 periods from day 9.0, 101 replicates; next 2 periods 51"))
        let interval = try #require(projection.interval(.incidence, period: 0, coverage: 0.8))
        #expect(abs(interval.lower - 10) < 1e-9 && abs(interval.upper - 90) < 1e-9)
        #expect(projection.interval(.incidence, period: 2, coverage: 0.8) == nil)
        #expect(projection.interval(.incidence, period: 0, coverage: 1) == nil)
    }
}
