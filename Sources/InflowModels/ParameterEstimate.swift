/// One estimated quantity of a fit, as a row of its coefficient table: the estimate, its standard error,
/// the Wald statistic `z = estimate / SE` with its two-sided p-value `2 (1 - Phi(|z|))`, and a Wald
/// interval at the table's level.
///
/// Values the data do not determine (an infinite standard error, an unbounded interval end) are `nil`,
/// so the JSON form holds `null` rather than a number that is not one.
public struct ParameterEstimate: Sendable, Equatable, Codable {
    /// The parameter's name (`K`, `r`, `theta`, a log-linear coefficient such as `spline1`).
    public let name: String
    /// The estimate (`theta` on its natural scale).
    public let estimate: Double?
    /// Its standard error; `nil` when fixed or not determined.
    public let standardError: Double?
    /// `estimate / standardError`.
    public let z: Double?
    /// Two-sided p-value of `z` under the standard normal.
    public let pValue: Double?
    /// Lower end of the Wald interval (for `theta`, of `log theta`, transformed back).
    public let lower: Double?
    /// Upper end of the Wald interval.
    public let upper: Double?
    /// Whether the parameter was held fixed.
    public let fixed: Bool
    /// Why the standard error and interval are missing, when they are: "at its bound", "not determined by
    /// these data".
    public let note: String?

    /// A row; non-finite values become `nil`. A parameter `atBound` has no standard error, test or interval
    /// (they assume an interior optimum).
    public init(name: String, estimate: Double, standardError: Double?, lower: Double?, upper: Double?, fixed: Bool,
                zStatistic: Double? = nil, atBound: Bool = false) {
        func finite(_ value: Double?) -> Double? { value.flatMap { $0.isFinite ? $0 : nil } }
        let omitted = fixed || atBound
        self.name = name
        self.estimate = finite(estimate)
        self.standardError = omitted ? nil : finite(standardError)
        self.lower = omitted ? nil : finite(lower)
        self.upper = omitted ? nil : finite(upper)
        self.fixed = fixed
        let z = omitted ? nil : finite(zStatistic ?? standardError.flatMap { $0 > 0 ? estimate / $0 : nil })
        self.z = z
        pValue = z.map { 2 * InflowStatisticsBridge.standardNormalUpperTail(abs($0)) }
        if fixed {
            note = "held fixed"
        } else if atBound {
            note = "at its bound: no standard error"
        } else if self.standardError == nil {
            note = "not determined by these data"
        } else {
            note = nil
        }
    }

    enum CodingKeys: String, CodingKey { case name, estimate, standardError, z, pValue, lower, upper, fixed, note }

    /// Writes every key, `null` for a missing value (a schema with fixed keys).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(estimate, forKey: .estimate)
        try container.encode(standardError, forKey: .standardError)
        try container.encode(z, forKey: .z)
        try container.encode(pValue, forKey: .pValue)
        try container.encode(lower, forKey: .lower)
        try container.encode(upper, forKey: .upper)
        try container.encode(fixed, forKey: .fixed)
        try container.encode(note, forKey: .note)
    }
}
