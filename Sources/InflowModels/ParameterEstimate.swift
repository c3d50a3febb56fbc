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
    /// Lower end of the Wald interval (for a curve fit's parameter, on the scale that keeps it in its range,
    /// transformed back: see ``CurveFit/confidenceIntervals(level:)``; a log-linear coefficient's is symmetric).
    public let lower: Double?
    /// Upper end of the Wald interval.
    public let upper: Double?
    /// Whether the parameter was held fixed.
    public let fixed: Bool
    /// Why the standard error and interval are missing, when they are: "at its bound", "not determined by
    /// these data".
    public let note: String?

    /// The row of a final-size parameter (a number of people) when `observed` have been counted: a Wald interval
    /// whose upper end the data do not give (``SizeBound``) keeps only its lower end (at least 0), with the
    /// sentence that says so, and no standard error or test.
    public init(sizeParameter name: String, estimate: Double, standardError: Double?, lower: Double?, upper: Double?,
                fixed: Bool, atBound: Bool, observed: Double) {
        let bound = SizeBound(lower: lower ?? 0, upper: upper ?? .infinity, observed: observed)
        if fixed || atBound || bound.isDetermined {
            self.init(name: name, estimate: estimate, standardError: standardError, lower: lower.map { max($0, 0) },
                      upper: upper, fixed: fixed, atBound: atBound)
        } else {
            self.init(name: name, estimate: estimate, standardError: nil, lower: bound.lower, upper: nil, fixed: false,
                      note: bound.description)
        }
    }

    /// A row; non-finite values become `nil`. A parameter `atBound` has no standard error, test or interval
    /// (they assume an interior optimum).
    public init(name: String, estimate: Double, standardError: Double?, lower: Double?, upper: Double?, fixed: Bool,
                zStatistic: Double? = nil, atBound: Bool = false, note: String? = nil) {
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
        if let note {
            self.note = note
        } else if fixed {
            self.note = "held fixed"
        } else if atBound {
            self.note = "at its bound: no standard error"
        } else if self.standardError == nil {
            self.note = "not determined by these data"
        } else if let lower = self.lower, self.upper == nil {
            self.note = "not determined by these data (at least \(SizeBound.readable(lower)))"
        } else if let upper = self.upper, self.lower == nil {
            self.note = "not determined by these data (at most \(SizeBound.readable(upper)))"
        } else {
            self.note = nil
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
