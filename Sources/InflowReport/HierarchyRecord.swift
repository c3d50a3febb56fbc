import Foundation
import InflowAnalysis
import InflowHierarchy
import InflowProjection

extension SavedReport {
    /// The hierarchy of a keyed analysis in a saved report: its nodes, how the keys were pooled and how their
    /// forecasts were made coherent. The nodes' forecasts are in ``SavedReport/forecasts`` (role `key`, one
    /// `location` per node).
    public struct HierarchyRecord: Sendable, Equatable, Codable {
        /// One node: the total, a group, a key value of one column, or a key.
        public struct Node: Sendable, Equatable, Codable {
            /// The node's name, as in the forecasts' table.
            public var name: String
            /// `total`, `key`, `group:<column>` or `value:<column>`.
            public var level: String
            /// Its hub location: an ISO 3166-2 code for a province of the bundled gazetteer, else the slug of its name.
            public var location: String
            /// The keys it sums.
            public var keys: [String]
            /// A key's pooling factor averaged over the families (0: its own data decide its size; 1: the
            /// keys' common level does); `nil` for aggregates.
            public var poolingFactor: Double?
            /// Its share of the total's arrivals over the next 7 days (central 90%).
            public var shareNext7Days: IntervalRecord

            /// A node; the arguments are the properties of the same names.
            public init(name: String, level: String, location: String, keys: [String], poolingFactor: Double?,
                        shareNext7Days: IntervalRecord) {
                self.name = name
                self.level = level
                self.location = location
                self.keys = keys
                self.poolingFactor = poolingFactor
                self.shareNext7Days = shareNext7Days
            }
        }

        /// One family's pooled fit.
        public struct PooledFitRecord: Sendable, Equatable, Codable {
            /// The curve family.
            public var family: String
            /// The share of the joint samples it gave (its ensemble weight).
            public var share: Double
            /// The spread `sigma` of the keys' log sizes.
            public var sizeSpread: Double
            /// The keys' common size `exp(mu)`.
            public var commonSize: Double
            /// NB2's shared dispersion `theta`.
            public var theta: Double
            /// Whether the mode search converged.
            public var converged: Bool
            /// What had to be said about the fit.
            public var warnings: [String]
        }

        /// `bottom-up`, `conditioning` or `mint`.
        public var reconciliation: ReconciliationMethod
        /// The MinT covariance (`ols`, `wls-struct`, `shrink`) when MinT means were made.
        public var minTraceMethod: MinTraceMethod?
        /// The effective sample size of conditioning's weights.
        public var effectiveSampleSize: Double?
        /// The number of candidate samples conditioning drew from.
        public var candidates: Int
        /// The nodes, total first.
        public var nodes: [Node]
        /// The pooled fit of each family in the mixture.
        public var pooledFits: [PooledFitRecord]
        /// What had to be said about pooling and reconciliation.
        public var warnings: [String]

        /// The record of a hierarchy's analysis.
        public init(_ analysis: HierarchyAnalysis) {
            let forecast = analysis.forecast
            reconciliation = forecast.method
            minTraceMethod = forecast.minTrace?.method
            effectiveSampleSize = forecast.effectiveSampleSize
            candidates = forecast.candidateCount
            let bottomNames = analysis.hierarchy.bottomNames
            let shares = analysis.shares(overFirst: 7)
            nodes = analysis.hierarchy.nodes.enumerated().map { index, node in
                let level: String = switch node.level {
                case .total: "total"
                case .bottom: "key"
                case .group(let column): "group:\(column)"
                case .keyValue(let column): "value:\(column)"
                }
                let pooling: Double? = node.level == .bottom && node.bottom.count == 1
                    ? analysis.poolingFactor(key: node.bottom[0]) : nil
                return Node(name: node.name, level: level, location: analysis.locations[index],
                            keys: node.bottom.map { bottomNames[$0] }, poolingFactor: pooling,
                            shareNext7Days: IntervalRecord(shares[index], observed: 0))
            }
            pooledFits = zip(analysis.pooledFits, analysis.familyShares).map { fit, share in
                PooledFitRecord(family: fit.family.name, share: share, sizeSpread: fit.priorSD,
                                commonSize: exp(fit.priorMean), theta: fit.theta, converged: fit.converged,
                                warnings: fit.warnings)
            }
            warnings = analysis.warnings
        }

        enum CodingKeys: String, CodingKey {
            case reconciliation, minTraceMethod, effectiveSampleSize, candidates, nodes, pooledFits, warnings
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(reconciliation, forKey: .reconciliation)
            try container.encode(minTraceMethod, forKey: .minTraceMethod)
            try container.encode(effectiveSampleSize, forKey: .effectiveSampleSize)
            try container.encode(candidates, forKey: .candidates)
            try container.encode(nodes, forKey: .nodes)
            try container.encode(pooledFits, forKey: .pooledFits)
            try container.encode(warnings, forKey: .warnings)
        }
    }
}
