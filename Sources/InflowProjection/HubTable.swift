import Foundation
import InflowCore

/// One row of the forecast-hub table, in the hubverse model-output layout:
/// `reference_date, target, horizon, location, target_end_date, output_type, output_type_id, value`.
///
/// - `reference_date`: the last day with data, the local calendar day (in the series' time zone) in which the
///   last observation ends: the day of the last daily count, or the day of the last cumulative report.
/// - `target_end_date`: the local day a projected period covers (the day in which it ends), and
///   `horizon = target_end_date - reference_date` in days: 1 for the day after the reference date, 0 for the
///   rest of the reference day when the last report came during it (a report at 17:00).
/// - `target`: `day inc arrivals` (arrivals on the target day) or `day cum arrivals` (the cumulative total at its
///   end, in the data's own cumulative units).
/// - `location`: an ISO 3166-2 code for a province of the bundled gazetteer, otherwise the series' name as a
///   slug (`kbri-phnom-penh`).
/// - `output_type`: `mean` (empty id) or `quantile` with the level as `output_type_id` (the 23 hub levels;
///   the median is the 0.5 quantile, not a row of its own).
public struct HubRow: Sendable, Equatable, Codable {
    /// `reference_date`: the last local day with data (ISO 8601 date).
    public let referenceDate: String
    /// `target`: `day inc arrivals` or `day cum arrivals`.
    public let target: String
    /// `horizon`: days from the reference date to the target end date.
    public let horizon: Int
    /// `location`: an ISO 3166-2 code or the series' name as a slug.
    public let location: String
    /// `target_end_date`: the local day the projected period covers (ISO 8601 date).
    public let targetEndDate: String
    /// `output_type`: `mean` or `quantile`.
    public let outputType: String
    /// `output_type_id`: the quantile level, empty for the mean.
    public let outputTypeID: String
    /// `value`: the mean or the quantile, in full precision.
    public let value: Double

    /// A row; the arguments are the columns of the same names.
    public init(referenceDate: String, target: String, horizon: Int, location: String, targetEndDate: String,
                outputType: String, outputTypeID: String, value: Double) {
        self.referenceDate = referenceDate
        self.target = target
        self.horizon = horizon
        self.location = location
        self.targetEndDate = targetEndDate
        self.outputType = outputType
        self.outputTypeID = outputTypeID
        self.value = value
    }

    /// The column names, in order.
    public static let header = ["reference_date", "target", "horizon", "location", "target_end_date", "output_type",
                                "output_type_id", "value"]

    /// A hub location for a name that is not a code: lower case, letters and digits, runs of anything else as
    /// one hyphen (`KBRI Phnom Penh` -> `kbri-phnom-penh`, `region: West` -> `region-west`).
    public static func slug(_ name: String) -> String {
        var result = ""
        for character in name.lowercased() {
            if character.isLetter || character.isNumber {
                result.append(character)
            } else if !result.isEmpty && !result.hasSuffix("-") {
                result.append("-")
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "series" : result
    }
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
        ((leading.map { [$0.name] } ?? []) + HubRow.header).map(Self.field).joined(separator: ",") + "\n"
            + csvLines(leading: leading)
    }

    /// The CSV lines of the rows alone, without the header (for a table written in pieces, such as one key at a
    /// time in a sharded run).
    public func csvLines(leading: (name: String, values: [String])? = nil) -> String {
        precondition(leading.map { $0.values.count == rows.count } ?? true, "one leading value per row")
        var text = ""
        for (index, row) in rows.enumerated() {
            var cells = [Self.field(row.referenceDate), Self.field(row.target), String(row.horizon),
                         Self.field(row.location), Self.field(row.targetEndDate), Self.field(row.outputType),
                         Self.field(row.outputTypeID), Self.number(row.value)]
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
    /// The hub dates of the projection in `timeZone` (default: the projection's own, ``timeZone``): the reference
    /// day (the local day in which the last observation ends) and the day each period covers (the local day in
    /// which it ends).
    public func hubDays(timeZone: TimeZone? = nil) -> (reference: CivilDate, targets: [CivilDate]) {
        let timeZone = timeZone ?? self.timeZone
        // A period ending at midnight covers the day before it: the day of the instant one second earlier.
        func day(_ boundary: Double) -> CivilDate {
            TimeText.civil(origin.addingTimeInterval(boundary * 86_400 - 1), in: timeZone).date
        }
        return (day(grid.boundaries[0]), grid.boundaries.dropFirst().map(day))
    }

    /// The projection as hub rows (``HubRow``) for arrivals per period and the cumulative total (the remaining
    /// pool is not a figure that will be observed, so it is not a hub target): per period the mean and the 23
    /// quantiles.
    /// - Parameters:
    ///   - location: the hub location (an ISO 3166-2 code, or ``HubRow/slug(_:)`` of the series' name).
    ///   - timeZone: the frame in which the dates are read (default: the projection's own, ``timeZone``).
    public func hubRows(location: String, timeZone: TimeZone? = nil) -> [HubRow] {
        let (reference, targets) = hubDays(timeZone: timeZone)
        var rows: [HubRow] = []
        for target in [ProjectionTarget.incidence, .cumulative] {
            for (k, summary) in summaries(target).enumerated() {
                let horizon = targets[k].daysSinceEpoch - reference.daysSinceEpoch
                let row = { (type: String, id: String, value: Double) in
                    HubRow(referenceDate: reference.text, target: target.hubName, horizon: horizon, location: location,
                           targetEndDate: targets[k].text, outputType: type, outputTypeID: id, value: value)
                }
                rows.append(row("mean", "", summary.mean))
                for (level, value) in zip(summary.levels, summary.values) {
                    rows.append(row("quantile", HubRow.levelText(level), value))
                }
            }
        }
        return rows
    }
}

extension HubRow {
    /// A quantile level as `output_type_id`: `0.025`, `0.5`, `0.99` (the shortest decimal that reads back).
    public static func levelText(_ level: Double) -> String { "\(level)" }
}
