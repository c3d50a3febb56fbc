import Foundation

/// One estimated quantity of a curve fit, typed and in order (``CurveFit/parameterTable(level:)``): its name, what
/// it means, its value, standard error and Wald interval, and whether it was held fixed or ended at a bound.
///
/// The interval is `value ± z SE` (for `theta`, that of `log theta`, transformed back); a fixed parameter has SE 0
/// and the interval `[value, value]`; one at its bound keeps the numbers, but they assume an interior optimum and
/// mean little (``atBound``).
public struct FittedParameter: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Its name (`K`, `r`, `t0`, `beta`, `theta`).
    public let name: String
    /// What it means, with its unit (the family's ``CurveParameter/summary``; fixed texts for `beta` and `theta`).
    public let summary: String
    /// The estimate (`theta` on its natural scale).
    public let value: Double
    /// Its standard error (delta method for `theta`; 0 when fixed; infinity when not identifiable).
    public let standardError: Double
    /// Lower end of the Wald interval, on the scale that keeps the parameter in its range (see
    /// ``CurveFit/confidenceIntervals(level:)``).
    public let lower: Double
    /// Upper end of the Wald interval.
    public let upper: Double
    /// The level of the interval.
    public let level: Double
    /// Whether it was held fixed.
    public let fixed: Bool
    /// Whether it ended on one of its bounds.
    public let atBound: Bool

    /// A parameter row.
    public init(name: String, summary: String, value: Double, standardError: Double, lower: Double, upper: Double,
                level: Double, fixed: Bool, atBound: Bool) {
        self.name = name
        self.summary = summary
        self.value = value
        self.standardError = standardError
        self.lower = lower
        self.upper = upper
        self.level = level
        self.fixed = fixed
        self.atBound = atBound
    }

    /// `K = 2,226 (SE 416; 95% interval 1,411 to 3,041): final size (arrivals)`; `t0 = 6 (held fixed): ...`;
    /// a parameter at its bound says so instead of an interval.
    public var description: String {
        func text(_ x: Double) -> String {
            guard x.isFinite else { return x.isNaN ? "not computed" : (x > 0 ? "unbounded" : "minus unbounded") }
            return SizeBound.readable(x)
        }
        let detail: String
        if fixed {
            detail = "held fixed"
        } else if atBound {
            detail = "at its bound: no standard error"
        } else if standardError.isFinite && lower.isFinite && upper == .infinity {
            detail = "SE \(text(standardError)); \(String(format: "%g", level * 100))% interval not determined by these data "
                + "(at least \(text(lower)))"
        } else {
            detail = "SE \(text(standardError)); \(String(format: "%g", level * 100))% interval \(text(lower)) to \(text(upper))"
        }
        return "\(name) = \(text(value)) (\(detail)): \(summary)"
    }
}
