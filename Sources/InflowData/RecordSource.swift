/// Where a load session reads its records from: a ``CSVReader`` over a file or text, or the records of one key
/// already read (``KeyGroupReader``), with their original line numbers, so that every error still names the
/// file's line.
protocol RecordSource: AnyObject {
    /// The input as named in messages.
    var name: String { get }
    /// The comment lines before the header, and their line numbers.
    var comments: [String] { get }
    var commentLines: [Int] { get }
    /// Problems repaired so far (recovering readers only).
    var recoveredErrors: [DataError] { get }
    /// Hands over the repaired problems and forgets them.
    func removeRecoveredErrors() -> [DataError]
    /// The header record.
    func readHeader() throws -> CSVRecord
    /// The next record, or `nil` at the end.
    func next() throws -> CSVRecord?
    /// The next record's fields into `fields`; its line, or `nil` at the end.
    func readRecord(into fields: inout [String]) throws -> Int?
}

extension CSVReader: RecordSource {}

/// Records held in memory: a header, the comments before it, and rows with the lines they came from.
final class BufferedRecords: RecordSource {
    let name: String
    let comments: [String]
    let commentLines: [Int]
    let recoveredErrors: [DataError] = []
    private let header: CSVRecord
    private var records: [CSVRecord]
    private var position = 0

    init(name: String, header: CSVRecord, comments: [String], commentLines: [Int], records: [CSVRecord]) {
        self.name = name
        self.header = header
        self.comments = comments
        self.commentLines = commentLines
        self.records = records
    }

    func removeRecoveredErrors() -> [DataError] { [] }

    func readHeader() throws -> CSVRecord { header }

    func next() throws -> CSVRecord? {
        guard position < records.count else { return nil }
        defer {
            records[position] = CSVRecord(line: records[position].line, fields: [])   // free the row once read
            position += 1
        }
        return records[position]
    }

    func readRecord(into fields: inout [String]) throws -> Int? {
        guard let record = try next() else { return nil }
        fields = record.fields
        return record.line
    }
}
