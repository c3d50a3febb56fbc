/// The Wald–Wolfowitz runs test of a sequence of signs: too few runs (long stretches of residuals on one side)
/// say the curve misses the data's shape; too many say the residuals alternate more than chance would.
///
/// With `n1` positive and `n2` negative values (zeros dropped), `n = n1 + n2` and `R` runs:
/// `E[R] = 2 n1 n2 / n + 1`, `Var[R] = 2 n1 n2 (2 n1 n2 - n) / (n^2 (n - 1))`, `z = (R - E[R]) / sqrt(Var[R])`
/// and the two-sided p-value `2 (1 - Phi(|z|))` (normal approximation, no continuity correction; rough below
/// about ten of each sign). Without both signs, `z` and `p` are NaN.
///
/// - Complexity: O(n).
/// - Reference: A. Wald, J. Wolfowitz, "On a test whether two samples are from the same population", *Annals of
///   Mathematical Statistics* 11(2), 147–162, 1940.
public struct RunsTest: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Number of runs `R`.
    public let runs: Int
    /// Positive values `n1`.
    public let positives: Int
    /// Negative values `n2`.
    public let negatives: Int
    /// `E[R]`.
    public let expected: Double
    /// `Var[R]`.
    public let variance: Double
    /// `(R - E[R]) / sqrt(Var[R])`.
    public let z: Double
    /// Two-sided p-value.
    public let pValue: Double

    /// The test of the signs of `values` (zeros and NaN dropped).
    public init(signsOf values: [Double]) {
        let signs = values.filter { $0 != 0 && !$0.isNaN }.map { $0 > 0 }
        positives = signs.filter { $0 }.count
        negatives = signs.count - positives
        runs = signs.isEmpty ? 0 : 1 + zip(signs, signs.dropFirst()).filter { $0 != $1 }.count
        let n1 = Double(positives), n2 = Double(negatives), n = n1 + n2
        expected = n > 0 ? 2 * n1 * n2 / n + 1 : .nan
        variance = n > 1 ? 2 * n1 * n2 * (2 * n1 * n2 - n) / (n * n * (n - 1)) : .nan
        z = variance > 0 ? (Double(runs) - expected) / variance.squareRoot() : .nan
        pValue = z.isNaN ? .nan : 2 * InflowStatisticsBridge.standardNormalUpperTail(abs(z))
    }

    /// `13 runs of residual signs, 7.9 expected (z = 2.78, p = 0.0054)`.
    public var description: String {
        guard !z.isNaN else { return "\(runs) run\(runs == 1 ? "" : "s") of residual signs (no test: every residual has the same sign)" }
        return "\(runs) runs of residual signs, " + String(format: "%.1f expected (z = %.2f, p = %.2g)", expected, z, pValue)
    }
}
