import Foundation
import InflowCore
import InflowLinearAlgebra
import InflowModels
import InflowProjection
import Testing

/// ``Projection/conditioned(on:seed:)``: paths that disagree with a published bound are dropped and the rest
/// resampled, reproducibly.
@Suite("Projections conditioned on published bounds")
struct ProjectionConditioningTests {
    /// Four replicates over three daily periods from day 9 (arrivals 100, 200, 300 or 400 a day).
    static func projection() -> Projection {
        let rates = [100.0, 200, 300, 400]
        return Projection(model: ModelID(family: "logistic", error: .poisson), origin: Date(timeIntervalSince1970: 0),
                          grid: ProjectionGrid(boundaries: [9, 10, 11, 12]), observedTotal: 2000,
                          increments: Matrix(columns: rates.map { [$0, $0, $0] }), finalSizes: [3000, 3000, 3000, 3000],
                          nonConvergedReplicates: 0, failedReplicates: 0)
    }

    @Test("a lower bound in the second period keeps the paths that reach it by that period's end")
    func lowerBound() throws {
        // At least 500 more by day 10.5: paths with 2 × rate >= 500, the 300 and 400 a day ones.
        let bound = CensoredInterval(start: 9, end: 10.5, bound: 500, direction: .atLeast, index: 0)
        let (conditioned, agreeing) = try #require(Self.projection().conditioned(on: [bound], seed: 7))
        #expect(agreeing == 2)
        #expect(conditioned.replicates == 4)
        for b in 0..<4 { #expect(conditioned.increments[0, b] >= 300) }
        // Reproducible from the seed.
        let again = try #require(Self.projection().conditioned(on: [bound], seed: 7))
        #expect(again.projection.increments == conditioned.increments)
    }

    @Test("an upper bound holds the periods that end by its time; a bound nobody meets gives nil")
    func upperAndImpossible() throws {
        let upper = CensoredInterval(start: 9, end: 11, bound: 450, direction: .atMost, index: 0)
        let (conditioned, agreeing) = try #require(Self.projection().conditioned(on: [upper], seed: 1))
        #expect(agreeing == 2)
        for b in 0..<4 { #expect(conditioned.increments[0, b] <= 200) }
        let impossible = CensoredInterval(start: 9, end: 10, bound: 10_000, direction: .atLeast, index: 0)
        #expect(Self.projection().conditioned(on: [impossible], seed: 1) == nil)
        // A bound before the grid (already in the data) is the fit's, not the projection's.
        let earlier = CensoredInterval(start: 5, end: 8, bound: 10_000, direction: .atLeast, index: 0)
        #expect(Self.projection().conditioned(on: [earlier], seed: 1) == nil)
    }
}
