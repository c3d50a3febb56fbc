import Foundation

/// The CSV text of tidy tables (RFC 4180): numbers in full precision (Swift's shortest representation that reads
/// back as the same double: `0.9`, `2225.5498547647571`, `8.69e-08`), an empty field for a missing value, text quoted when it holds a comma, quote or line break.
/// Package-visible so every tidy table (fits here, projections in `InflowProjection`) writes the same CSV.
package enum CSVText {
    /// A number field; empty for `nil` or a value that is not finite.
    package static func field(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return "\(value)"
    }

    /// A text field, quoted when needed.
    package static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Header and rows, one line each, ending with a line break.
    package static func table(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.joined(separator: ",") + "\n" }.joined()
    }
}
