/// Safeguarded Halley iteration for increasing functions, used by the inverse incomplete gamma and beta
/// functions.
@usableFromInline
enum RootFinding {
    /// One evaluation of the function being inverted: `f(x)`, `f′(x) > 0` and the ratio `f″(x)/f′(x)`.
    struct Evaluation {
        var value: Double
        var derivative: Double
        var curvature: Double
    }

    /// Finds the root of an increasing function on the open interval (`lower`, `upper`).
    ///
    /// Each step is Halley's `x − t / (1 − ½ min(1, t f″/f′))` with `t = f/f′`; the root stays bracketed
    /// by the points where f changed sign, and a step that leaves the bracket is replaced by a bisection
    /// (geometric when the bracket spans more than a factor 4, and by quarters towards a lower bound of 0).
    /// Stops when a Halley step changes x by at most `relativeTolerance · |x|` (such a step can be below one ulp).
    /// - Complexity: O(`maxIterations`) evaluations at most; typically 3–6.
    static func increasingRoot(
        start: Double,
        lower: Double,
        upper: Double,
        relativeTolerance: Double = 4 * Double.ulpOfOne,
        maxIterations: Int = 200,
        _ evaluate: (Double) -> Evaluation
    ) -> Double {
        var lo = lower
        var hi = upper
        var x = Swift.min(Swift.max(start, lower), upper)
        if !(x > lo && x < hi) {
            x = hi.isFinite ? (lo > 0 && hi > 4 * lo ? (lo * hi).squareRoot() : 0.5 * (lo + hi)) : Swift.max(2 * lo, 1)
        }
        for _ in 0..<maxIterations {
            let e = evaluate(x)
            if e.value == 0 { return x }
            if e.value < 0 { lo = x } else { hi = x }
            var next = Double.nan
            if e.derivative > 0 && e.derivative.isFinite && e.value.isFinite {
                let t = e.value / e.derivative
                let c = t * e.curvature
                let u = c.isFinite ? t / (1 - 0.5 * Swift.min(1, c)) : t
                next = x - u
                // A step below the tolerance (possibly below one ulp, so next == x) means convergence.
                if Swift.abs(u) <= relativeTolerance * Swift.abs(x) {
                    return next
                }
            }
            if !(next > lo && next < hi) {
                if !hi.isFinite {
                    next = Swift.max(2 * x, 1)
                } else if lo <= 0 {
                    next = 0.25 * hi
                    if next == 0 { return 0 }
                } else if hi > 4 * lo {
                    next = (lo * hi).squareRoot()
                } else {
                    next = 0.5 * (lo + hi)
                }
            }
            if Swift.abs(next - x) <= relativeTolerance * Swift.abs(next) {
                return next
            }
            if hi.isFinite && lo > 0 && hi - lo <= relativeTolerance * hi {
                return 0.5 * (lo + hi)
            }
            x = next
        }
        return x
    }
}
