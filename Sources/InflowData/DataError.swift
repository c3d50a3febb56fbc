import Foundation

/// A problem in an input file that stops it from being read, with where it is and what was expected.
///
/// The ``description`` has the compiler form `file:line:column: message`, so editors and terminals can
/// jump to the spot; parts that do not apply are left out (`file:line: message`, `file: message`).
/// The message says what was found and what was expected:
///
/// ```text
/// kbri.csv:7:1: "2026-13-45" is not a date; expected ISO 8601 such as 2026-01-17 or 2026-01-17T23:59
/// ```
///
/// Lines are 1-based physical lines of the file (a record whose quoted field spans several lines is
/// named by its first line). Columns are 1-based field indexes (the first field is column 1), except
/// for ``Kind-swift.enum/invalidUTF8``, whose column is the 1-based byte offset within the line.
public struct DataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for programs that react to it.
    public var kind: Kind
    /// The file as it is named in messages (the path given by the user, or a dataset's file name).
    public var file: String
    /// The 1-based line, or `nil` when the problem concerns the whole file (it cannot be opened).
    public var line: Int?
    /// The 1-based column (field index, or byte offset for invalid UTF-8), when one applies.
    public var column: Int?
    /// What was found and what was expected, as one sentence without the location.
    public var message: String
    /// For a missing column: which column, so callers can name the option in their words (the message ends with
    /// ``ColumnRole-swift.enum/namingSuffix``).
    public var columnRole: ColumnRole?

    /// An error.
    public init(_ kind: Kind, file: String, line: Int?, column: Int? = nil, message: String, columnRole: ColumnRole? = nil) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.columnRole = columnRole
    }

    /// The location prefix: `file:line:column`, `file:line` or `file`.
    public var location: String {
        DataError.location(file: file, line: line, column: column)
    }

    /// `file:line:column: message`.
    public var description: String { "\(location): \(message)" }

    static func location(file: String, line: Int?, column: Int?) -> String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}

extension DataError: LocalizedError {
    /// The ``description``, so that `localizedDescription` says what happened.
    public var errorDescription: String? { description }
}
