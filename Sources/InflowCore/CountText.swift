import Foundation

/// Whole numbers as readers write them: a comma every three digits (`2,277`, `10,000,000`).
public enum CountText {
    /// `value` with thousands separators.
    public static func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// A number as results print it: rounded with thousands separators from 100 up (`2,277`), three significant
    /// digits below (`0.412`, `32.3`), and `n/a` when it is not finite (a missing or undefined value).
    /// Magnitudes of 10^15 and more print in exponent form (`1.23e+20`).
    /// - Complexity: O(number of digits).
    public static func readable(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        let magnitude = abs(value)
        if magnitude >= 100 && magnitude < 1e15 { return grouped(Int64(value.rounded())) }
        return String(format: "%.3g", value)
    }

    /// A number of people or arrivals, rounded to a whole number with thousands separators (`32`, `2,277`): a type 7
    /// quantile of 32.3 arrivals prints as 32. `n/a` when it is not finite; from 10^15 on, exponent form.
    /// - Complexity: O(number of digits).
    public static func whole(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        guard abs(value) < 1e15 else { return String(format: "%.3g", value) }
        let rounded = value.rounded()
        return grouped(Int64(rounded == 0 ? 0 : rounded))   // no "-0"
    }
}
