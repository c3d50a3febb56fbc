import InflowCore
import Foundation

/// How to read a CSV file of published figures into series: which columns hold what, and how to read times.
///
/// Every column option has an automatic default, so a tidy file loads with `LoadOptions()`:
///
/// | option | automatic choice |
/// |---|---|
/// | ``timeColumn`` | the first column whose name contains `date`, `time`, `as_of` or `day` (any case) |
/// | ``valueColumn`` | the first column, other than the time and key columns, of which at least half the values present in the first 100 rows are numbers |
/// | ``kind`` | `.cumulative` when the value column's name contains `cumulative` or `total`, else `.counts` |
/// | ``origin`` | for cumulative totals, the date in a value column name such as `cumulative_since_2026_01_16` (start of that day) |
/// | ``dayNumbers`` | `true` when the first time field is a plain number such as `12` or `3.5` |
/// | ``kindColumn`` | a column named `kind` or `figure_kind` (any case), when there is one |
///
/// **Times.** ISO 8601: a date (`2026-01-17`), a date-time (`2026-01-17T23:59`, `2026-01-17T23:59:30`,
/// a space may replace the `T`), optionally with an offset (`Z`, `+07:00`). Times without an offset are
/// wall-clock times in ``timeZone``; when none was given they are read as UTC, and the loader warns about clock
/// times read so, naming any UTC offset the file's comments mention (`UTC+7`) without applying it. A date
/// without a time is read as the **start** of that day for counts and levels (the counting period starts then)
/// and as the **end** of that day, 23:59, for cumulative totals (a total published "for January 17" counts the
/// whole day).
///
/// **Values.** Decimal numbers (`243`, `1440.5`, `1e3`); an empty field, `NA`, `N/A` or `null` is a
/// missing value (kept as `nil`: missing is not zero). Counts and cumulative totals must not be negative.
///
/// **Figure kinds.** A kind column says what each figure is (``/InflowCore/FigureKind``): `exact`, `lower_bound`
/// ("more than 3,100": the true value is at least the figure), `upper_bound`, or `partial_day` (a figure up to
/// the row's time of day, which must be written); an empty field is `exact`. Bounds need a count likelihood, so
/// they are refused in a level series. Without a kind column every figure is exact.
public struct LoadOptions: Sendable, Equatable {
    /// The column of times; `nil` detects it by name.
    public var timeColumn: String?
    /// The column of values; `nil` takes the first numeric column that is not the time or a key column
    /// (numeric: at least half of the values present in the first 100 rows are numbers).
    public var valueColumn: String?
    /// Columns whose values name a series (province, nationality, site) in long format: one series
    /// per distinct combination, named by the values joined with `" / "`. Empty: the file is one series.
    public var keyColumns: [String]
    /// How the values were observed; `nil` guesses from the value column's name.
    public var kind: ObservationKind?
    /// The time zone of times written without an offset: the one given (``givenTimeZone``), else UTC. Setting it
    /// says the figures' clock is that zone (UTC too); without it, the loader reads clock times written without an
    /// offset as UTC and says so (a ``DataWarning/Kind-swift.enum/timesReadAsUTC`` warning).
    public var timeZone: TimeZone {
        get { givenTimeZone ?? LoadOptions.utc }
        set { givenTimeZone = newValue }
    }
    /// The time zone given for times written without an offset, in the initialiser or through ``timeZone``; `nil`
    /// when none was (such times are then read as UTC, with a warning when they have a clock time).
    public var givenTimeZone: TimeZone?
    /// When cumulative totals started counting (their total at that time is zero); `nil` detects it
    /// from the value column's name, and when the name has no date the first total is a baseline.
    /// For counts and levels it is the time origin of the series (default: the earliest time).
    public var origin: Date?
    /// Whether times are plain numbers of days rather than dates (typically for level data); such
    /// times count days from 1970-01-01, which is also the default origin. `nil` detects it from the
    /// first row.
    public var dayNumbers: Bool?
    /// Days per counting period, for counts (default one: daily counts).
    public var periodLength: Double
    /// Columns that group the keys into larger units (a `region` column over provinces): each key must have
    /// one value in each; the hierarchy adds a node per value.
    public var groupColumns: [String] = []
    /// The largest count or cumulative total accepted (default ``defaultMaximumValue``): a larger one is an
    /// error naming its line, not a number to project from.
    public var maximumValue: Double = LoadOptions.defaultMaximumValue
    /// The longest span, in days, between a file's first and last times (default ``defaultMaximumSpanDays``):
    /// a row dated decades away from the others is an error naming its line.
    public var maximumSpanDays: Int = LoadOptions.defaultMaximumSpanDays
    /// The column saying what each figure is (``/InflowCore/FigureKind``: `exact`, `lower_bound`, `upper_bound`,
    /// `partial_day`; empty is exact); `nil` uses a column named one of ``kindColumnNames`` when there is one.
    public var kindColumn: String?

