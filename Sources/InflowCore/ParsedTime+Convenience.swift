import Foundation

extension ParsedTime {
    /// The instant a time field names, read as the command line reads the time column: `2026-01-17T23:59`,
    /// `2026-01-17 23:59:30`, `2026-01-17` or any of them with `Z`, `+07:00`, `+0700` or `+07`. A time written
    /// without an offset is a wall-clock time in `timeZone`; a date alone is the start of its day, or
    /// `dateOnlySecond` seconds into it (`86_340`, 23:59, is how the loader reads a cumulative total "for" a day).
    ///
    /// ```swift
    /// let phnomPenh = ParsedTime.timeZone("+07:00")!
    /// ParsedTime.date("2026-01-17T23:59", in: phnomPenh)      // 2026-01-17 16:59 UTC
    /// ParsedTime.date("2026-01-17T23:59Z", in: phnomPenh)     // 2026-01-17 23:59 UTC (the offset wins)
    /// ParsedTime.date("2026-01-17", in: phnomPenh)            // 2026-01-16 17:00 UTC (local midnight)
    /// ```
    /// - Returns: `nil` when the text is not one of these forms or names an impossible date or time.
    /// - Complexity: O(length of the text).
    public static func date(_ text: some StringProtocol, in timeZone: TimeZone = TimeZone(secondsFromGMT: 0)!,
                            dateOnlySecond: Double = 0) -> Date? {
        ParsedTime(text)?.date(in: timeZone, dateOnlySecond: dateOnlySecond)
    }

    /// The calendar day written (as written, before any time zone is applied).
    public var civilDate: CivilDate { CivilDate(daysSinceEpoch: day) }

    /// A time zone as the command line's `--time-zone` takes it: `UTC` or `Z`, a UTC offset `+07:00`, `+0700`,
    /// `-05:30` (at most 18 hours), or an IANA identifier such as `Asia/Phnom_Penh`; `nil` for anything else.
    /// - Complexity: O(length of the text).
    public static func timeZone(_ text: some StringProtocol) -> TimeZone? {
        let text = String(text)
        let upper = text.uppercased()
        if upper == "UTC" || upper == "Z" || upper == "GMT" { return TimeZone(secondsFromGMT: 0) }
        if let sign = text.first, sign == "+" || sign == "-" {
            let rest = text.dropFirst()
            let digits: String
            switch rest.count {
            case 5 where rest[rest.index(rest.startIndex, offsetBy: 2)] == ":":
                digits = String(rest.prefix(2) + rest.suffix(2))
            case 4, 2: digits = String(rest)
            default: return nil
            }
            guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let hours = Int(digits.prefix(2)),
                  let minutes = Int(digits.count == 4 ? digits.suffix(2) : "0"), hours <= 18, minutes < 60 else { return nil }
            return TimeZone(secondsFromGMT: (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60))
        }
        guard text.contains("/") else { return nil }
        return TimeZone(identifier: text)
    }
}
