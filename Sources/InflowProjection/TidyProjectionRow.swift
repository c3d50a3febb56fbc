import InflowModels

/// One projected quantity on one day at one interval level, as a tidy row: the projection's counterpart of
/// ``/InflowModels/TidyParameterRow`` and ``/InflowModels/GlanceRow``, in the spirit of broom and fable's
/// `hilo()` unpacked into columns.
///
/// ``Projection/tidy(levels:targets:)`` writes one row per period, target and level: the period's local day in the
/// series' time zone (``date``, the hub tables' `target_end_date`, with ``horizon`` days after the reference day),
/// the instant the period ends with its UTC offset (``end``), the predictive mean and median, and the central
/// predictive interval at ``level`` (``lower``, ``upper``: type 7 quantiles of the replicates at `(1 - level) / 2`
/// and `(1 + level) / 2`, the numbers ``Projection/interval(_:period:coverage:)`` gives). These are intervals for
/// new counts (parameter uncertainty and observation noise), not for the mean curve.
///
/// Values no replicate gives (the remaining pool of a family without a final size) are `nil`, and ``replicates``
/// says how many replicates were summarised. ``csv(_:)`` writes the rows so they read straight into R or pandas:
///
/// ```swift
/// let rows = projection.tidy(levels: [0.5, 0.9])
/// try TidyProjectionRow.csv(rows).write(toFile: "projection.csv", atomically: true, encoding: .utf8)
/// ```
public struct TidyProjectionRow: Sendable, Equatable, Codable {
    /// The model the samples come from, as reports print it (`logistic (negative-binomial)`).
    public let model: String
    /// The period's index in the projection's grid, from 0.
    public let period: Int
    /// The local day the period covers, in the series' time zone (`2026-01-24`; ``Projection/day(_:)``).
    public let date: String
    /// Days from the reference day (the local day of the last observation) to ``date``: 0 for the rest of the
    /// reference day after a report during it, 1 for the day after.
    public let horizon: Int
    /// The instant the period ends on the series' clock, with its offset (`2026-01-25T00:00+07:00`).
    public let end: String
    /// What is projected: arrivals in the period, the cumulative total at its end, or the remaining pool.
    public let target: ProjectionTarget
    /// The coverage of the interval (0.9 for the 5% and 95% quantiles).
    public let level: Double
    /// The predictive mean.
    public let mean: Double?
    /// The predictive median.
    public let median: Double?
    /// The lower end of the central predictive interval at ``level``.
    public let lower: Double?
    /// The upper end of the central predictive interval at ``level``.
    public let upper: Double?
    /// The replicates summarised (those that gave a value).
    public let replicates: Int

    /// A row; the arguments are the properties of the same names. Values that are not finite become `nil`.
    /// - Complexity: O(1).
    public init(model: String, period: Int, date: String, horizon: Int, end: String, target: ProjectionTarget,
                level: Double, mean: Double?, median: Double?, lower: Double?, upper: Double?, replicates: Int) {
        func finite(_ value: Double?) -> Double? { value.flatMap { $0.isFinite ? $0 : nil } }
        self.model = model
        self.period = period
        self.date = date
        self.horizon = horizon
        self.end = end
        self.target = target
        self.level = level
        self.mean = finite(mean)
        self.median = finite(median)
        self.lower = finite(lower)
        self.upper = finite(upper)
        self.replicates = replicates
    }

    /// The column names of ``csv(_:)``, in order.
    public static let header = ["model", "period", "date", "horizon", "end", "target", "level", "mean", "median",
                                "lower", "upper", "replicates"]

    /// The rows as CSV (RFC 4180) under ``header``: numbers in full precision, an empty field for a missing value,
    /// text quoted when it holds a comma, quote or line break; `target` is the target's name (`inc arrivals`,
    /// `cum arrivals`, `remaining pool`).
    /// - Complexity: O(rows).
    public static func csv(_ rows: [TidyProjectionRow]) -> String {
        CSVText.table(
            header: header,
            rows: rows.map { row in
                [CSVText.field(row.model), String(row.period), CSVText.field(row.date), String(row.horizon),
                 CSVText.field(row.end), CSVText.field(row.target.rawValue), CSVText.field(row.level),
                 CSVText.field(row.mean), CSVText.field(row.median), CSVText.field(row.lower), CSVText.field(row.upper),
                 String(row.replicates)]
            })
    }

    enum CodingKeys: String, CodingKey {
        case model, period, date, horizon, end, target, level, mean, median, lower, upper, replicates
    }

    /// Writes every key, `null` for a missing value (a schema with fixed keys).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model, forKey: .model)
        try container.encode(period, forKey: .period)
        try container.encode(date, forKey: .date)
        try container.encode(horizon, forKey: .horizon)
        try container.encode(end, forKey: .end)
        try container.encode(target, forKey: .target)
        try container.encode(level, forKey: .level)
        try container.encode(mean, forKey: .mean)
        try container.encode(median, forKey: .median)
        try container.encode(lower, forKey: .lower)
        try container.encode(upper, forKey: .upper)
        try container.encode(replicates, forKey: .replicates)
    }
}
