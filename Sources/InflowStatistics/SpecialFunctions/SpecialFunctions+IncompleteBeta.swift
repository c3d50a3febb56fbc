import RealModule

extension SpecialFunctions {
    /// The regularized incomplete beta function
    /// `I_x(a, b) = (1/B(a, b)) ∫₀ˣ t^(a−1) (1 − t)^(b−1) dt` for a, b > 0 and 0 ≤ x ≤ 1.
    ///
    /// It is the Beta(a, b) cdf; the binomial cdf is `I_{1−p}(n − k, k + 1)` and the negative binomial cdf
    /// `I_π(θ, k + 1)`. See ``regularizedBeta(_:_:x:y:)``.
    /// - Complexity: O(1 + √max(a, b)) iterations at worst.
    public static func regularizedBeta(_ a: Double, _ b: Double, _ x: Double) -> Double {
        regularizedBeta(a, b, x: x, y: 1 - x).p
    }

    /// `I_x(a, b)` and its complement `1 − I_x(a, b) = I_y(b, a)`, with `y = 1 − x` passed by the caller so
    /// that a y computed without cancellation (for example `μ/(θ + μ)`) keeps its precision.
    ///
    /// The continued fraction
    /// `I_x(a, b) = x^a y^b / (a B(a, b)) · 1/(1+ d₁/(1+ d₂/(1+ …)))` with
    /// `d_{2m+1} = −(a+m)(a+b+m)x / ((a+2m)(a+2m+1))`, `d_{2m} = m(b−m)x / ((a+2m−1)(a+2m))`,
    /// evaluated by the modified Lentz method, converges fast for `x < (a+1)/(a+b+2)`; above that point the
    /// same fraction gives the complement `I_y(b, a)`. The prefactor `x^a y^b / B(a, b)` is computed with
    /// ``logBinomialProbability(successes:failures:probability:complement:)``, and the first denominator
    /// `1 − (a+b)x/(a+1)` as `(a y + 1 − b x)/(a + 1)`, so large a and b keep full precision.
    ///
    /// The fraction with first parameter A loses about `log10(A / (A y + B x + 1))` digits when A dominates (the
    /// distribution piles up against an end of [0, 1], as the negative binomial does for θ ≫ μ); when the natural
    /// side would lose more than three digits, the other side is evaluated too and used if its complement is
    /// more accurate. Relative error of the directly computed side otherwise about `√(iterations) · ε`; the other
    /// side is its complement. In the far tails of such piled-up cases both sides lose digits: the negative
    /// binomial and binomial cdfs sum their probabilities there instead.
    /// - Complexity: O(1 + √max(a, b)) iterations near the mean, fewer in the tails; at most two fractions.
    /// - Reference: *Numerical Recipes*, 3rd ed., §6.4 (`betacf`); DLMF 8.17.22; C. Loader (2000).
    public static func regularizedBeta(_ a: Double, _ b: Double, x: Double, y: Double) -> (p: Double, q: Double) {
        guard a > 0, b > 0, x >= 0, y >= 0, x <= 1, y <= 1 else { return (.nan, .nan) }
        if x == 0 { return (0, 1) }
        if y == 0 { return (1, 0) }
        if a.isInfinite || b.isInfinite { return (.nan, .nan) }
        let n = a + b
        let logKernel = logBinomialProbability(successes: a, failures: b, probability: x, complement: y)
        // I_x(a, b) from the fraction in (a, b, x), and the complement I_y(b, a) from the fraction in (b, a, y).
        func direct() -> Double {
            Swift.min(1, Double.exp(logKernel + Double.log(b / n)) * betaContinuedFraction(a, b, x: x, y: y))
        }
        func swapped() -> Double {
            Swift.min(1, Double.exp(logKernel + Double.log(a / n)) * betaContinuedFraction(b, a, x: y, y: x))
        }
        // The fraction in (A, B, X) loses about log10(A / (A Y + B X + 1)) digits when its first parameter
        // dominates (the distribution piles up at X ≈ 1): its odd coefficients are then −1 + O(1/A).
        let denominator = a * y + b * x + 1
        let directLoss = a / denominator
        let swappedLoss = b / denominator
        let directIsNatural = x < (a + 1) / (n + 2)
        let naturalLoss = directIsNatural ? directLoss : swappedLoss
        let otherLoss = directIsNatural ? swappedLoss : directLoss
        if naturalLoss > 1000 && otherLoss < naturalLoss {
            // Evaluate the other side: accurate itself, its complement has the error of a subtraction.
            let other = directIsNatural ? swapped() : direct()
            let small = 1 - other
            if small > 0 && (otherLoss * other + 1) / small < naturalLoss {
                return directIsNatural ? (small, other) : (other, small)
            }
        }
        if directIsNatural {
            let value = direct()
            return (value, 1 - value)
        }
        let complement = swapped()
        return (1 - complement, complement)
    }

