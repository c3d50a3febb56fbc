import Foundation
import InflowCore

/// Number and date formatting for reports, independent of the machine's locale: English month
/// abbreviations, a comma as the thousands separator and a period as the decimal mark.
public enum ReportFormat {
    /// The text for a missing number.
    public static let missing = "–"
    /// The text for an infinite number (an unbounded interval end, a standard error the data do not
    /// determine): reports never print infinity.
    public static let undetermined = "not determined"

    /// A count rounded to a whole number with thousands separators: `2277.4` gives "2,277".
    public static func count(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? missing : undetermined }
        return number(value, digits: 0)
    }

    /// A number with `digits` decimals and thousands separators: `(12345.678, 1)` gives "12,345.7".
    public static func number(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? missing : undetermined }
        var text = String(format: "%.\(max(digits, 0))f", abs(value))
        if text.allSatisfy({ $0 == "0" || $0 == "." }) { return text }   // no "-0"
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = grouped(String(parts[0]))
        text = parts.count > 1 ? whole + "." + parts[1] : whole
        return value < 0 ? "−" + text : text
    }

    /// A number with as many decimals as its size calls for (3 significant digits below 100, whole above).
    public static func adaptive(_ value: Double) -> String {
        guard value.isFinite else { return number(value, digits: 0) }
        let magnitude = abs(value)
        if magnitude >= 100 || magnitude == 0 { return number(value, digits: 0) }
        if magnitude >= 10 { return number(value, digits: 1) }
        if magnitude >= 1 { return number(value, digits: 2) }
        return number(value, digits: 3)
    }

    /// A share as a percentage: `0.875` gives "88%".
    public static func percent(_ value: Double) -> String {
        value.isFinite ? number(value * 100, digits: 0) + "%" : missing
    }

    /// An interval of counts: "1,100–1,400".
    public static func countInterval(_ lower: Double, _ upper: Double) -> String {
        "\(count(lower))–\(count(upper))"
    }

    /// Digits grouped by threes from the right: "12345" gives "12,345".
    static func grouped(_ digits: String) -> String {
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }

    /// English month abbreviations.
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The Gregorian calendar in a time zone.
    static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// A day: "17 Jan" (proleptic Gregorian, as every date Inflow shows).
    public static func day(_ date: Date, timeZone: TimeZone) -> String {
        let civil = TimeText.civil(date, in: timeZone).date
        return "\(civil.day) \(months[civil.month - 1])"
    }

    /// A day with the year: "17 Jan 2026".
    public static func dayWithYear(_ date: Date, timeZone: TimeZone) -> String {
        "\(day(date, timeZone: timeZone)) \(TimeText.civil(date, in: timeZone).date.year)"
    }

    /// A day and time: "24 Jan 2026 23:59".
    public static func dateTime(_ date: Date, timeZone: TimeZone) -> String {
        let parts = TimeText.civil(date, in: timeZone)
        return dayWithYear(date, timeZone: timeZone) + String(format: " %02d:%02d", parts.hour, parts.minute)
    }

    /// A day and time without the year: "24 Jan 23:59".
    public static func shortDateTime(_ date: Date, timeZone: TimeZone) -> String {
        let parts = TimeText.civil(date, in: timeZone)
        return day(date, timeZone: timeZone) + String(format: " %02d:%02d", parts.hour, parts.minute)
    }

    /// A time zone's offset from UTC at a date: "UTC+07:00".
    public static func utcOffset(_ timeZone: TimeZone, at date: Date) -> String {
        let seconds = timeZone.secondsFromGMT(for: date)
        let sign = seconds < 0 ? "−" : "+"
        let minutes = abs(seconds) / 60
        return "UTC" + sign + String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    /// An instant in ISO 8601, UTC, whole seconds: "2026-01-25T03:00:00Z".
    public static func iso8601(_ date: Date) -> String {
        let parts = TimeText.civil(date, in: TimeZone(secondsFromGMT: 0)!)
        return parts.date.text + String(format: "T%02d:%02d:%02dZ", parts.hour, parts.minute, parts.second)
    }
}