    /// Ten million: more than any count of people arriving at one place in one report.
    public static let defaultMaximumValue = 10_000_000.0
    /// About ten years (3,660 days).
    public static let defaultMaximumSpanDays = 3_660

    /// Options; every argument defaults to automatic detection (or no time zone given, so UTC, or one day).
    public init(
        timeColumn: String? = nil, valueColumn: String? = nil, keyColumns: [String] = [],
        kind: ObservationKind? = nil, timeZone: TimeZone? = nil, origin: Date? = nil,
        dayNumbers: Bool? = nil, periodLength: Double = 1
    ) {
        self.timeColumn = timeColumn
        self.valueColumn = valueColumn
        self.keyColumns = keyColumns
        self.kind = kind
        self.givenTimeZone = timeZone
        self.origin = origin
        self.dayNumbers = dayNumbers
        self.periodLength = periodLength
    }

    /// Coordinated Universal Time.
    public static let utc = TimeZone(secondsFromGMT: 0)!

    /// Words that mark a time column when ``timeColumn`` is `nil`.
    public static let timeColumnMarkers = ["date", "time", "as_of", "day"]

    /// Column names (any case) taken as the figure-kind column when ``kindColumn`` is `nil`.
    public static let kindColumnNames = ["kind", "figure_kind"]

    /// Words that mark cumulative totals when ``kind`` is `nil`.
    public static let cumulativeMarkers = ["cumulative", "total"]

    /// The kind a value column of this name suggests: `.cumulative` when it contains `cumulative` or
    /// `total` (any case), `.counts` otherwise.
    public static func kind(forValueColumn name: String) -> ObservationKind {
        let lower = name.lowercased()
        return cumulativeMarkers.contains(where: { lower.contains($0) }) ? .cumulative : .counts
    }

    /// The start date a column name announces, such as `cumulative_since_2026_01_16` or
    /// `total since 2026-01-16`: the start of that day in `timeZone`; `nil` when the name has none.
    public static func origin(forValueColumn name: String, timeZone: TimeZone) -> Date? {
        let lower = Array(name.lowercased().utf8)
        let since = Array("since".utf8)
        guard lower.count >= since.count else { return nil }
        for start in 0...(lower.count - since.count) where Array(lower[start..<start + since.count]) == since {
            var digits: [UInt8] = []
            var index = start + since.count
            let separators: Set<UInt8> = [UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: " "), UInt8(ascii: ".")]
            while index < lower.count, digits.count < 8 {
                let byte = lower[index]
                if byte >= 0x30 && byte <= 0x39 {
                    digits.append(byte)
                } else if !separators.contains(byte) {
                    break
                }
                index += 1
            }
            guard digits.count == 8 else { continue }
            let text = String(decoding: digits[0..<4], as: UTF8.self) + "-"
                + String(decoding: digits[4..<6], as: UTF8.self) + "-" + String(decoding: digits[6..<8], as: UTF8.self)
            if let parsed = ParsedTime(text) { return parsed.date(in: timeZone) }
        }
        return nil
    }
}
