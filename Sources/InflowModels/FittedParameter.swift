/// One estimated quantity of a curve fit, typed and in order (``CurveFit/parameterTable(level:)``): its name, what
/// it means, its value, standard error and Wald interval, and whether it was held fixed or ended at a bound.
///
/// The interval is `value ± z SE` (for `theta`, that of `log theta`, transformed back); a fixed parameter has SE 0
/// and the interval `[value, value]`; one at its bound keeps the numbers, but they assume an interior optimum and
/// mean little (``atBound``).
public struct FittedParameter: Sendable, Equatable, Codable {
    /// Its name (`K`, `r`, `t0`, `beta`, `theta`).
    public let name: String
    /// What it means, with its unit (the family's ``CurveParameter/summary``; fixed texts for `beta` and `theta`).
    public let summary: String
    /// The estimate (`theta` on its natural scale).
    public let value: Double
    /// Its standard error (delta method for `theta`; 0 when fixed; infinity when not identifiable).
    public let standardError: Double
    /// Lower end of the Wald interval.
    public let lower: Double
    /// Upper end of the Wald interval.
    public let upper: Double
    /// Whether it was held fixed.
    public let fixed: Bool
    /// Whether it ended on one of its bounds.
    public let atBound: Bool

    /// A parameter row.
    public init(name: String, summary: String, value: Double, standardError: Double, lower: Double, upper: Double,
                fixed: Bool, atBound: Bool) {
        self.name = name
        self.summary = summary
        self.value = value
        self.standardError = standardError
        self.lower = lower
        self.upper = upper
        self.fixed = fixed
        self.atBound = atBound
    }
}
