import Foundation
import InflowModels

/// What is assumed about the travel delay before any province-level count is seen: independent log-normal
/// priors on the days lost before travelling `a` and the kilometres a day `v` of ``/InflowModels/TravelDelay``, centred on
/// ``median``, with the shape held at the median's.
///
///     log a ~ Normal(log a_0, sigma_a^2),   log v ~ Normal(log v_0, sigma_v^2)
///
/// The posterior is computed on a grid (``grid(nodesPerAxis:)``): `nodesPerAxis^2` nodes evenly spaced in
/// `log a` and `log v` over ±``gridHalfWidth`` prior standard deviations, each weighted by its prior density.
public struct DelayPrior: Sendable, Hashable {
    /// The prior medians (and the shape in force).
    public var median: TravelDelay
    /// `sigma_a`, the prior standard deviation of `log a`.
    public var fixedDaysLogSD: Double
    /// `sigma_v`, the prior standard deviation of `log v`.
    public var speedLogSD: Double

    /// Half the width of the grid in prior standard deviations.
    public static let gridHalfWidth = 3.0
    /// Grid nodes per axis by default (31 x 31 = 961 nodes, 0.2 prior standard deviations apart).
    public static let defaultNodesPerAxis = 31
    /// Nodes of the `a` axis the national fit is profiled over (each needs one national fit).
    public static let fixedDaysNodes = 9

    /// The planning default: medians of ``/InflowModels/TravelDelay/planningDefault`` (1 day, 250 km a day, shape 4);
    /// `sigma_a = 0.5` (a 90% prior range of 0.44 to 2.3 days) and `sigma_v = 0.4` (130 to 480 km a day).
    public static let planningDefault = DelayPrior(median: .planningDefault, fixedDaysLogSD: 0.5, speedLogSD: 0.4)

    /// A prior.
    public init(median: TravelDelay, fixedDaysLogSD: Double, speedLogSD: Double) {
        self.median = median
        self.fixedDaysLogSD = fixedDaysLogSD
        self.speedLogSD = speedLogSD
    }

    /// A delay known exactly (`a` and `v` given): a one-node grid.
    public static func known(_ delay: TravelDelay) -> DelayPrior {
        DelayPrior(median: delay, fixedDaysLogSD: 0, speedLogSD: 0)
    }

    /// Values of `a` evenly spaced in `log a` over ±``gridHalfWidth`` prior standard deviations, with their log
    /// prior weights (one node when `sigma_a` is 0).
    public func fixedDaysAxis(nodes: Int = fixedDaysNodes) -> [(value: Double, logPrior: Double)] {
        Self.axis(median: median.fixedDays, sd: fixedDaysLogSD, nodes: nodes)
    }

    /// Values of `v` evenly spaced in `log v` over ±``gridHalfWidth`` prior standard deviations, with their log
    /// prior weights (one node when `sigma_v` is 0).
    public func speedAxis(nodes: Int = defaultNodesPerAxis) -> [(value: Double, logPrior: Double)] {
        Self.axis(median: median.kilometresPerDay, sd: speedLogSD, nodes: nodes)
    }

    static func axis(median: Double, sd: Double, nodes: Int) -> [(value: Double, logPrior: Double)] {
        guard sd > 0, nodes > 1 else { return [(median, 0)] }
        return (0..<nodes).map {
            let z = -gridHalfWidth + 2 * gridHalfWidth * Double($0) / Double(nodes - 1)
            return (median * exp(z * sd), -0.5 * z * z)
        }
    }

    /// The grid nodes and their log prior weights (up to a constant). One node when both deviations are 0.
    /// - Complexity: O(nodesPerAxis^2).
    public func grid(nodesPerAxis: Int = defaultNodesPerAxis) -> [(delay: TravelDelay, logPrior: Double)] {
        func axis(_ sd: Double) -> [Double] {
            guard sd > 0, nodesPerAxis > 1 else { return [0] }
            return (0..<nodesPerAxis).map { -Self.gridHalfWidth + 2 * Self.gridHalfWidth * Double($0) / Double(nodesPerAxis - 1) }
        }
        var nodes: [(TravelDelay, Double)] = []
        for za in axis(fixedDaysLogSD) {
            for zv in axis(speedLogSD) {
                let delay = TravelDelay(fixedDays: median.fixedDays * exp(za * fixedDaysLogSD),
                                        kilometresPerDay: median.kilometresPerDay * exp(zv * speedLogSD),
                                        shape: median.shape)
                nodes.append((delay, -0.5 * (za * za + zv * zv)))
            }
        }
        return nodes
    }
}
