import Foundation

/// The estimates as an ordered, typed collection (the dictionaries ``CurveFit/parameters``,
/// ``CurveFit/standardErrors`` and ``CurveFit/confidenceIntervals(level:)`` have no order).
extension CurveFit {
    /// Every estimated quantity in ``parameterNames``' order: the family's parameters, then `beta` (an estimated
    /// background) and `theta` (NB2), each with its Wald interval at `level` on the scale that keeps it in its range (as ``confidenceIntervals(level:)``;
    /// see ``FittedParameter``).
    /// - Complexity: O(p).
    public func parameterTable(level: Double = 0.95) -> [FittedParameter] {
        let z = Self.zValue(level)
        return parameterNames.enumerated().map { index, name in
            let isDispersion = name == "theta"
            let interval = waldInterval(index, z: z)
            let summary: String
            if index < family.parameterCount {
                summary = family.parameters[index].summary
            } else if isDispersion {
                summary = "negative binomial dispersion (variance mu + mu^2 / theta)"
            } else {
                summary = "background arrivals per day"
            }
            return FittedParameter(
                name: name, summary: summary, value: naturalValue(index), standardError: standardError(index),
                lower: interval.lower, upper: interval.upper,
                level: level, fixed: fixed[index], atBound: isAtBound(index))
        }
    }
}
