import Foundation

/// When a province's projected arrivals are expected: the date by which `fraction` of its arrivals over the
/// horizon have come ("half of the Mondulkiri arrivals of the next 30 days by 3 February"), median and 90%
/// range over replicates.
public struct ArrivalWindow: Sendable, Equatable, Codable {
    /// The province's ISO code.
    public let isoCode: String
    /// The fraction of the horizon's arrivals, such as 0.5.
    public let fraction: Double
    /// The median date.
    public let median: Date
    /// The 5% quantile of the date.
    public let lower: Date
    /// The 95% quantile of the date.
    public let upper: Date
    /// The horizon in days the fraction refers to.
    public let horizonDays: Int

    /// A window.
    public init(isoCode: String, fraction: Double, median: Date, lower: Date, upper: Date, horizonDays: Int) {
        self.isoCode = isoCode
        self.fraction = fraction
        self.median = median
        self.lower = lower
        self.upper = upper
        self.horizonDays = horizonDays
    }
}
