import RealModule

extension SpecialFunctions {
    /// `log |Γ(x)|`, from the C library through swift-numerics (`Double.logGamma`).
    ///
    /// Accurate to a few ulps of the result except close to the zeros of `log Γ` at 1 and 2, where the
    /// error is a few ulps of 1 (the usual behaviour of `lgamma`). Poles (x = 0, −1, −2, …) give +∞.
    /// - Complexity: O(1).
    @inlinable
    public static func logGamma(_ x: Double) -> Double {
        Double.logGamma(x)
    }

    /// `log n!` = `log Γ(n + 1)`; a table for n < 256, `logGamma(n + 1)` above.
    ///
    /// - Precondition: `n >= 0`.
    /// - Complexity: O(1).
    public static func logFactorial(_ n: Int) -> Double {
        precondition(n >= 0, "logFactorial needs n >= 0, got \(n)")
        if n < logFactorialTable.count {
            return logFactorialTable[n]
        }
        return Double.logGamma(Double(n) + 1)
    }

    static let logFactorialTable: [Double] = (0..<256).map { Double.logGamma(Double($0) + 1) }

    /// `log B(a, b)` = `log Γ(a) + log Γ(b) − log Γ(a + b)` for a, b > 0, without the cancellation of
    /// the three terms when an argument is large.
    ///
    /// With `s = min(a, b)`, `l = max(a, b)`, `n = a + b` and `δ` the ``stirlingError(_:)``:
    /// - `l < 10`: the three `logGamma` terms directly (they are small);
    /// - `s < 10 ≤ l`: `log Γ(s) − s log n − (l − ½) log1p(s/l) + s + δ(l) − δ(n)`;
    /// - `s ≥ 10`: `½ log(2π n/(a b)) + a log(a/n) + b log(b/n) + δ(a) + δ(b) − δ(n)`,
    ///   whose main terms have one sign.
    ///
    /// Relative error a few ulps in all three regions.
    /// - Complexity: O(1).
    /// - Reference: DLMF 5.11.1 (Stirling series) and 5.12.1; the split follows NSWC's `betaln`
    ///   (A. R. DiDonato, A. H. Morris, ACM TOMS 18, 1992) in spirit.
    public static func logBeta(_ a: Double, _ b: Double) -> Double {
        guard a > 0, b > 0 else { return .nan }
        if a.isInfinite || b.isInfinite { return -.infinity }
        let small = Swift.min(a, b)
        let large = Swift.max(a, b)
        let n = a + b
        if large < 10 {
            return Double.logGamma(a) + Double.logGamma(b) - Double.logGamma(n)
        }
        let correction = stirlingError(large) - stirlingError(n)
        if small < 10 {
            return Double.logGamma(small) - small * Double.log(n)
                - (large - 0.5) * Double.log(onePlus: small / large) + small + correction
        }
        return 0.5 * Double.log(2 * Double.pi * (n / a) / b)
            + a * Double.log(a / n) + b * Double.log(b / n)
            + stirlingError(small) + correction
    }
}
