import Foundation
import InflowLinearAlgebra
import InflowProjection
import InflowStatistics

/// Makes the keys' joint samples into coherent forecasts of every node of a hierarchy.
///
/// ```swift
/// let samples = pooled.sample(grid: grid, replicates: 4_000, seed: 1, stream: 0)
/// let forecast = Reconciliation.conditioning(samples, hierarchy: hierarchy, top: national,
///                                            replicates: 1_000, seed: 1, stream: 0)
/// forecast.total.arrivals(overFirst: 7)
/// ```
public enum Reconciliation {
    /// Below this effective sample size conditioning warns that the keys' forecast and the total's disagree.
    public static let effectiveSampleSizeWarning = 100.0
    /// The length of the first conditioning block (the first week's arrivals).
    public static let firstBlock = 7

    /// Bottom-up: the first `replicates` (all by default) joint samples summed into every node.
    public static func bottomUp(_ samples: BottomSamples, hierarchy: Hierarchy, replicates: Int? = nil)
        -> HierarchicalForecast {
        let picks = Array(0..<min(replicates ?? samples.replicates, samples.replicates))
        return HierarchicalForecast(hierarchy: hierarchy, method: .bottomUp,
                                    projections: nodeProjections(samples, hierarchy: hierarchy, picks: picks),
                                    candidateCount: samples.replicates)
    }

    /// Top-down conditioning: the joint samples (candidates) weighted by the density of `top`'s samples over
    /// the candidates' own density, both at their sum's arrivals in the first ``firstBlock`` periods and in the
    /// rest (``ConditionalResampling/ratioWeights(candidates:reference:)``), and `replicates` of them drawn by
    /// systematic resampling with one uniform from stream `(seed, stream)`.
    ///
    /// Falls back to bottom-up, and says so, when no candidate lies where the total's forecast has density.
    public static func conditioning(_ samples: BottomSamples, hierarchy: Hierarchy, top: Projection,
                                    replicates: Int, seed: UInt64, stream: Int) -> HierarchicalForecast {
        precondition(top.periods == samples.periods, "the total's forecast covers the keys' periods")
        let blocks = blocks(samples.periods)
        let periods = samples.periods
        // Each candidate's sum over the keys, per block: key by key over contiguous columns.
        var sums = [Double](repeating: 0, count: samples.replicates * blocks.count)
        for key in samples.increments {
            key.elements.withUnsafeBufferPointer { values in
                for b in 0..<samples.replicates {
                    for (j, block) in blocks.enumerated() {
                        var total = 0.0
                        for k in block { total += values[b * periods + k] }
                        sums[b * blocks.count + j] += total
                    }
                }
            }
        }
        let candidates = (0..<samples.replicates).map { b in Array(sums[(b * blocks.count)..<((b + 1) * blocks.count)]) }
        let reference = (0..<top.replicates).compactMap { b -> [Double]? in
            let features = blocks.map { block in block.reduce(0.0) { $0 + top.increments[$1, b] } }
            return features.allSatisfy(\.isFinite) ? features : nil
        }
        guard let weights = ConditionalResampling.ratioWeights(candidates: candidates, reference: reference) else {
            var forecast = bottomUp(samples, hierarchy: hierarchy, replicates: replicates)
            forecast = HierarchicalForecast(
                hierarchy: hierarchy, method: .bottomUp, projections: forecast.projections,
                candidateCount: samples.replicates,
                warnings: ["the keys' joint forecast lies wholly outside the total's, so it could not be conditioned on it; the forecasts are bottom-up"])
            return forecast
        }
        var generator = RandomStreams(seed: seed).generator(series: stream, replicate: samples.replicates)
        let picks = ConditionalResampling.systematic(weights, count: replicates, uniform: generator.nextUniform())
        let ess = ConditionalResampling.effectiveSampleSize(weights)
        var warnings: [String] = []
        if ess < effectiveSampleSizeWarning {
            warnings.append("only \(Int(ess.rounded())) of the keys' \(samples.replicates) joint samples carry the conditioned forecast: the keys' own forecast and the total's disagree, so the keys' intervals rest on few distinct paths")
        }
        return HierarchicalForecast(hierarchy: hierarchy, method: .conditioning,
                                    projections: nodeProjections(samples, hierarchy: hierarchy, picks: picks),
                                    effectiveSampleSize: ess, candidateCount: samples.replicates, warnings: warnings)
    }

    /// The period blocks conditioned on: the first week and the rest.
    static func blocks(_ periods: Int) -> [Range<Int>] {
        periods > firstBlock ? [0..<firstBlock, firstBlock..<periods] : [0..<periods]
    }

    /// Each node's projection from the chosen replicates of its keys.
    static func nodeProjections(_ samples: BottomSamples, hierarchy: Hierarchy, picks: [Int]) -> [Projection] {
        let periods = samples.periods, columns = picks.count
        return hierarchy.nodes.map { node in
            var increments = [Double](repeating: 0, count: periods * columns)
            var pools = [Double](repeating: 0, count: periods * columns)
            var starts = [Double](repeating: 0, count: columns)
            var remaining = [Double](repeating: 0, count: columns)
            let observed = node.bottom.reduce(0.0) { $0 + samples.observed[$1] }
            // Column-major sums, key by key, over contiguous columns.
            for key in node.bottom {
                Self.addColumns(samples.increments[key].elements, picks: picks, periods: periods, into: &increments)
                Self.addColumns(samples.pools[key].elements, picks: picks, periods: periods, into: &pools)
                let keyStarts = samples.startTotals[key], keyRemaining = samples.remainingAtStart[key]
                for (column, b) in picks.enumerated() {
                    starts[column] += keyStarts[b]
                    remaining[column] += keyRemaining[b]
                }
            }
            let finals = remaining.map { observed + $0 }
            let uncertainStart = starts.contains { $0 != observed }
            return Projection(model: HierarchicalForecast.model, origin: samples.origin, grid: samples.grid,
                              observedTotal: observed,
                              increments: Matrix(rows: periods, columns: columns, columnMajor: increments),
                              finalSizes: finals,
                              poolRemaining: Matrix(rows: periods, columns: columns, columnMajor: pools),
                              nonConvergedReplicates: 0, failedReplicates: 0,
                              startTotals: uncertainStart ? starts : nil, timeZone: samples.timeZone)
        }
    }

    /// Adds column `picks[c]` of a column-major `periods x B` matrix to column `c` of `output`.
    @inline(__always)
    static func addColumns(_ source: [Double], picks: [Int], periods: Int, into output: inout [Double]) {
        source.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { output in
                for (column, b) in picks.enumerated() {
                    let from = b * periods, to = column * periods
                    for k in 0..<periods { output[to + k] += source[from + k] }
                }
            }
        }
    }
}
