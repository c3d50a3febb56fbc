import Foundation
import InflowCore

/// The rows of one key gathered while reading: one entry per distinct time.
final class KeyAccumulator {
    /// One distinct time of a key.
    struct Entry {
        // Declared widest first, so an entry takes 32 bytes (40 with its time).
        /// The line of the first row with this time.
        var line: Int
        /// The calendar day written (days since 1970-01-01), for dates.
        var day: Int
        /// The value (the sum, for repeated counts); `nil` when missing.
        var value: Double?
        /// Whether the time was written as a date without a clock time.
        var dateOnly: Bool
        /// What the figure is (exact without a kind column); for repeated counts, the kind of their sum.
        var figure: FigureKind

        init(value: Double?, line: Int, dateOnly: Bool, day: Int, figure: FigureKind = .exact) {
            self.line = line
            self.day = day
            self.value = value
            self.dateOnly = dateOnly
            self.figure = figure
        }
    }

    /// The series name: the key values joined with " / ".
    let name: String
    /// The key values, one per key column.
    let keyValues: [String]
    /// The value of each group column (the same on every row of the key), and the line that set it.
    var groupValues: [String] = []
    var groupLine = 0
    /// Entries in time order, one per time: a file in time order only appends; a row out of order is found
    /// or inserted by binary search. About 40 bytes per (key, time), whatever the number of rows.
    var rows: [(date: Date, entry: Entry)] = []
    /// The latest time and its line so far, to notice rows out of time order.
    var latest: (date: Date, line: Int)?

    init(name: String, keyValues: [String] = []) {
        self.name = name
        self.keyValues = keyValues
    }

    /// The entries in time order.
    func sorted() -> [(date: Date, entry: Entry)] { rows }

    /// Where `date` is, or would be inserted, in ``rows``, and whether it is there.
    /// - Complexity: O(1) when `date` is after every row, O(log n) otherwise.
    func position(of date: Date) -> (index: Int, found: Bool) {
        guard let last = rows.last, date <= last.date else { return (rows.count, false) }
        var low = 0, high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if rows[middle].date < date { low = middle + 1 } else { high = middle }
        }
        return (low, low < rows.count && rows[low].date == date)
    }
}
