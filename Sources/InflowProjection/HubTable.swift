import Foundation
import InflowCore

/// One row of the forecast-hub table:
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

/// The forecast-hub table as CSV: the one writer of hub rows (the command line's `--format csv`, the
/// report's CSV and the forecast archive all use it).
///
/// Fields are quoted when they contain a comma, a quote or a line break (RFC 4180, quotes doubled);
/// lines end in `\n`. Values are written in full precision: whole numbers below 10^15 without a
/// decimal point, others in the shortest form that reads back to the same `Double`; not-a-number is
/// `NA`. An optional leading column (such as `model`) can be added to every row.
public struct HubTable: Sendable, Equatable {
    /// The rows, in order.
    public var rows: [HubRow]

    /// A table of `rows`.
    public init(rows: [HubRow] = []) {
        self.rows = rows
    }

    /// The CSV text: a header line, then one line per row.
    /// - Parameter leading: a leading column's name and one value per row (e.g. `model`).
    public func csv(leading: (name: String, values: [String])? = nil) -> String {
        precondition(leading.map { $0.values.count == rows.count } ?? true, "one leading value per row")
        var text = ((leading.map { [$0.name] } ?? []) + HubRow.header).map(Self.field).joined(separator: ",") + "\n"
        for (index, row) in rows.enumerated() {
            var cells = [Self.field(row.referenceDate), Self.field(row.target), String(row.horizon),
                         Self.field(row.location), Self.field(row.outputType), Self.field(row.outputTypeID),
                         Self.number(row.value)]
            if let leading { cells.insert(Self.field(leading.values[index]), at: 0) }
            text += cells.joined(separator: ",") + "\n"
        }
        return text
    }

    /// A text field, quoted when needed.
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number in full precision: `2323`, `2323.25`, `NA`.
    public static func number(_ value: Double) -> String {
        if value.isNaN { return "NA" }
        if value.isInfinite { return value > 0 ? "Inf" : "-Inf" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

extension Projection {
    /// The projection as hub rows for arrivals per period and the cumulative total (the remaining pool is not a
    /// figure that will be observed, so it is not a hub target), per period: mean, median and quantiles.
    /// - Parameters:
    ///   - location: the series' name (a province, a site, "national").
    ///   - timeZone: the frame in which the reference date is read.
    public func hubRows(location: String, timeZone: TimeZone = TimeZone(secondsFromGMT: 0)!) -> [HubRow] {
        let reference = TimeText.text(origin.addingTimeInterval(grid.boundaries[0] * 86_400), in: timeZone, dateOnly: true)
        var rows: [HubRow] = []
        for target in [ProjectionTarget.incidence, .cumulative] {
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
