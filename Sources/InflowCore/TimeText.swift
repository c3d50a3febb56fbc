import Foundation

/// Formats instants for messages, on the wall clock of a time zone.
public enum TimeText {
    /// The calendar day of `date` in `timeZone`, as days since 1970-01-01.
    public static func day(of date: Date, in timeZone: TimeZone) -> Int {
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        return Int((local / 86_400).rounded(.down))
    }

    /// The wall-clock reading of `date` in `timeZone` in the proleptic Gregorian calendar (Foundation's
    /// Gregorian calendar switches to the Julian one before October 1582, so years before 1583 would shift).
    public static func civil(_ date: Date, in timeZone: TimeZone) -> (date: CivilDate, hour: Int, minute: Int, second: Int) {
        // Beyond a trillion days (an input no loader accepts), the days are clamped rather than overflow.
        let local = min(max(date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date)), -largestSeconds), largestSeconds)
        let days = Int((local / 86_400).rounded(.down))
        let seconds = Int((local - Double(days) * 86_400).rounded(.down))
        return (CivilDate(daysSinceEpoch: days), seconds / 3600, seconds / 60 % 60, seconds % 60)
    }

    /// The instant at which the civil day `day` begins in `timeZone` (its local midnight).
    public static func startOfDay(_ day: CivilDate, in timeZone: TimeZone) -> Date {
        let midnightUTC = Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400)
        return midnightUTC.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: midnightUTC)))
    }

    /// `2026-01-17` (when `dateOnly`) or `2026-01-17T23:59` (with `:ss` when the seconds are not zero),
    /// followed by the offset (`Z`, `+07:00`) when `withOffset`.
    public static func text(_ date: Date, in timeZone: TimeZone, dateOnly: Bool = false, withOffset: Bool = false) -> String {
        let offset = timeZone.secondsFromGMT(for: date)
        let local = date.timeIntervalSince1970 + Double(offset)
        guard abs(local) <= largestSeconds else {
            return local.isNaN ? "an undefined time" : "\(date.timeIntervalSince1970 / 86_400) days from 1970-01-01"
        }
        let days = Int((local / 86_400).rounded(.down))
        var text = CivilDate(daysSinceEpoch: days).text
        if dateOnly { return text }
        let seconds = Int((local - Double(days) * 86_400).rounded(.down))
        text += "T" + two(seconds / 3600) + ":" + two(seconds / 60 % 60)
        if seconds % 60 != 0 { text += ":" + two(seconds % 60) }
        if withOffset { text += Self.offset(offset) }
        return text
    }

    /// A UTC offset in seconds as ISO 8601 writes it: `Z` for 0, else `+07:00` or `-05:30` (whole minutes).
    /// - Complexity: O(1).
    public static func offset(_ seconds: Int) -> String {
        if seconds == 0 { return "Z" }
        let minutes = abs(seconds) / 60
        return (seconds < 0 ? "-" : "+") + two(minutes / 60) + ":" + two(minutes % 60)
    }

    /// A trillion days, in seconds: times further from 1970 are not shown as calendar dates.
    static let largestSeconds = 8.64e16

    private static func two(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
