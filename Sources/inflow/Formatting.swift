import Foundation
import Inflow

/// Number and date formatting for terminal output.
enum Formatting {
    /// A count rounded to a whole number with thousands separators: 2,277.
    static func count(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "inf" : "-inf") }
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.maximumFractionDigits = 0
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.usesGroupingSeparator = true
        formatter.groupingSeparator = ","
        formatter.groupingSize = 3
        return formatter.string(from: NSNumber(value: value.rounded())) ?? String(Int(value.rounded()))
    }

    /// A number with four significant digits.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "inf" : "-inf") }
        if value != 0 && (abs(value) >= 1e6 || abs(value) < 1e-3) { return String(format: "%.3e", value) }
        return String(format: "%.4g", value)
    }

    /// A share as a whole percentage: `0.347` gives `35%`.
    static func percent(_ value: Double) -> String {
        value.isFinite ? "\(Int((value * 100).rounded()))%" : "n/a"
    }

    /// `[lower, upper]` of counts.
    static func interval(_ lower: Double, _ upper: Double) -> String { "[\(count(lower)), \(count(upper))]" }

    /// A date in the data's time zone: `2026-01-25` (or with a time when not midnight-aligned).
    static func date(_ date: Date, timeZone: TimeZone, withTime: Bool = false) -> String {
        let parts = TimeText.civil(date, in: timeZone)
        return withTime ? parts.date.text + String(format: " %02d:%02d", parts.hour, parts.minute) : parts.date.text
    }

    /// A time zone's offset at a date: `UTC`, `UTC+07:00`, `UTC-05:30`.
    static func zone(_ timeZone: TimeZone, at date: Date) -> String {
        let seconds = timeZone.secondsFromGMT(for: date)
        guard seconds != 0 else { return "UTC" }
        let minutes = abs(seconds) / 60
        return String(format: "UTC%@%02d:%02d", seconds < 0 ? "-" : "+", minutes / 60, minutes % 60)
    }
}
