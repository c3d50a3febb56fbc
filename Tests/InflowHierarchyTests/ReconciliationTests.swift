import Foundation
import Testing
import InflowHierarchy
import InflowLinearAlgebra
import InflowModels
import InflowProjection

@Suite("Coherent reconciliation of count samples")
struct ReconciliationTests {
    static let hierarchy = Hierarchy(keys: (1...6).map { ["key \($0)"] }, keyColumns: ["key"],
                                     groupColumns: ["region"],
                                     groupValues: ["A", "A", "B", "B", "B", "A"].map { [$0] })
    static let grid = ProjectionGrid.daily(after: 14, horizon: 21)
    /// How far the conditioned total's mean may be from the total's own forecast's mean, as a share of the
    /// distance between the keys' sum's mean and it. The total's forecast lies within the keys' samples (their
    /// upper half), and a kernel density estimate keeps its sample's mean (the kernel is symmetric), so what is
    /// left is Monte Carlo error (the mean of 1,000 resampled paths, about 4% of that distance) and the
    /// smoothing of the ratio's own density: a tenth.
    static let topDownMeanTolerance = 0.1

    static func samples(replicates: Int = 800, seed: UInt64 = 7) throws -> BottomSamples {
        try PartialPoolingTests.fit().sample(grid: grid, replicates: replicates, seed: seed, stream: 0)
    }

    @Test func bottomUpNodesAreSumsOfTheirKeysInEveryReplicate() throws {
        let forecast = Reconciliation.bottomUp(try Self.samples(), hierarchy: Self.hierarchy)
        Self.expectCoherent(forecast)
    }

    @Test func samplesAreWholeNonNegativeCountsAndReproducible() throws {
        let a = try Self.samples(), b = try Self.samples()
        for key in a.increments.indices {
            #expect(a.increments[key].elements.allSatisfy { $0 >= 0 && $0 == $0.rounded() })
            #expect(a.increments[key] == b.increments[key])
        }
        let c = try Self.samples(seed: 8)
        #expect(a.increments[0] != c.increments[0])
    }

    @Test func conditioningGivesTheTotalItsOwnForecastAndStaysCoherent() throws {
        let samples = try Self.samples(replicates: 3_000)
        let bottomUp = Reconciliation.bottomUp(samples, hierarchy: Self.hierarchy)
        // A total forecast above the keys' own, within their reach: the upper half of their summed paths.
        let sums = (0..<bottomUp.total.replicates).map { b in
            (0..<bottomUp.total.periods).reduce(0.0) { $0 + bottomUp.total.increments[$1, b] }
        }
        let median = sums.sorted()[sums.count / 2]
        let scaled = Self.columns(bottomUp.total, sums.indices.filter { sums[$0] > median })
        let forecast = Reconciliation.conditioning(samples, hierarchy: Self.hierarchy, top: scaled,
                                                   replicates: 1_000, seed: 3, stream: 0)
        #expect(forecast.method == .conditioning)
        Self.expectCoherent(forecast)
        // Top-down conditioning reweights the keys' samples by the total's density over their sum's: the
        // resampled sum follows the total's forecast.
        func moments(_ projection: Projection) -> (mean: Double, variance: Double) {
            let totals = (0..<projection.replicates).map { b in
                (0..<projection.periods).reduce(0.0) { $0 + projection.increments[$1, b] }
            }
            let mean = totals.reduce(0, +) / Double(totals.count)
            return (mean, totals.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(totals.count - 1))
        }
        let before = moments(bottomUp.total).mean
        let target = moments(scaled).mean
        let after = moments(forecast.total).mean
        #expect(abs(after - target) < Self.topDownMeanTolerance * (target - before), "\(before) -> \(after), target \(target)")
        #expect((forecast.effectiveSampleSize ?? 0) > 1 && (forecast.effectiveSampleSize ?? .infinity) < 3_000)
    }

