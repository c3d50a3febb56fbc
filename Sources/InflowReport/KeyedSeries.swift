import InflowCore
import InflowModels
import InflowProjection

/// The series of one key (a province, a site) and its projection.
public struct KeyedSeries: Sendable {
    /// The observed series of the key.
    public var observed: InflowSeries
    /// Its projection.
    public var projection: Projection

    public init(observed: InflowSeries, projection: Projection) {
        self.observed = observed
        self.projection = projection
    }
}
