import InflowStatistics

/// The few statistics functions the models use, in one place.
enum InflowStatisticsBridge {
    /// Standard normal quantile.
    static func normalQuantile(_ p: Double) -> Double { SpecialFunctions.normalQuantile(p) }
    /// Chi-square(1) quantile: the square of the normal quantile at `(1 + p) / 2`.
    static func chiSquare1Quantile(_ p: Double) -> Double {
        let z = SpecialFunctions.normalQuantile((1 + p) / 2)
        return z * z
    }
    /// `1 - Phi(z)`, the standard normal upper tail.
    static func standardNormalUpperTail(_ z: Double) -> Double { SpecialFunctions.standardNormalCDF(-z) }
}
