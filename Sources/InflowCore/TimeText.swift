import Foundation

/// Formats instants for messages, on the wall clock of a time zone.
public enum TimeText {
    /// The calendar day of `date` in `timeZone`, as days since 1970-01-01.
    public static func day(of date: Date, in timeZone: TimeZone) -> Int {
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        return Int((local / 86_400).rounded(.down))
    }

    /// `2026-01-17` (when `dateOnly`) or `2026-01-17T23:59` (with `:ss` when the seconds are not zero),
    /// followed by the offset (`Z`, `+07:00`) when `withOffset`.
    public static func text(_ date: Date, in timeZone: TimeZone, dateOnly: Bool = false, withOffset: Bool = false) -> String {
        let offset = timeZone.secondsFromGMT(for: date)
        let local = date.timeIntervalSince1970 + Double(offset)
        let days = Int((local / 86_400).rounded(.down))
        var text = CivilDate(daysSinceEpoch: days).text
        if dateOnly { return text }
        let seconds = Int((local - Double(days) * 86_400).rounded(.down))
        text += "T" + two(seconds / 3600) + ":" + two(seconds / 60 % 60)
        if seconds % 60 != 0 { text += ":" + two(seconds % 60) }
        if withOffset {
            if offset == 0 {
                text += "Z"
            } else {
                let minutes = abs(offset) / 60
                text += (offset < 0 ? "-" : "+") + two(minutes / 60) + ":" + two(minutes % 60)
            }
        }
        return text
    }

    private static func two(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
