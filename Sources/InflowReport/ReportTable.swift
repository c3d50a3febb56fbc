/// A table of text cells: a header row and body rows of the same width.
public struct ReportTable: Sendable, Equatable, Codable {
    /// How a column's cells are aligned.
    public enum Alignment: String, Sendable, Codable {
        /// Aligned left (text).
        case left
        /// Aligned right (numbers).
        case right
    }

    /// A caption said before the table.
    public var caption: String?
    /// Column headings.
    public var header: [String]
    /// Alignment per column (numbers right-aligned); as many as ``header``.
    public var alignments: [Alignment]
    /// Body rows, each as wide as ``header``.
    public var rows: [[String]]

    /// A table; missing alignments are `left`, short rows are padded with empty cells.
    public init(caption: String? = nil, header: [String], alignments: [Alignment] = [], rows: [[String]]) {
        self.caption = caption
        self.header = header
        self.alignments = header.indices.map { $0 < alignments.count ? alignments[$0] : .left }
        self.rows = rows.map { row in header.indices.map { $0 < row.count ? row[$0] : "" } }
    }
}
