import Foundation

/// The rows of one key gathered while reading: one entry per distinct time.
final class KeyAccumulator {
    /// One distinct time of a key.
    struct Entry {
        /// The value (the sum, for repeated counts); `nil` when missing.
        var value: Double?
        /// The line of the first row with this time.
        var line: Int
        /// Whether the time was written as a date without a clock time.
        var dateOnly: Bool
        /// The calendar day written (days since 1970-01-01), for dates.
        var day: Int
    }

    /// The series name: the key values joined with " / ".
    let name: String
    /// The key values, one per key column.
    let keyValues: [String]
    /// The value of each group column (the same on every row of the key), and the line that set it.
    var groupValues: [String] = []
    var groupLine = 0
    /// Entries by time.
    var entries: [Date: Entry] = [:]
    /// The latest time and its line so far, to notice rows out of time order.
    var latest: (date: Date, line: Int)?

    init(name: String, keyValues: [String] = []) {
        self.name = name
        self.keyValues = keyValues
    }

    /// The entries in time order.
    func sorted() -> [(date: Date, entry: Entry)] {
        entries.map { (date: $0.key, entry: $0.value) }.sorted { $0.date < $1.date }
    }
}