    @Test func conditioningOnTheKeysOwnTotalKeepsItsDistribution() throws {
        let samples = try Self.samples(replicates: 3_000)
        let bottomUp = Reconciliation.bottomUp(samples, hierarchy: Self.hierarchy)
        let forecast = Reconciliation.conditioning(samples, hierarchy: Self.hierarchy, top: bottomUp.total,
                                                   replicates: 1_000, seed: 3, stream: 0)
        let before = bottomUp.total.arrivals(overFirst: 21).median
        let after = forecast.total.arrivals(overFirst: 21).median
        #expect(abs(after / before - 1) < 0.05, "\(before) vs \(after)")
    }

    @Test func aTotalForecastFarAwayFallsBackToBottomUpAndSaysSo() throws {
        let samples = try Self.samples(replicates: 500)
        let far = Self.scaledTotal(Reconciliation.bottomUp(samples, hierarchy: Self.hierarchy).total, factor: 1_000)
        let forecast = Reconciliation.conditioning(samples, hierarchy: Self.hierarchy, top: far, replicates: 200,
                                                   seed: 1, stream: 0)
        #expect(forecast.method == .bottomUp)
        #expect(forecast.warnings.contains { $0.contains("bottom-up") })
        Self.expectCoherent(forecast)
    }

    @Test func systematicResamplingDrawsEachCandidateInProportion() {
        let weights = [0.5, 0.25, 0.125, 0.125, 0]
        let picks = ConditionalResampling.systematic(weights, count: 1_000, uniform: 0.37)
        #expect(picks.count == 1_000)
        for (index, weight) in weights.enumerated() {
            let count = picks.filter { $0 == index }.count
            #expect(abs(Double(count) - 1_000 * weight) <= 1, "candidate \(index): \(count)")
        }
        #expect(abs(ConditionalResampling.effectiveSampleSize([0.25, 0.25, 0.25, 0.25]) - 4) < 1e-12)
    }

    /// Every node's increments, pools and final sizes equal the sums of its keys' in every replicate.
    static func expectCoherent(_ forecast: HierarchicalForecast) {
        let bottomStart = forecast.hierarchy.nodes.count - forecast.hierarchy.bottomCount
        for (index, node) in forecast.hierarchy.nodes.enumerated() where node.level != .bottom {
            let projection = forecast.projections[index]
            var summed = Matrix(rows: projection.periods, columns: projection.replicates)
            var finals = [Double](repeating: 0, count: projection.replicates)
            for key in node.bottom {
                let keyProjection = forecast.projections[bottomStart + key]
                for b in 0..<projection.replicates {
                    finals[b] += keyProjection.finalSizes[b]
                    for k in 0..<projection.periods { summed[k, b] += keyProjection.increments[k, b] }
                }
            }
            #expect(summed == projection.increments, "\(node.name)")
            for (a, b) in zip(finals, projection.finalSizes) { #expect(abs(a - b) <= 1e-9 * max(a, 1)) }
            #expect(projection.increments.elements.allSatisfy { $0 >= 0 && $0 == $0.rounded() })
        }
    }

    /// `projection` with every increment multiplied by `factor` and rounded.
    /// The replicates `columns` of `projection`.
    static func columns(_ projection: Projection, _ columns: [Int]) -> Projection {
        let periods = projection.periods
        let increments = Matrix(rows: periods, columns: columns.count,
                                columnMajor: columns.flatMap { b in (0..<periods).map { projection.increments[$0, b] } })
        return Projection(model: projection.model, origin: projection.origin, grid: projection.grid,
                          observedTotal: projection.observedTotal, increments: increments,
                          finalSizes: columns.map { projection.finalSizes[$0] }, nonConvergedReplicates: 0, failedReplicates: 0)
    }

    static func scaledTotal(_ projection: Projection, factor: Double) -> Projection {
        var increments = projection.increments
        for k in 0..<increments.rows { for b in 0..<increments.columns { increments[k, b] = (increments[k, b] * factor).rounded() } }
        return Projection(model: projection.model, origin: projection.origin, grid: projection.grid,
                          observedTotal: projection.observedTotal, increments: increments,
                          finalSizes: projection.finalSizes, nonConvergedReplicates: 0, failedReplicates: 0)
    }
}
