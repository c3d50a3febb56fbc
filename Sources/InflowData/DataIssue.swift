/// One problem found by ``DataCheck``: an error (the file cannot be loaded as it is) or a warning.
///
/// The ``description`` has the form `file:line:column: error: message` (or `warning:`).
public struct DataIssue: Sendable, Equatable, CustomStringConvertible {
    /// Whether the problem stops the file from loading.
    public var severity: Severity
    /// The file as it is named in messages.
    public var file: String
    /// The 1-based line, when one applies.
    public var line: Int?
    /// The 1-based column (field index, or byte offset in the line for invalid UTF-8), when one applies.
    public var column: Int?
    /// What was found and what was expected (or done).
    public var message: String
    /// The kind of the error or of the warning, when the issue is one of the loader's.
    public var errorKind: DataError.Kind?
    /// The kind of the warning, when the issue is one of the loader's warnings.
    public var warningKind: DataWarning.Kind?
    /// For a missing column, which one (``DataError/columnRole``).
    public var columnRole: DataError.ColumnRole?

    /// An issue.
    public init(severity: Severity, file: String, line: Int?, column: Int?, message: String,
                errorKind: DataError.Kind? = nil, warningKind: DataWarning.Kind? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.errorKind = errorKind
        self.warningKind = warningKind
    }

    /// The issue of an error.
    public init(_ error: DataError) {
        self.init(severity: .error, file: error.file, line: error.line, column: error.column, message: error.message,
                  errorKind: error.kind)
        columnRole = error.columnRole
    }

    /// The issue of a warning.
    public init(_ warning: DataWarning) {
        self.init(severity: .warning, file: warning.file, line: warning.line, column: warning.column,
                  message: warning.message, warningKind: warning.kind)
    }

    /// `file:line:column: severity: message`.
    public var description: String {
        "\(DataError.location(file: file, line: line, column: column)): \(severity.rawValue): \(message)"
    }
}
