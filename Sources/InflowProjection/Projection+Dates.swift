import Foundation
import InflowCore

extension Projection {
    /// The calendar day period `k` covers, on the series' clock (``timeZone``): the local day of the instant one
    /// second before ``endDate(_:)``, so a daily period ending at local midnight of 8 February is 7 February, the
    /// `target_end_date` of the hub tables and the day the command line prints.
    /// - Precondition: `0 <= k < periods`.
    /// - Complexity: O(1).
    public func day(_ k: Int) -> CivilDate {
        TimeText.civil(endDate(k).addingTimeInterval(-1), in: timeZone).date
    }

    /// The day each period covers (``day(_:)`` for every `k`), in order.
    /// - Complexity: O(periods).
    public var days: [CivilDate] { (0..<periods).map(day) }

    /// The local day in which the last observation ends (the hub tables' `reference_date`).
    /// - Complexity: O(1).
    public var referenceDay: CivilDate { hubDays().reference }

    /// The period that covers the local day `day`, if the projection reaches it.
    /// - Complexity: O(periods).
    public func period(covering day: CivilDate) -> Int? { days.firstIndex(of: day) }

    /// `date` on the series' clock: `2026-02-08T00:00`, `2026-02-08` with `dateOnly`, `2026-02-08T00:00+07:00`
    /// with `withOffset` (``/InflowCore/TimeText/text(_:in:dateOnly:withOffset:)`` in ``timeZone``).
    /// - Complexity: O(1).
    public func localText(_ date: Date, dateOnly: Bool = false, withOffset: Bool = false) -> String {
        TimeText.text(date, in: timeZone, dateOnly: dateOnly, withOffset: withOffset)
    }

    /// `UTC+07:00` (`UTC` for a zero offset): the series' offset at the end of the first period, for text.
    var utcOffsetText: String {
        let seconds = periods > 0 ? timeZone.secondsFromGMT(for: endDate(0)) : timeZone.secondsFromGMT()
        return seconds == 0 ? "UTC" : "UTC" + TimeText.offset(seconds)
    }
}
