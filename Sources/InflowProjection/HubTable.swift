import Foundation

/// Rows in the forecast-hub table convention:
/// `reference_date, target, horizon, location, output_type, output_type_id, value`.
///
/// `reference_date` is the date of the last observation (local calendar date of the
/// series' frame), `horizon` the period number (1 = the rest of the last observed day
/// or the next day), `output_type` is `quantile` (with the level as `output_type_id`),
/// `median` or `mean` (empty id). Existing scoring tools (scoringutils, hubEvals) read it.
public struct HubRow: Sendable, Equatable, Codable {
    public let referenceDate: String
    public let target: String
    public let horizon: Int
    public let location: String
    public let outputType: String
    public let outputTypeID: String
    public let value: Double

    public init(referenceDate: String, target: String, horizon: Int, location: String, outputType: String,
                outputTypeID: String, value: Double) {
        self.referenceDate = referenceDate
        self.target = target
        self.horizon = horizon
        self.location = location
        self.outputType = outputType
        self.outputTypeID = outputTypeID
        self.value = value
    }

    /// The column names, in order.
    public static let header = ["reference_date", "target", "horizon", "location", "output_type", "output_type_id", "value"]
}

extension Projection {
    /// The projection as hub rows for every target it has, per period: mean, median and quantiles.
    /// - Parameters:
    ///   - location: the series' name (a province, a site, "national").
    ///   - timeZone: the frame in which the reference date is read.
    public func hubRows(location: String, timeZone: TimeZone = TimeZone(secondsFromGMT: 0)!) -> [HubRow] {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        let reference = formatter.string(from: origin.addingTimeInterval(grid.boundaries[0] * 86_400))
        var rows: [HubRow] = []
        for target in ProjectionTarget.allCases where target != .remainingPool || hasFinalSize {
            for (k, summary) in summaries(target).enumerated() {
                let horizon = k + 1
                rows.append(HubRow(referenceDate: reference, target: target.rawValue, horizon: horizon, location: location,
                                   outputType: "mean", outputTypeID: "", value: summary.mean))
                rows.append(HubRow(referenceDate: reference, target: target.rawValue, horizon: horizon, location: location,
                                   outputType: "median", outputTypeID: "", value: summary.median))
                for (level, value) in zip(summary.levels, summary.values) {
                    rows.append(HubRow(referenceDate: reference, target: target.rawValue, horizon: horizon,
                                       location: location, outputType: "quantile",
                                       outputTypeID: String(format: "%g", level), value: value))
                }
            }
        }
        return rows
    }
}
