import InflowCore
import InflowModels
import InflowProjection

/// One node of a hierarchy of keys (the total, a group such as a region, a province) and its coherent
/// projection.
public struct KeyedSeries: Sendable {
    /// The node's observed series (`nil` for a group, whose series is not charted).
    public var observed: InflowSeries?
    /// Its projection (replicate `b` of every node comes from the same joint sample).
    public var projection: Projection
    /// The node's hub location: an ISO 3166-2 code for a province of the gazetteer, else the slug of its name.
    public var location: String
    /// `total`, `group` or `key`.
    public var level: String
    /// How much the key's size was pulled towards the keys' common level (0 not at all, 1 wholly); `nil` for
    /// aggregates.
    public var poolingFactor: Double?
    /// Its share of the total's arrivals in the next 7 days.
    public var share: QuantileSummary?
    /// Its MinT-reconciled mean arrivals per period, when MinT was asked for.
    public var minTraceMeans: [Double]?

    /// A key's series; the arguments are the properties of the same names.
    public init(observed: InflowSeries?, projection: Projection, location: String? = nil, level: String = "key",
                poolingFactor: Double? = nil, share: QuantileSummary? = nil, minTraceMeans: [Double]? = nil) {
        self.observed = observed
        self.projection = projection
        self.location = location ?? HubRow.slug(observed?.name ?? "key")
        self.level = level
        self.poolingFactor = poolingFactor
        self.share = share
        self.minTraceMeans = minTraceMeans
    }
}
