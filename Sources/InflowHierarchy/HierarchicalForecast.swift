import InflowLinearAlgebra
import InflowModels
import InflowProjection

/// Coherent forecasts of every node of a hierarchy: one ``/InflowProjection/Projection`` per node whose
/// replicate `b` is the sum of its keys' replicate `b`, so in every replicate the total equals the sum of the
/// keys, and every quantile of every node comes from the same joint samples. Counts are whole and
/// non-negative because each key's are.
public struct HierarchicalForecast: Sendable {
    /// The hierarchy.
    public let hierarchy: Hierarchy
    /// How the samples were made coherent.
    public let method: ReconciliationMethod
    /// One projection per node, in ``Hierarchy/nodes`` order.
    public let projections: [Projection]
    /// With ``ReconciliationMethod/conditioning``: the effective number of the keys' candidate samples behind
    /// the resampled ones (`1 / sum w^2`).
    public let effectiveSampleSize: Double?
    /// How many joint samples of the keys were drawn (with conditioning, the candidates it resampled from).
    public let candidateCount: Int
    /// With ``ReconciliationMethod/mint``: each node's MinT-reconciled mean arrivals per period.
    public let minTraceMeans: [[Double]]?
    /// With ``ReconciliationMethod/mint``: the MinT reconciliation used.
    public let minTrace: MinTrace?
    /// What had to be said.
    public let warnings: [String]

    /// A hierarchical forecast.
    public init(hierarchy: Hierarchy, method: ReconciliationMethod, projections: [Projection],
                effectiveSampleSize: Double? = nil, candidateCount: Int, minTraceMeans: [[Double]]? = nil,
                minTrace: MinTrace? = nil, warnings: [String] = []) {
        precondition(projections.count == hierarchy.nodes.count, "one projection per node")
        self.hierarchy = hierarchy
        self.method = method
        self.projections = projections
        self.effectiveSampleSize = effectiveSampleSize
        self.candidateCount = candidateCount
        self.minTraceMeans = minTraceMeans
        self.minTrace = minTrace
        self.warnings = warnings
    }

    /// The projection of the node called `name`.
    public func projection(named name: String) -> Projection? {
        hierarchy.nodes.firstIndex { $0.name == name }.map { projections[$0] }
    }

    /// The total's projection.
    public var total: Projection { projections[0] }

    /// The model identity every node's samples carry.
    public static let model = ModelID(family: "reconciled", error: .negativeBinomial)
}
