/// A rate per day that a data file states, exactly or as a range (`20..25`), with where it was stated.
///
/// Data files carry such facts in a directive comment before the header:
///
///     # @background: 20..25 daily arrivals before the surge, as described by the embassy
///
/// The text after the value is kept as the reason, for reports.
public struct StatedRate: Sendable, Equatable, Codable {
    /// Smallest rate, per day.
    public let lower: Double
    /// Largest rate, per day (equal to ``lower`` for an exact rate).
    public let upper: Double
    /// What the file says about it.
    public let note: String
    /// The line of the file that states it.
    public let line: Int

    /// A stated rate.
    public init(lower: Double, upper: Double, note: String, line: Int) {
        precondition(lower <= upper, "a rate range needs lower <= upper")
        self.lower = lower
        self.upper = upper
        self.note = note
        self.line = line
    }

    /// Reads `20`, `20..25` or `20-25` (non-negative finite numbers, lower first), with any text after it
    /// as the note; `nil` otherwise.
    public static func parse(_ text: some StringProtocol, line: Int) -> StatedRate? {
        let trimmed = Substring(text).drop { $0 == " " }
        let valueText = trimmed.prefix { !$0.isWhitespace }
        let note = trimmed.dropFirst(valueText.count).trimmingPrefix { $0 == " " }
        let parts: [Substring]
        if valueText.contains("..") {
            parts = valueText.split(separator: "..", omittingEmptySubsequences: false).map { $0 }
        } else {
            parts = valueText.split(separator: "-", omittingEmptySubsequences: false)
        }
        let numbers = parts.compactMap { Double($0) }
        guard numbers.count == parts.count, (1...2).contains(numbers.count),
              numbers.allSatisfy({ $0.isFinite && $0 >= 0 }), numbers.first! <= numbers.last! else { return nil }
        return StatedRate(lower: numbers.first!, upper: numbers.last!, note: String(note), line: line)
    }
}
