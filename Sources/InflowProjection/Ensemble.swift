import Foundation
import InflowModels
import InflowLinearAlgebra

/// A weighted mixture of members' predictive samples.
///
/// Members must share one projection grid and origin. Each member contributes
/// `round(w_m B)` of its replicates (largest-remainder rounding, so the counts add up to B),
/// taking its first replicates: these are independent draws, so any subset is a sample of
/// the member. The mixture's quantiles are those of the pooled sample.
///
/// Weights: ``akaikeWeights(_:)`` (Burnham & Anderson, *Model Selection and Multimodel
/// Inference*, 2002, section 2.9) or ``inverseScoreWeights(_:)`` from backtest WIS
/// (Ray et al., "Comparing trained and untrained probabilistic ensemble forecasts of
/// COVID-19 cases and deaths in the United States", Int. J. Forecast. 39 (2023)).
public enum Ensemble {
    /// Akaike weights `w_m = exp(-Delta_m / 2) / sum exp(-Delta_j / 2)`, `Delta_m = AICc_m - min AICc`.
    /// Members without an AICc (`nil`, quasi-Poisson or too few data) get weight 0.
    public static func akaikeWeights(_ criteria: [Double?]) -> [Double] {
        let finite = criteria.compactMap { $0 }.filter(\.isFinite)
        guard let best = finite.min() else { return criteria.map { _ in 0 } }
        let raw = criteria.map { value -> Double in
            guard let value, value.isFinite else { return 0 }
            return exp(-(value - best) / 2)
        }
        let total = raw.reduce(0, +)
        return raw.map { $0 / total }
    }

    /// Inverse-score weights `w_m = (1 / S_m) / sum_j (1 / S_j)` from mean backtest scores
    /// (lower is better); members without a finite positive score get weight 0.
    public static func inverseScoreWeights(_ scores: [Double?]) -> [Double] {
        let raw = scores.map { score -> Double in
            guard let score, score.isFinite, score > 0 else { return 0 }
            return 1 / score
        }
        let total = raw.reduce(0, +)
        return total > 0 ? raw.map { $0 / total } : raw
    }

    /// Replicates each member contributes to a mixture of `total`: largest-remainder rounding of `w_m total`.
    public static func allocation(weights: [Double], total: Int) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return weights.map { _ in 0 } }
        let exact = weights.map { $0 / sum * Double(total) }
        var counts = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { (exact[$0] - Double(counts[$0])) > (exact[$1] - Double(counts[$1])) }
        var missing = total - counts.reduce(0, +)
        for index in order where missing > 0 {
            counts[index] += 1
            missing -= 1
        }
        return counts
    }

    /// The mixture of `members` with `weights`, with as many replicates as the smallest member; its
    /// ``Projection/model`` is ``/InflowModels/ModelID/ensemble(_:)`` of the members' error family.
    /// - Precondition: members share the grid; weights are non-negative with a positive sum.
    public static func combine(_ members: [Projection], weights: [Double]) -> Projection {
        precondition(!members.isEmpty && members.count == weights.count, "one weight per member")
        precondition(members.allSatisfy { $0.grid == members[0].grid }, "ensemble members must share a grid")
        let total = members.map(\.replicates).min()!
        let counts = allocation(weights: weights, total: total)
        let periods = members[0].periods
        var increments = Matrix(rows: periods, columns: total)
        var pool = Matrix(rows: periods, columns: total)
        var finalSizes: [Double] = []
        var column = 0
        for (member, count) in zip(members, counts) {
            for b in 0..<count {
                for k in 0..<periods {
                    increments[k, column] = member.increments[k, b]
                    pool[k, column] = member.poolRemaining[k, b]
                }
                finalSizes.append(member.finalSizes[b])
                column += 1
            }
        }
        return Projection(
            model: .ensemble(members[0].model.error), origin: members[0].origin, grid: members[0].grid, observedTotal: members[0].observedTotal,
            increments: increments, finalSizes: finalSizes, poolRemaining: pool,
            nonConvergedReplicates: zip(members, counts).reduce(0) { $0 + ($1.1 > 0 ? $1.0.nonConvergedReplicates : 0) },
            failedReplicates: zip(members, counts).reduce(0) { $0 + ($1.1 > 0 ? $1.0.failedReplicates : 0) },
            timeZone: members[0].timeZone)
    }
}
