import InflowCore
import InflowHierarchy
import InflowProjection
import InflowStatistics

/// The keys of a long-format file as a hierarchy: the keys fitted together with partial pooling, their joint
/// samples made coherent with the total's forecast, and a forecast of every node (total, groups, keys) from the
/// same samples. Made by ``Analysis/run(_:options:progress:)`` when the data have key columns.
public struct HierarchyAnalysis: Sendable {
    /// The summing structure.
    public let hierarchy: Hierarchy
    /// Each key's observed series, in ``/InflowHierarchy/Hierarchy/bottomNames`` order.
    public let keySeries: [InflowSeries]
    /// The pooled fit of each family in the mixture, and the share of the samples each gave.
    public let pooledFits: [PooledFit]
    /// The share of the joint samples each pooled fit gave, in the order of ``pooledFits``.
    public let familyShares: [Double]
    /// Every node's coherent forecast.
    public let forecast: HierarchicalForecast
    /// Each node's location in hub tables: the ISO 3166-2 code of a key that is a province of the bundled
    /// gazetteer, the node's name otherwise.
    public let locations: [String]
    /// What had to be said about the pooled fits and the reconciliation.
    public let warnings: [String]

    /// A hierarchy's analysis.
    public init(hierarchy: Hierarchy, keySeries: [InflowSeries], pooledFits: [PooledFit], familyShares: [Double],
                forecast: HierarchicalForecast, locations: [String], warnings: [String]) {
        self.hierarchy = hierarchy
        self.keySeries = keySeries
        self.pooledFits = pooledFits
        self.familyShares = familyShares
        self.forecast = forecast
        self.locations = locations
        self.warnings = warnings
    }

    /// Key `k`'s pooling factor averaged over the mixture's families by their shares: 0 when its own data decide
    /// its size, 1 when the keys' common level does.
    public func poolingFactor(key k: Int) -> Double {
        zip(pooledFits, familyShares).reduce(0) { $0 + $1.1 * $1.0.poolingFactors[k] }
    }

    /// Each node's share of the total's arrivals over the first `days` periods, per replicate (replicates where
    /// the total has none are left out).
    public func shares(overFirst days: Int, levels: [Double] = Quantiles.forecastHubLevels) -> [QuantileSummary] {
        let total = forecast.total
        let count = min(days, total.periods)
        let totals = (0..<total.replicates).map { b in (0..<count).reduce(0.0) { $0 + total.increments[$1, b] } }
        return forecast.projections.map { projection in
            let shares = (0..<projection.replicates).compactMap { b -> Double? in
                guard totals[b] > 0 else { return nil }
                return (0..<count).reduce(0.0) { $0 + projection.increments[$1, b] } / totals[b]
            }
            return QuantileSummary(sample: shares.isEmpty ? [0] : shares, levels: levels)
        }
    }
}
