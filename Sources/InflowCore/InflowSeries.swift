import Foundation

/// A series of published figures indexed by real dates and times.
///
/// Times are kept as `Date`s and converted to days since ``origin`` for fitting.
/// Missing values (`nil`) are not zero: they are left out, and for cumulative totals the
/// next available total covers the whole gap.
///
/// The series keeps the time zone of its figures' wall clock (``timeZone``): fits and projections made from it
/// carry it, so the days they report are the data's local days.
///
/// ```swift
/// let phnomPenh = TimeZone(secondsFromGMT: 7 * 3600)!
/// let times = ["2026-01-16T23:59", "2026-01-17T23:59", "2026-01-18T17:00"].compactMap {
///     ParsedTime.date($0, in: phnomPenh)
/// }
/// let series = InflowSeries(
///     name: "KBRI Phnom Penh", kind: .cumulative,
///     origin: ParsedTime.date("2026-01-16", in: phnomPenh),
///     times: times, values: [145, 388, 552], timeZone: phnomPenh)
/// series.localDay(of: series.times[2])    // 2026-01-18 (a CivilDate)
/// let prepared = series.prepared()         // interval counts for the likelihood
/// ```
public struct InflowSeries: Sendable, Codable, Equatable {
    /// A label for reports.
    public var name: String
    /// How the values were observed.
    public var kind: ObservationKind
    /// Time zero of the fit. For cumulative totals, the time from which they count
    /// (the total at the origin is zero); when `nil` the first total is taken as a baseline.
    public var origin: Date
    /// Whether ``origin`` is the time the cumulative totals count from.
    public var cumulativeCountsFromOrigin: Bool
    /// Observation times, ascending.
    public var times: [Date]
    /// Observed values; `nil` is missing.
    public var values: [Double?]
    /// Length of a counting period in days (for ``ObservationKind/counts``).
    public var periodLength: Double
    /// What each figure says (``FigureKind``): one per value, all ``FigureKind/exact`` unless the input said otherwise.
    public var figureKinds: [FigureKind]
    /// The time zone of the figures' wall clock (the data's local time, `LoadOptions.timeZone` when loaded from a
    /// file): the frame in which the series, its fits and its projections name calendar days. Default UTC; a
    /// series saved before it was kept decodes as UTC.
    public var timeZone: TimeZone

    /// A series.
    /// - Parameters:
    ///   - name: the series' name (a key, a site), used in messages and outputs.
    ///   - kind: what the values are: counts per period, cumulative totals or levels.
    ///   - origin: time zero; for cumulative totals, when they started counting. `nil`
    ///     takes the first time (and, for totals, treats the first total as a baseline).
    ///   - times: the time of each figure, one per value.
    ///   - values: the figures, one per time; `nil` for a missing one.
    ///   - periodLength: days per counting period, for counts (default one day).
    ///   - timeZone: the wall clock of the figures (default UTC), see ``timeZone``.
    public init(
        name: String = "series", kind: ObservationKind, origin: Date? = nil,
        times: [Date], values: [Double?], periodLength: Double = 1, timeZone: TimeZone = InflowSeries.utc
    ) {
        precondition(times.count == values.count, "InflowSeries needs one value per time")
        precondition(periodLength > 0, "periodLength must be positive")
        self.name = name
        self.kind = kind
        self.origin = origin ?? times.min() ?? Date(timeIntervalSince1970: 0)
        self.cumulativeCountsFromOrigin = origin != nil
        self.times = times
        self.values = values
        self.periodLength = periodLength
        self.figureKinds = Array(repeating: .exact, count: values.count)
        self.timeZone = timeZone
    }

    /// A series on a plain numeric time axis (days since an arbitrary origin), e.g. for level data.
    public init(name: String = "series", kind: ObservationKind, days: [Double], values: [Double?], periodLength: Double = 1) {
        let origin = Date(timeIntervalSince1970: 0)
        self.init(name: name, kind: kind, origin: origin,
                  times: days.map { origin.addingTimeInterval($0 * 86_400) }, values: values, periodLength: periodLength)
        self.cumulativeCountsFromOrigin = true
    }

    /// Seconds per day.
    public static let secondsPerDay = 86_400.0

    /// Coordinated Universal Time, the default ``timeZone``.
    public static let utc = TimeZone(secondsFromGMT: 0)!

    /// Observation times in days since ``origin``.
    public var days: [Double] { times.map { $0.timeIntervalSince(origin) / Self.secondsPerDay } }

    /// The date `days` days after the origin.
    public func date(atDay days: Double) -> Date { origin.addingTimeInterval(days * Self.secondsPerDay) }

    /// Number of observations, missing included.
    public var count: Int { times.count }

    /// Whether any figure is a bound or a partial day.
    public var hasInexactFigures: Bool { figureKinds.contains { $0 != .exact } }

    /// The figures published up to `time` (inclusive), with their kinds: what a forecaster knew then.
    /// - Complexity: O(n).
    public func prefix(through time: Date) -> InflowSeries {
        var truncated = self
        let keep = times.indices.filter { times[$0] <= time }
        truncated.times = keep.map { times[$0] }
        truncated.values = keep.map { values[$0] }
        truncated.figureKinds = keep.map { figureKinds[$0] }
        return truncated
    }

    private enum CodingKeys: String, CodingKey {
        case name, kind, origin, cumulativeCountsFromOrigin, times, values, periodLength, figureKinds, timeZone
    }

    /// Writes every field; the time zone as one string, `"+07:00"` (`"Z"` for UTC) for a fixed offset, else its
    /// identifier (`"Asia/Phnom_Penh"`).
    /// - Complexity: O(n).
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(kind, forKey: .kind)
        try container.encode(origin, forKey: .origin)
        try container.encode(cumulativeCountsFromOrigin, forKey: .cumulativeCountsFromOrigin)
        try container.encode(times, forKey: .times)
        try container.encode(values, forKey: .values)
        try container.encode(periodLength, forKey: .periodLength)
        try container.encode(figureKinds, forKey: .figureKinds)
        try container.encode(TimeZoneCoding(timeZone), forKey: .timeZone)
    }

    /// Reads what ``encode(to:)`` writes. A series saved before figures had kinds reads every figure as exact, and
    /// one saved before series kept their time zone reads as UTC.
    /// - Throws: `DecodingError` when a field is missing or malformed, the time zone is unknown, or there is not one
    ///   time and one kind per value.
    /// - Complexity: O(n).
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        kind = try container.decode(ObservationKind.self, forKey: .kind)
        origin = try container.decode(Date.self, forKey: .origin)
        cumulativeCountsFromOrigin = try container.decode(Bool.self, forKey: .cumulativeCountsFromOrigin)
        times = try container.decode([Date].self, forKey: .times)
        values = try container.decode([Double?].self, forKey: .values)
        periodLength = try container.decode(Double.self, forKey: .periodLength)
        // Saved before figures had kinds: every figure exact.
        figureKinds = try container.decodeIfPresent([FigureKind].self, forKey: .figureKinds)
            ?? Array(repeating: .exact, count: values.count)
        // Saved before series kept their time zone: UTC, the frame they were then shown in.
        timeZone = try container.decodeIfPresent(TimeZoneCoding.self, forKey: .timeZone)?.timeZone ?? Self.utc
        guard figureKinds.count == values.count, times.count == values.count else {
            throw DecodingError.dataCorruptedError(forKey: .figureKinds, in: container,
                                                   debugDescription: "a series needs one time and one kind per value")
        }
    }
}
