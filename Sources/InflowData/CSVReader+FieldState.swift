extension CSVReader {
    /// Where the scanner is within a record.
    enum FieldState: Sendable {
        /// Before the first byte of a record (blank lines and, before the header, comments are skipped here).
        case recordStart
        /// Right after a comma: the next byte decides whether the field is quoted.
        case fieldStart
        /// Inside a field that did not start with a quote.
        case unquoted
        /// Inside a quoted field.
        case quoted
        /// Just after a quote inside a quoted field: either the closing quote or the first of `""`.
        case quoteInQuoted
        /// Inside a comment line (before the header).
        case comment
    }
}
