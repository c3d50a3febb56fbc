/// One estimated quantity as a tidy row, in the spirit of broom's `tidy()` (statsmodels' `summary_frame`):
/// term, estimate, standard error, Wald statistic `z = estimate / SE`, its two-sided p-value `2 (1 - Phi(|z|))` and
/// a Wald interval at ``level`` (for `theta`: the statistic and interval of `log theta`, transformed back; for the
/// other parameters of a curve fit, the interval on the scale that keeps them in range: see
/// ``CurveFit/confidenceIntervals(level:)``).
///
/// Missing values (a fixed parameter, one at its bound, one the data do not determine) are `nil`, with ``note``
/// saying why. ``csv(_:)`` writes broom's column names (`term,estimate,std.error,statistic,p.value,conf.low,conf.high`)
/// so the table reads straight into R or pandas.
public struct TidyParameterRow: Sendable, Equatable, Codable {
    /// The parameter's name (`K`, `r`, `beta`, `theta`, `(intercept)`, `ns1`, ...).
    public let term: String
    /// The estimate (`theta` on its natural scale).
    public let estimate: Double?
    /// Its standard error.
    public let standardError: Double?
    /// The Wald statistic `z`.
    public let statistic: Double?
    /// Two-sided p-value of ``statistic``.
    public let pValue: Double?
    /// Lower end of the interval.
    public let confidenceLow: Double?
    /// Upper end of the interval.
    public let confidenceHigh: Double?
    /// The level of the interval.
    public let level: Double
    /// Whether the parameter was held fixed.
    public let fixed: Bool
    /// Why values are missing, when they are.
    public let note: String?

    /// The row of a coefficient-table entry at `level`.
    /// - Complexity: O(1).
    public init(_ row: ParameterEstimate, level: Double) {
        term = row.name
        estimate = row.estimate
        standardError = row.standardError
        statistic = row.z
        pValue = row.pValue
        confidenceLow = row.lower
        confidenceHigh = row.upper
        self.level = level
        fixed = row.fixed
        note = row.note
    }

    /// The rows as CSV with broom's column names plus `level`, `fixed` and `note`; missing values are empty.
    /// - Complexity: O(rows).
    public static func csv(_ rows: [TidyParameterRow]) -> String {
        CSVText.table(
            header: ["term", "estimate", "std.error", "statistic", "p.value", "conf.low", "conf.high", "level", "fixed", "note"],
            rows: rows.map { row in
                [CSVText.field(row.term), CSVText.field(row.estimate), CSVText.field(row.standardError),
                 CSVText.field(row.statistic), CSVText.field(row.pValue), CSVText.field(row.confidenceLow),
                 CSVText.field(row.confidenceHigh), CSVText.field(row.level), row.fixed ? "true" : "false",
                 CSVText.field(row.note ?? "")]
            })
    }

    enum CodingKeys: String, CodingKey {
        case term, estimate, standardError, statistic, pValue, confidenceLow, confidenceHigh, level, fixed, note
    }

    /// Writes every key, `null` for a missing value (a schema with fixed keys).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(term, forKey: .term)
        try container.encode(estimate, forKey: .estimate)
        try container.encode(standardError, forKey: .standardError)
        try container.encode(statistic, forKey: .statistic)
        try container.encode(pValue, forKey: .pValue)
        try container.encode(confidenceLow, forKey: .confidenceLow)
        try container.encode(confidenceHigh, forKey: .confidenceHigh)
        try container.encode(level, forKey: .level)
        try container.encode(fixed, forKey: .fixed)
        try container.encode(note, forKey: .note)
    }
}
