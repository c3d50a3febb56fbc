import Foundation

extension InflowSeries {
    /// The calendar day of `date` on the series' clock (``timeZone``): the day a reader of the data calls it.
    /// - Complexity: O(1).
    public func localDay(of date: Date) -> CivilDate { TimeText.civil(date, in: timeZone).date }

    /// `date` on the series' clock: `2026-01-18T17:00`, `2026-01-18` with `dateOnly`, `2026-01-18T17:00+07:00`
    /// with `withOffset` (``TimeText/text(_:in:dateOnly:withOffset:)`` in ``timeZone``).
    /// - Complexity: O(1).
    public func localText(_ date: Date, dateOnly: Bool = false, withOffset: Bool = false) -> String {
        TimeText.text(date, in: timeZone, dateOnly: dateOnly, withOffset: withOffset)
    }

    /// A time field read on the series' clock (``ParsedTime/date(_:in:dateOnlySecond:)`` in ``timeZone``): a
    /// time without an offset is local; `nil` when the text is not an ISO 8601 date or date-time.
    /// - Complexity: O(length of the text).
    public func date(_ text: some StringProtocol, dateOnlySecond: Double = 0) -> Date? {
        ParsedTime.date(text, in: timeZone, dateOnlySecond: dateOnlySecond)
    }

    /// The instant the local day `day` begins (its midnight on the series' clock).
    /// - Complexity: O(1).
    public func startOfDay(_ day: CivilDate) -> Date { TimeText.startOfDay(day, in: timeZone) }
}
