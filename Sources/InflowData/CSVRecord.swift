/// One record of a CSV file: its fields and where it starts.
///
/// Fields are addressed by 1-based column (field index), the way error messages name them:
/// `record[column: 1]` is the first field.
public struct CSVRecord: Sendable, Equatable {
    /// The 1-based line on which the record starts. A record whose quoted field holds line
    /// breaks spans several lines and is named by the first.
    public var line: Int
    /// The field values, unquoted (`""` inside quotes read as one `"`), untrimmed.
    public var fields: [String]

    /// A record.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }

    /// Number of fields.
    public var count: Int { fields.count }

    /// The field in the 1-based `column`.
    /// - Precondition: `1 <= column <= count`.
    public subscript(column column: Int) -> String {
        precondition(column >= 1 && column <= fields.count, "CSV column \(column) is out of range 1...\(fields.count)")
        return fields[column - 1]
    }

    /// The fields with their 1-based columns.
    public var columns: [(column: Int, value: String)] {
        fields.enumerated().map { (column: $0.offset + 1, value: $0.element) }
    }
}
