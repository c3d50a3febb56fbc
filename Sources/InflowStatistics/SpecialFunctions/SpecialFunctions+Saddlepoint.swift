import RealModule

extension SpecialFunctions {
    /// `½ log(2π)`.
    @usableFromInline static let halfLogTwoPi = 0.918_938_533_204_672_741_78

    /// The error of Stirling's formula: `δ(x) = log Γ(x) − (x − ½) log x + x − ½ log(2π)`,
    /// equivalently `log Γ(x + 1) − [(x + ½) log x − x + ½ log(2π)]`.
    ///
    /// For `x ≥ 10` the asymptotic series `Σ B₂ₖ / (2k(2k−1) x^(2k−1))`, k = 1…7
    /// (`1/(12x) − 1/(360x³) + 1/(1260x⁵) − …`), truncated where the next term is below 3·10⁻¹⁷ in absolute
    /// value; for `0 < x < 10` the definition with `logGamma`, whose absolute error is a few ulps of 20.
    /// Only the absolute error matters: δ enters exponents.
    /// - Complexity: O(1).
    /// - Reference: DLMF 5.11.1; C. Loader, "Fast and accurate computation of binomial probabilities", 2000.
    public static func stirlingError(_ x: Double) -> Double {
        if x >= 10 {
            let r = 1 / x
            let r2 = r * r
            return r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 * (1.0 / 1680
                - r2 * (1.0 / 1188 - r2 * (691.0 / 360_360 - r2 / 156))))))
        }
        guard x > 0 else { return x == 0 ? .infinity : .nan }
        return Double.logGamma(x) - (x - 0.5) * Double.log(x) + x - halfLogTwoPi
    }

    /// The saddle-point deviance `D(x, m) = x log(x/m) + m − x ≥ 0`, computed without cancellation.
    ///
    /// When `|x − m| < 0.1 (x + m)` it uses, with `v = (x − m)/(x + m)`,
    /// `D = (x − m) v + 2x (v³/3 + v⁵/5 + …)`, a series of positive terms; otherwise the definition.
    /// `D(0, m) = m` and `D(x, 0) = +∞` for x > 0.
    /// - Complexity: O(1) outside the series region; inside, the series needs at most about
    ///   `log(ε)/log(v²) ≤ 17` terms.
    /// - Reference: C. Loader (2000), function `bd0`.
    public static func deviance(_ x: Double, _ m: Double) -> Double {
        if x == 0 { return m }
        if m == 0 { return .infinity }
        if x.isInfinite || m.isInfinite { return .infinity }
        let d = x - m
        let s = x + m
        if Swift.abs(d) < 0.1 * s {
            let v = d / s
            let v2 = v * v
            var sum = d * v
            var term = 2 * x * v
            var j = 1.0
            while j < 200 {
                term *= v2
                let next = sum + term / (2 * j + 1)
                if next == sum { return next }
                sum = next
                j += 1
            }
            return sum
        }
        let ratio = x / m
        if ratio.isNormal && ratio.isFinite {
            return x * Double.log(ratio) + m - x
        }
        return x * (Double.log(x) - Double.log(m)) + m - x
    }

    /// `log(μ^k e^(−μ) / Γ(k + 1))` for real `k ≥ 0` and `μ ≥ 0`: the Poisson log-probability extended to
    /// real k, which also gives the gamma log-density.
    ///
    /// `−δ(k) − D(k, μ) − ½ log(2π k)` (``stirlingError(_:)``, ``deviance(_:_:)``) for `k > 0`,
    /// `−μ` for `k = 0`. Relative error of the probability a few ulps for every k and μ, where the direct
    /// `k log μ − μ − log Γ(k+1)` loses `log10(k log μ)` digits (six at μ = 10⁹).
    /// - Complexity: O(1).
    /// - Reference: C. Loader (2000), function `dpois_raw`.
    public static func logPoissonProbability(_ k: Double, mean mu: Double) -> Double {
        guard k >= 0, mu >= 0 else { return .nan }
        if mu == 0 { return k == 0 ? 0 : -.infinity }
        if k == 0 { return -mu }
        if mu.isInfinite || k.isInfinite { return -.infinity }
        return -stirlingError(k) - deviance(k, mu) - halfLogTwoPi - 0.5 * Double.log(k)
    }

    /// `log(Γ(x + y + 1) / (Γ(x + 1) Γ(y + 1)) · p^x q^y)` for real `x, y ≥ 0` and `p + q = 1`: the binomial
    /// log-probability of x successes and y failures, extended to real counts.
    ///
    /// Both `p` and `q = 1 − p` are passed so that callers can supply whichever was computed exactly.
    /// With `n = x + y`: `δ(n) − δ(x) − δ(y) − D(x, n p) − D(y, n q) + ½ log(n / (2π x y))`
    /// for x, y > 0; `n log q` or `n log p` when x or y is 0 (through `log1p` when the other probability
    /// is the small one). It also gives the beta density and the negative binomial probability.
    /// - Complexity: O(1).
    /// - Reference: C. Loader (2000), function `dbinom_raw`.
    public static func logBinomialProbability(
        successes x: Double, failures y: Double, probability p: Double, complement q: Double
    ) -> Double {
        guard x >= 0, y >= 0, p >= 0, q >= 0 else { return .nan }
        if p == 0 { return x == 0 ? 0 : -.infinity }
        if q == 0 { return y == 0 ? 0 : -.infinity }
        if x == 0 {
            if y == 0 { return 0 }
            return y * (p < 0.5 ? Double.log(onePlus: -p) : Double.log(q))
        }
        if y == 0 {
            return x * (q < 0.5 ? Double.log(onePlus: -q) : Double.log(p))
        }
        let n = x + y
        let exponent = stirlingError(n) - stirlingError(x) - stirlingError(y)
            - deviance(x, n * p) - deviance(y, n * q)
        return exponent + 0.5 * (Double.log(n) - Double.log(x) - Double.log(y)) - halfLogTwoPi
    }
}
