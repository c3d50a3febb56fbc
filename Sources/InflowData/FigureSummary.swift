import InflowCore

/// What the figures of a file are, by ``/InflowCore/FigureKind``: how many rows of each kind, and the rows that are not
/// exact (for `inflow check`).
///
/// ```text
/// figures: 8 exact, 1 lower_bound, 1 partial_day
///   line 10: 2026-01-23T17:00, 164 (partial_day)
///   line 11: 2026-01-26T12:00, 3,100 (lower_bound)
/// ```
public struct FigureSummary: Sendable, Equatable {
    /// The figure-kind column read (``LoadOptions/kindColumn`` or a column named `kind` or `figure_kind`).
    public var kindColumn: String
    /// Rows with a value, by kind (every ``/InflowCore/FigureKind`` present, zero when none).
    public var counts: [FigureKind: Int]
    /// The rows that are not exact, in line order: at most ``listedRows``.
    public var inexactRows: [Row]
    /// Inexact rows beyond ``listedRows``, counted but not listed.
    public var omittedRows: Int

    /// At most this many inexact rows are listed.
    public static let listedRows = 50

    /// A summary.
    public init(kindColumn: String, counts: [FigureKind: Int], inexactRows: [Row], omittedRows: Int = 0) {
        self.kindColumn = kindColumn
        self.counts = counts
        self.inexactRows = inexactRows
        self.omittedRows = omittedRows
    }

    /// `figures: 8 exact, 1 lower_bound, 1 partial_day`: the exact count, then every other kind present, in the
    /// documented order.
    public var countsLine: String {
        let parts = FigureKind.allCases.compactMap { kind -> String? in
            let count = counts[kind] ?? 0
            return kind == .exact || count > 0 ? "\(NumberText.grouped(Double(count))) \(kind.rawValue)" : nil
        }
        return "figures: " + parts.joined(separator: ", ")
    }

    /// The counts line, then one indented line per inexact row (and how many more were not listed).
    public var lines: [String] {
        var result = [countsLine]
        result += inexactRows.map { "  " + $0.description }
        if omittedRows > 0 { result.append("  and \(NumberText.grouped(Double(omittedRows))) more") }
        return result
    }
}
