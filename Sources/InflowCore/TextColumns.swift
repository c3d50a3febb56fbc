/// Rows of text cells laid out as aligned columns, for the descriptions of results (a series' figures, a fit's
/// residuals): the first `leftAligned` columns padded on the right, the others on the left, two spaces between.
package enum TextColumns {
    /// The rows as lines of aligned columns; rows shorter than the widest are padded with empty cells.
    /// - Complexity: O(total characters).
    package static func aligned(_ rows: [[String]], leftAligned: Int = 1, indent: String = "") -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            let cells = (0..<columns).map { column -> String in
                let cell = column < row.count ? row[column] : ""
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column < leftAligned ? cell + padding : padding + cell
            }
            var line = indent + cells.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The indices of the rows a short table shows of `count`: all of them up to `limit`, else the first and last
    /// `shown` with `nil` between them for the rows left out.
    /// - Complexity: O(limit).
    package static func shownRows(_ count: Int, limit: Int = 12, shown: Int = 5) -> [Int?] {
        guard count > limit else { return Array(0..<count) }
        return Array(0..<shown) + [nil] + Array((count - shown)..<count)
    }
}
