import Foundation
import InflowModels
import InflowStatistics

/// The travel delay's distribution on a grid of ``DelayPrior`` nodes: the prior weights alone when no
/// province-level count was seen, the prior times the counts' likelihood otherwise.
public struct DelayPosterior: Sendable {
    /// The grid nodes.
    public let nodes: [TravelDelay]
    /// Their normalised weights (summing to 1).
    public let weights: [Double]
    /// For each node, the index of the national fit made with its `a` (``ProvincialFit/fits``).
    public let fitIndexes: [Int]
    /// Whether province-level counts entered the weights (else only the prior and the national counts did).
    public let isInformedByCounts: Bool

    /// A posterior from nodes and unnormalised log weights; `fitIndexes` default to 0.
    /// - Precondition: at least one node and one finite log weight.
    public init(nodes: [TravelDelay], logWeights: [Double], fitIndexes: [Int]? = nil, isInformedByCounts: Bool) {
        precondition(!nodes.isEmpty && nodes.count == logWeights.count)
        self.fitIndexes = fitIndexes ?? Array(repeating: 0, count: nodes.count)
        let top = logWeights.filter(\.isFinite).max() ?? 0
        let raw = logWeights.map { $0.isFinite ? exp($0 - top) : 0 }
        let total = raw.reduce(0, +)
        self.nodes = nodes
        self.weights = total > 0 ? raw.map { $0 / total } : Array(repeating: 1 / Double(nodes.count), count: nodes.count)
        self.isInformedByCounts = isInformedByCounts
    }

    /// The index of the node of largest weight.
    public var modeIndex: Int { weights.indices.max { weights[$0] < weights[$1] }! }

    /// The node of largest weight.
    public var mode: TravelDelay { nodes[modeIndex] }

    /// The index of the node whose cumulative weight first reaches `u` in `[0, 1)` (inverse-CDF draw). O(nodes).
    public func index(at u: Double) -> Int {
        var cumulative = 0.0
        for index in weights.indices {
            cumulative += weights[index]
            if u < cumulative { return index }
        }
        return nodes.count - 1
    }

    /// The node whose cumulative weight first reaches `u` in `[0, 1)`.
    public func node(at u: Double) -> TravelDelay { nodes[index(at: u)] }

    /// Weighted quantiles of the mean delay from `kilometres` away, such as the median and 90% range.
    public func meanDelayQuantiles(kilometres: Double, levels: [Double]) -> [Double] {
        let pairs = zip(nodes.map { $0.meanDays(kilometres: kilometres) }, weights).sorted { $0.0 < $1.0 }
        return levels.map { level in
            var cumulative = 0.0
            for pair in pairs {
                cumulative += pair.1
                if cumulative >= level { return pair.0 }
            }
            return pairs.last?.0 ?? .nan
        }
    }

    /// Weighted mean of `a` (days lost before travelling).
    public var meanFixedDays: Double { zip(nodes, weights).reduce(0) { $0 + $1.0.fixedDays * $1.1 } }
    /// Weighted mean of `v` (kilometres a day).
    public var meanKilometresPerDay: Double { zip(nodes, weights).reduce(0) { $0 + $1.0.kilometresPerDay * $1.1 } }

    /// The effective number of grid nodes, `1 / sum w_i^2` (the grid's size under the prior's flat weights,
    /// 1 when the counts pin the delay to one node).
    public var effectiveNodes: Double { 1 / weights.reduce(0) { $0 + $1 * $1 } }
}
