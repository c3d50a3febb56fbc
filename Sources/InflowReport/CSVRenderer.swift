import Foundation
import InflowProjection

/// Writes forecasts as CSV in the forecast-hub convention.
///
/// - ``hubTable(_:)`` follows the hub convention strictly: exactly the columns of
///   ``HubRow/header`` (`reference_date, target, horizon, location, output_type,
///   output_type_id, value`), one model per file. It holds the headline projection
///   (location: the main series) and the projection of every key (location: the key); every
///   row of one file therefore belongs to the headline model, as hub tools expect.
/// - ``modelTable(_:)`` holds every projection, the other models included, with a leading
///   `model` column (not part of the hub convention: drop it, or filter on it, before
///   handing the file to hub tools).
///
/// Fields are quoted when they contain a comma, a quote or a line break (RFC 4180, quotes
/// doubled); lines end in `\n`. Values are written in full precision (shortest form that reads
/// back exactly; whole numbers without a decimal point); not-a-number is `NA`.
public struct CSVRenderer: Sendable {
    public init() {}

    /// The strict hub table: headline and key forecasts, ``HubRow/header`` columns.
    public func hubTable(_ forecasts: [ForecastTable]) -> String {
        var lines = [HubRow.header.map(Self.field).joined(separator: ",")]
        for table in forecasts where table.role != .model {
            lines += table.hubRows().map { Self.fields($0).joined(separator: ",") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every forecast with a leading `model` column.
    public func modelTable(_ forecasts: [ForecastTable]) -> String {
        var lines = [(["model"] + HubRow.header).map(Self.field).joined(separator: ",")]
        for table in forecasts {
            lines += table.hubRows().map { ([Self.field(table.model)] + Self.fields($0)).joined(separator: ",") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func fields(_ row: HubRow) -> [String] {
        [field(row.referenceDate), field(row.target), String(row.horizon), field(row.location), field(row.outputType),
         field(row.outputTypeID), number(row.value)]
    }

    /// A text field, quoted when needed.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number in full precision.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NA" }
        if value.isInfinite { return value > 0 ? "Inf" : "-Inf" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
