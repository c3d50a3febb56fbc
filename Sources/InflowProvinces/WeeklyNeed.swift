import Foundation
import InflowProjection

/// One row of the weekly needs table: arrivals expected from a province in one week, with 50% and 90%
/// intervals, for planning transport, shelter and travel documents.
public struct WeeklyNeed: Sendable, Equatable, Codable {
    /// The quantile levels kept: the 90% and 50% central intervals and the median.
    public static let levels = [0.05, 0.25, 0.5, 0.75, 0.95]

    /// The province's ISO code.
    public let isoCode: String
    /// The province's name.
    public let province: String
    /// The week number, 1 for the first projected week.
    public let week: Int
    /// An instant in the week's first calendar day: the end of its first projected period minus one second.
    public let firstDay: Date
    /// An instant in the week's last calendar day: the end of its last projected period minus one second.
    public let lastDay: Date
    /// Projected periods (days) in the week: 7, or fewer for the last.
    public let days: Int
    /// Arrivals from the province that week, summarised over replicates.
    public let arrivals: QuantileSummary

    /// A row.
    public init(isoCode: String, province: String, week: Int, firstDay: Date, lastDay: Date, days: Int,
                arrivals: QuantileSummary) {
        self.isoCode = isoCode
        self.province = province
        self.week = week
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.days = days
        self.arrivals = arrivals
    }
}
