import RealModule

extension SpecialFunctions {
    /// The positive zero of the digamma function, x₀ = 1.46163214496836234126…, as a double-double
    /// (`x₀ = digammaRootHigh + digammaRootLow` to about 32 digits).
    static let digammaRootHigh = 1.4616321449683622
    static let digammaRootLow = 9.549995429965697e-17

    /// Half-width of the interval around x₀ where ``digamma(_:)`` uses its Taylor series.
    static let digammaRootRadius = 0.25

    /// Taylor coefficients of ψ about x₀: `cₖ = (−1)^(k+1) ζ(k+1, x₀)`, k = 1…32, so that
    /// `ψ(x₀ + h) = Σ cₖ hᵏ`. On |h| ≤ 0.25 the terms fall like (0.25/x₀)ᵏ ≈ 0.17ᵏ.
    static let digammaRootCoefficients: [Double] = {
        let root = digammaRootHigh + digammaRootLow
        return (1...32).map { k in
            let zeta = hurwitzZeta(Double(k + 1), root)
            return k % 2 == 1 ? zeta : -zeta
        }
    }()

    /// Even-index Bernoulli numbers B₂, B₄, …, B₁₆.
    static let bernoulliEven: [Double] = [
        1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66, -691.0 / 2730, 7.0 / 6, -3617.0 / 510,
    ]

    /// The Hurwitz zeta function `ζ(s, q) = Σ_{n≥0} (q + n)^(−s)` for real `s > 1`, `q > 0`, by
    /// Euler–Maclaurin summation: the first N = 12 terms, then
    /// `a^(1−s)/(s−1) + a^(−s)/2 + Σⱼ B₂ⱼ/(2j)! · s(s+1)…(s+2j−2) · a^(−s−2j+1)` with `a = q + N`, j ≤ 8.
    /// Relative error a few ulps for the arguments used here (s ≥ 2, q ≈ 1.46).
    /// - Complexity: O(1) (20 terms).
    /// - Reference: DLMF 25.11.5 and 2.10.1.
    static func hurwitzZeta(_ s: Double, _ q: Double) -> Double {
        let terms = 12
        var sum = 0.0
        for n in 0..<terms {
            sum += Double.pow(q + Double(n), -s)
        }
        let a = q + Double(terms)
        sum += Double.pow(a, 1 - s) / (s - 1) + 0.5 * Double.pow(a, -s)
        // factor holds s(s+1)…(s+2j−2) a^(−s−2j+1) / (2j)!
        var factor = s * Double.pow(a, -s - 1) / 2
        for j in 1...bernoulliEven.count {
            sum += bernoulliEven[j - 1] * factor
            let m = Double(2 * j)
            factor *= (s + m - 1) * (s + m) / ((m + 1) * (m + 2) * a * a)
        }
        return sum
    }

    /// The digamma function `ψ(x) = d/dx log Γ(x)`.
    ///
    /// - `x ≥ 10`: `log x − 1/(2x) − Σ_{k=1}^{8} B₂ₖ/(2k x^(2k))` (next term below 10⁻¹⁷ relative);
    /// - `|x − x₀| ≤ 0.25` around the positive zero x₀: the Taylor series `Σ (−1)^(k+1) ζ(k+1, x₀) hᵏ` with
    ///   `h = (x − x₀_high) − x₀_low`, which keeps full *relative* precision next to the zero;
    /// - `0 < x < 10`: the recurrence `ψ(x) = ψ(x + m) − Σ_{j<m} 1/(x + j)` up to x + m ≥ 10;
    /// - `x < 0`: the reflection `ψ(x) = ψ(1 − x) − π cot(πx)`, with `cot(πx)` reduced exactly mod 1;
    ///   poles (0, −1, −2, …) give NaN.
    ///
    /// Relative error a few ulps for x > 0. Needed for negative-binomial dispersion estimation by maximum likelihood.
    /// - Complexity: O(1) (at most 10 recurrence steps and 32 series terms).
    /// - Reference: DLMF 5.15.8 (asymptotic), 5.5.2 (recurrence), 5.5.4 (reflection), 25.11.12 (Taylor series).
    public static func digamma(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x <= 0 {
            if x == x.rounded(.down) { return .nan }
            return digamma(1 - x) - Double.pi / tanPi(x)
        }
        if x == .infinity { return .infinity }
        let h = (x - digammaRootHigh) - digammaRootLow
        if Swift.abs(h) <= digammaRootRadius {
            var sum = 0.0
            for c in digammaRootCoefficients.reversed() {
                sum = (sum + c) * h
            }
            return sum
        }
        var y = x
        var shift = 0.0
        while y < 10 {
            shift += 1 / y
            y += 1
        }
        let r = 1 / y
        return Double.log(y) - 0.5 * r - digammaSeries(r * r) - shift
    }

