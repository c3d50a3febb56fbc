import Foundation
import Inflow

/// The headline projection (and per-key projections) as forecast-hub CSV.
enum HubCSV {
    static func render(_ analysis: Analysis, timeZone: TimeZone) -> String {
        var rows = analysis.headline.hubRows(location: analysis.series.name, timeZone: timeZone)
        for (key, _, projection) in analysis.keyProjections {
            rows += projection.hubRows(location: key, timeZone: timeZone)
        }
        var text = HubRow.header.joined(separator: ",") + "\n"
        for row in rows {
            let cells = [row.referenceDate, row.target, String(row.horizon), row.location, row.outputType,
                         row.outputTypeID, String(format: "%.6g", row.value)]
            text += cells.map(csvField).joined(separator: ",") + "\n"
        }
        return text
    }

    /// Quotes a field when it holds a comma, quote or line break (RFC 4180).
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
