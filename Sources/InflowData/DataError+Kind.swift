extension DataError {
    /// The kinds of problem that stop a file from being read.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The file cannot be opened or read.
        case unreadableFile
        /// The file has no bytes at all.
        case emptyFile
        /// The file has comments or blank lines but no header row.
        case missingHeader
        /// The header has no rows after it.
        case noRows
        /// A column the options name (or that auto-detection looks for) is not in the header.
        case missingColumn
        /// Two header fields have the same name.
        case duplicateColumn
        /// A time field is not an ISO 8601 date or date-time (or not a number of days).
        case invalidTime
        /// A value field is not a number.
        case invalidNumber
        /// A count or cumulative total is below zero.
        case negativeValue
        /// Two rows of cumulative totals or levels have the same time (and key).
        case duplicateTime
        /// A time lies after "now".
        case futureTime
        /// A byte sequence is not valid UTF-8.
        case invalidUTF8
        /// A row has more or fewer fields than the header.
        case fieldCount
        /// A quoted field is still open at the end of the file.
        case unclosedQuote
        /// A character follows a closing quote where a comma or line end belongs.
        case misplacedQuote
        /// A directive comment (`# @background: 20..25`) is not one this reader knows, or its value is invalid.
        case invalidDirective
        /// A key has two different values in a group column.
        case inconsistentGroup
        /// A count or cumulative total is above ``LoadOptions/maximumValue``.
        case implausibleValue
        /// A time lies so far from the file's other times that the file spans more than
        /// ``LoadOptions/maximumSpanDays``, or before the origin its cumulative totals count from.
        case implausibleTime
        /// A province field names no province of the gazetteer (by name or ISO 3166-2:KH code), or is empty.
        case unknownProvince
        /// A province is on two rows of a file that takes one row per province (a shares or releases file).
        case duplicateProvince
        /// A prior share is not a finite number of at least 0, or every share of the file is 0.
        case invalidShare
        /// A Dirichlet concentration is not a finite number above 0, or differs between rows of one file.
        case invalidConcentration
        /// The rows of a key resume after another key's in a file read one key at a time (a sharded run).
        case unsortedRows
        /// A figure-kind field is not one of `exact`, `lower_bound`, `upper_bound`, `partial_day` (or empty), or the
        /// kind does not fit its row: a `partial_day` without a time of day, a bound in a level series, a bound
        /// without a value.
        case invalidFigureKind
    }
}