    /// `Σ_{k=1}^{8} B₂ₖ/(2k) r^(2k)`, Horner in `r2 = r²` with the coefficients folded at compile time.
    @inline(__always)
    static func digammaSeries(_ r2: Double) -> Double {
        r2 * (1.0 / 12 + r2 * (-1.0 / 120 + r2 * (1.0 / 252 + r2 * (-1.0 / 240 + r2 * (1.0 / 132
            + r2 * (-691.0 / 32760 + r2 * (1.0 / 12 + r2 * (-3617.0 / 8160))))))))
    }

    /// `Σ_{k=1}^{8} B₂ₖ r^(2k)`, Horner in `r2 = r²`.
    @inline(__always)
    static func trigammaSeries(_ r2: Double) -> Double {
        r2 * (1.0 / 6 + r2 * (-1.0 / 30 + r2 * (1.0 / 42 + r2 * (-1.0 / 30 + r2 * (5.0 / 66
            + r2 * (-691.0 / 2730 + r2 * (7.0 / 6 + r2 * (-3617.0 / 510))))))))
    }

    /// `ψ(x)` and `ψ₁(x)` together, sharing the recurrence to `x + m ≥ 10` and the reciprocal: the pair
    /// a negative-binomial dispersion score and information need for every observation. The same
    /// formulas as ``digamma(_:)`` and ``trigamma(_:)``, which it calls for `x ≤ 0`, non-finite `x` and
    /// next to the zero of ψ.
    /// - Complexity: O(1), one logarithm and at most 10 recurrence steps.
    public static func digammaAndTrigamma(_ x: Double) -> (digamma: Double, trigamma: Double) {
        guard x > 0, x < .infinity, Swift.abs((x - digammaRootHigh) - digammaRootLow) > digammaRootRadius else {
            return (digamma(x), trigamma(x))
        }
        var y = x
        var shift = 0.0, shiftSquares = 0.0
        while y < 10 {
            let inverse = 1 / y
            shift += inverse
            shiftSquares += inverse * inverse
            y += 1
        }
        let r = 1 / y
        let r2 = r * r
        return (Double.log(y) - 0.5 * r - digammaSeries(r2) - shift,
                shiftSquares + r * (1 + 0.5 * r + trigammaSeries(r2)))
    }

    /// The trigamma function `ψ₁(x) = d²/dx² log Γ(x)`.
    ///
    /// - `x ≥ 10`: `1/x + 1/(2x²) + Σ_{k=1}^{8} B₂ₖ / x^(2k+1)`;
    /// - `0 < x < 10`: `ψ₁(x) = ψ₁(x + m) + Σ_{j<m} 1/(x + j)²` (positive terms, no cancellation);
    /// - `x < 0`: `ψ₁(x) = π² / sin²(πx) − ψ₁(1 − x)`; poles give NaN.
    ///
    /// Relative error a few ulps for x > 0.
    /// - Complexity: O(1).
    /// - Reference: DLMF 5.15.8 differentiated, 5.15.5, 5.15.6.
    public static func trigamma(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x <= 0 {
            if x == x.rounded(.down) { return .nan }
            let s = sinPi(x)
            return Double.pi * Double.pi / (s * s) - trigamma(1 - x)
        }
        if x == .infinity { return 0 }
        var y = x
        var shift = 0.0
        while y < 10 {
            shift += 1 / (y * y)
            y += 1
        }
        let r = 1 / y
        return shift + r * (1 + 0.5 * r + trigammaSeries(r * r))
    }

    /// `sin(πx)` with the argument reduced exactly to [−½, ½] first.
    static func sinPi(_ x: Double) -> Double {
        let n = x.rounded()
        let r = x - n
        let s = Double.sin(Double.pi * r)
        return n.truncatingRemainder(dividingBy: 2) == 0 ? s : -s
    }

    /// `tan(πx)` with the argument reduced exactly to [−½, ½] first (tan has period π).
    static func tanPi(_ x: Double) -> Double {
        let r = x - x.rounded()
        return Double.tan(Double.pi * r)
    }
}
