import InflowCore
import InflowModels
import InflowProjection

/// One key's series (a province, a nationality, a site) fitted with the leading family of the total
/// and projected.
public struct KeyAnalysis: Sendable {
    /// The key's text: the values of the key columns joined with `" / "`.
    public let key: String
    /// Its series.
    public let series: InflowSeries
    /// Its fit.
    public let fit: CurveFit
    /// Its projection.
    public let projection: Projection

    /// A key's analysis.
    public init(key: String, series: InflowSeries, fit: CurveFit, projection: Projection) {
        self.key = key
        self.series = series
        self.fit = fit
        self.projection = projection
    }
}
