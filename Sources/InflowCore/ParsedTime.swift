import Foundation

/// A time field as written: an ISO 8601 date or date-time, before a time zone is applied.
public struct ParsedTime: Sendable, Equatable, CustomStringConvertible {
    /// The calendar day written.
    public var day: Int
    /// Seconds after the start of that day (0 for a date without a time).
    public var secondOfDay: Double
    /// The UTC offset written (`Z` is 0), in seconds; `nil` when the time is local.
    public var offset: Int?
    /// Whether only a date was written (no clock time).
    public var dateOnly: Bool

    /// Parses `2026-01-17`, `2026-01-17T23:59`, `2026-01-17T23:59:30`, `2026-01-17T23:59:30.5`,
    /// each optionally followed by `Z`, `+07:00`, `+0700` or `+07`; a space may replace the `T`.
    /// Returns `nil` for anything else, including impossible dates (`2026-02-30`) and times (`24:00`).
    public init?(_ text: some StringProtocol) {
        var bytes = Array(text.utf8)[...]
        func number(_ width: Int) -> Int? {
            guard bytes.count >= width else { return nil }
            var value = 0
            for byte in bytes.prefix(width) {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            bytes = bytes.dropFirst(width)
            return value
        }
        func take(_ character: Character) -> Bool {
            guard let first = bytes.first, first == character.asciiValue else { return false }
            bytes = bytes.dropFirst()
            return true
        }
        guard let year = number(4), take("-"), let month = number(2), take("-"), let dayOfMonth = number(2),
              (1...12).contains(month), dayOfMonth >= 1, dayOfMonth <= CivilDate.daysInMonth(month, year: year)
        else { return nil }
        day = CivilDate(year: year, month: month, day: dayOfMonth).daysSinceEpoch
        if bytes.isEmpty {
            secondOfDay = 0
            offset = nil
            dateOnly = true
            return
        }
        dateOnly = false
        guard take("T") || take("t") || take(" "),
              let hour = number(2), take(":"), let minute = number(2), hour < 24, minute < 60
        else { return nil }
        var seconds = Double(hour * 3600 + minute * 60)
        if take(":") {
            guard let second = number(2), second < 60 else { return nil }
            seconds += Double(second)
            if take(".") || take(",") {
                var scale = 0.1
                var fraction = 0.0
                var digits = 0
                while let byte = bytes.first, byte >= 0x30 && byte <= 0x39 {
                    fraction += Double(byte - 0x30) * scale
                    scale /= 10
                    digits += 1
                    bytes = bytes.dropFirst()
                }
                guard digits > 0 else { return nil }
                seconds += fraction
            }
        }
        secondOfDay = seconds
        if bytes.isEmpty {
            offset = nil
        } else if take("Z") || take("z") {
            offset = 0
        } else {
            let sign: Int
            if take("+") { sign = 1 } else if take("-") { sign = -1 } else { return nil }
            guard let hours = number(2), hours <= 18 else { return nil }
            var minutes = 0
            if !bytes.isEmpty {
                _ = take(":")
                guard let value = number(2), value < 60 else { return nil }
                minutes = value
            }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        guard bytes.isEmpty else { return nil }
    }

    /// The time as written, in ISO 8601, with what it leaves open: `2026-01-17T23:59+07:00`,
    /// `2026-01-17T23:59 (no UTC offset: a wall-clock time in the time zone it is read in)`, `2026-01-17 (a date
    /// without a clock time)`. Seconds are shown when they are not zero, to the millisecond when they have a fraction.
    public var description: String {
        var text = CivilDate(daysSinceEpoch: day).text
        if dateOnly { return text + " (a date without a clock time)" }
        let whole = Int(secondOfDay.rounded(.down))
        let fraction = secondOfDay - Double(whole)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        text += "T" + two(whole / 3600) + ":" + two(whole / 60 % 60)
        if whole % 60 != 0 || fraction > 0 {
            text += ":" + two(whole % 60)
            if fraction > 0 {
                var digits = String(format: "%.3f", fraction).dropFirst()      // ".500"
                while digits.last == "0" { digits.removeLast() }
                if digits.count > 1 { text += digits }
            }
        }
        guard let offset else { return text + " (no UTC offset: a wall-clock time in the time zone it is read in)" }
        return text + TimeText.offset(offset)
    }

    /// The instant, reading a local time in `timeZone`. A date without a time is the start of the
    /// day, or `dateOnlySecond` seconds into it (23:59 for cumulative totals).
    public func date(in timeZone: TimeZone, dateOnlySecond: Double = 0) -> Date {
        let local = Double(day) * 86_400 + (dateOnly ? dateOnlySecond : secondOfDay)
        if let offset { return Date(timeIntervalSince1970: local - Double(offset)) }
        return ParsedTime.instant(localSeconds: local, in: timeZone)
    }

    /// The instant whose wall-clock time in `timeZone` is `localSeconds` (seconds since 1970-01-01T00:00
    /// on the wall clock). A wall time skipped by a daylight-saving change is read with the offset from
    /// before the change.
    public static func instant(localSeconds local: Double, in timeZone: TimeZone) -> Date {
        let firstGuess = local - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: local)))
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: firstGuess))
        return Date(timeIntervalSince1970: local - Double(offset))
    }
}
