import Foundation

extension ReportTable {
    /// The table as CSV: the header, then the rows, fields separated by commas and lines ending in `\n`; a
    /// field with a comma, a quote, a line break or leading or trailing spaces is quoted, its quotes doubled
    /// (RFC 4180). The caption is not written. Cells are written as they are: build the table from
    /// unformatted numbers (`String(value)`) when the file is meant for other tools.
    ///
    /// ```swift
    /// let table = ReportTable(header: ["model", "aicc"], rows: [["logistic", "123.4"]])
    /// try AtomicFileWriter().write(table.csv(), to: URL(fileURLWithPath: "models.csv"))
    /// ```
    /// - Complexity: O(total length of the cells).
    public func csv() -> String {
        ([header] + rows).map { $0.map(Self.csvField).joined(separator: ",") + "\n" }.joined()
    }

    /// One CSV field, quoted when it must be.
    static func csvField(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0.isNewline }
            || text.first?.isWhitespace == true || text.last?.isWhitespace == true
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