    /// The continued fraction of `I_x(a, b)` after its prefactor (modified Lentz).
    static func betaContinuedFraction(_ a: Double, _ b: Double, x: Double, y: Double) -> Double {
        let tiny = 1e-300
        let sum = a + b
        var c = 1.0
        var d = (a * y + 1 - b * x) / (a + 1)
        if Swift.abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        var m = 1.0
        while m < 1e8 {
            let m2 = 2 * m
            var coefficient = m * (b - m) * x / ((a - 1 + m2) * (a + m2))
            d = 1 + coefficient * d
            if Swift.abs(d) < tiny { d = tiny }
            c = 1 + coefficient / c
            if Swift.abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            coefficient = -(a + m) * (sum + m) * x / ((a + m2) * (a + 1 + m2))
            d = 1 + coefficient * d
            if Swift.abs(d) < tiny { d = tiny }
            c = 1 + coefficient / c
            if Swift.abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if Swift.abs(delta - 1) <= 0x1p-53 { break }
            m += 1
        }
        return h
    }

    /// The inverse of ``regularizedBeta(_:_:_:)`` in x: the x in [0, 1] with `I_x(a, b) = p`.
    public static func inverseRegularizedBeta(_ a: Double, _ b: Double, _ p: Double) -> Double {
        inverseRegularizedBeta(a, b, p: p, q: 1 - p)
    }

    /// The x with `I_x(a, b) = p` and `1 − I_x(a, b) = q`, solving for the smaller probability: below ½ on
    /// `I_x(a, b) = p`; above, on `I_y(b, a) = q` for `y = 1 − x`, so upper-tail quantiles keep precision.
    ///
    /// Start (for the lower tail): when `a, b ≥ 1` the normal approximation of Abramowitz & Stegun 26.5.22,
    /// `x = a / (a + b e^(2w))` with `w = z√(h + λ)/h − (1/(2b−1) − 1/(2a−1))(λ + 5/6 − 2/(3h))`, `z = −Φ⁻¹(p)`,
    /// `λ = (z² − 3)/6`, `h = 2/(1/(2a−1) + 1/(2b−1))`; otherwise the power-law tails
    /// `x ≈ (a w p)^(1/a)` or `1 − (b w (1−p))^(1/b)` with `w = (a/(a+b))^a/a + (b/(a+b))^b/b`.
    /// Then safeguarded Halley steps with `f′ = x^(a−1)(1−x)^(b−1)/B(a, b)` and `f″/f′ = (a−1)/x − (b−1)/(1−x)`.
    /// - Complexity: typically 3–8 evaluations of `I_x`.
    /// - Reference: *Numerical Recipes*, 3rd ed., §6.14.2 (`invbetai`); Abramowitz & Stegun 26.5.22.
    public static func inverseRegularizedBeta(_ a: Double, _ b: Double, p: Double, q: Double) -> Double {
        guard a > 0, b > 0, p >= 0, q >= 0, p <= 1, q <= 1 else { return .nan }
        if p == 0 { return 0 }
        if q == 0 { return 1 }
        if p <= q {
            return lowerBetaRoot(a, b, p)
        }
        return 1 - lowerBetaRoot(b, a, q)
    }

    /// The x with `I_x(a, b) = p` for `p ≤ ½`.
    static func lowerBetaRoot(_ a: Double, _ b: Double, _ p: Double) -> Double {
        var start: Double
        if a >= 1 && b >= 1 {
            let z = -normalQuantile(p)
            let lambda = (z * z - 3) / 6
            let h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1))
            let w = z * (h + lambda).squareRoot() / h
                - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (lambda + 5.0 / 6 - 2 / (3 * h))
            start = a / (a + b * Double.exp(2 * w))
        } else {
            let logA = Double.log(a / (a + b))
            let logB = Double.log(b / (a + b))
            let t = Double.exp(a * logA) / a
            let u = Double.exp(b * logB) / b
            let w = t + u
            if p < t / w {
                start = Double.pow(a * w * p, 1 / a)
                // The power-law tail x^a / (a B) is accurate there: a root below the smallest double is 0.
                if start == 0 { return 0 }
            } else {
                start = 1 - Double.pow(b * w * (1 - p), 1 / b)
            }
        }
        if !(start > 0 && start < 1) { start = 0.5 }
        let logBetaAB = logBeta(a, b)
        return RootFinding.increasingRoot(start: start, lower: 0, upper: 1) { x in
            let y = 1 - x
            let value = regularizedBeta(a, b, x: x, y: y).p - p
            let logDensity = (a - 1) * Double.log(x) + (b - 1) * Double.log(onePlus: -x) - logBetaAB
            return RootFinding.Evaluation(
                value: value, derivative: Double.exp(logDensity), curvature: (a - 1) / x - (b - 1) / y)
        }
    }
}
