/// Something odd in an input file that does not stop it from being read: the loader says what it did.
///
/// The ``description`` has the form `file:line:column: warning: message`.
public struct DataWarning: Sendable, Equatable, CustomStringConvertible {
    /// What it was, for programs that react to it.
    public var kind: Kind
    /// The file as it is named in messages.
    public var file: String
    /// The 1-based line of the row concerned.
    public var line: Int?
    /// The 1-based column (field index) concerned, when one applies.
    public var column: Int?
    /// What was found and what was done about it.
    public var message: String

    /// A warning.
    public init(_ kind: Kind, file: String, line: Int?, column: Int? = nil, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// The advice that ends a ``Kind-swift.enum/timesReadAsUTC`` warning, in library words, for callers that give
    /// their own (a command line's option).
    public static let timeZoneAdvice = "set LoadOptions.timeZone to the time zone of the figures' clock (to UTC if they are UTC)"

    /// `file:line:column: warning: message`.
    public var description: String {
        "\(DataError.location(file: file, line: line, column: column)): warning: \(message)"
    }
}
