import Foundation

extension CurveFit {
    /// How many times farther from its bound than the estimate an interval end may reach before it counts as not
    /// determined by the data (an order of magnitude; the final size's ``SizeBound/undeterminedFactor`` is the same
    /// idea against the arrivals so far).
    public static let undeterminedIntervalRatio = 10.0

    /// The Wald interval of the estimated quantity at `index` (in ``parameterNames``' order), built on the scale
    /// that keeps it inside its range and transformed back:
    ///
    /// - `theta`, estimated as `log theta`: `exp(log theta ± z SE(log theta))`;
    /// - a parameter bounded below only, `x >= L` (final sizes, growth rates, an estimated background `beta >= 0`):
    ///   on `log(x - L)`, `L + (x - L) exp(± z SE / (x - L))`;
    /// - a parameter bounded on both sides, `L <= x <= U` (a wave's share, a hazard or shape the family keeps in a
    ///   range): on `logit((x - L) / (U - L))`, with
    ///   `SE / ((x - L)(U - x) / (U - L))` on that scale;
    /// - a parameter bounded above only: on `log(U - x)`; an unbounded one (an onset, a midpoint): `x ± z SE`.
    ///
    /// The bounds are the family's (``CurveParameter/lowerBound``, ``CurveParameter/upperBound``), not the search
    /// limits of ``FitOptions``. The standard error on the new scale is the delta method's, `SE |g'(x)|`, so near the
    /// estimate the interval is the symmetric `x ± z SE`; away from it, it bends to stay in range, where the
    /// symmetric one would hold impossible values (a negative hazard rate, a share above 1). A parameter at its bound
    /// (where `x - L` is 0) falls back to the symmetric interval; tables show none for it.
    ///
    /// An end the data do not determine is infinite: on the log scale, when the interval would reach more than
    /// ``undeterminedIntervalRatio`` times as far from the bound as the estimate is (a relative standard error above
    /// about 1.2 at 95%), the far end is `+inf` (or `-inf` for a parameter bounded above), which tables show as "not
    /// determined by these data (at least ...)" with the end the data do give, instead of a bound of billions.
    ///
    /// Reference: the delta method and transformed Wald intervals, Casella & Berger, *Statistical Inference*, 2nd
    /// ed., section 10.1.6; R's `confint.default` is the symmetric interval on the natural scale.
    /// - Complexity: O(1).
    func waldInterval(_ index: Int, z: Double) -> (lower: Double, upper: Double) {
        let estimate = vector[index]
        let internalSE = fixed[index] ? 0 : (covariance.map { $0[index, index].squareRoot() } ?? .infinity)
        let name = parameterNames[index]
        if name == "theta" {
            return (Foundation.exp(estimate - z * internalSE), Foundation.exp(estimate + z * internalSE))
        }
        let (lower, upper): (Double, Double)
        if index < family.parameterCount {
            (lower, upper) = (family.parameters[index].lowerBound, family.parameters[index].upperBound)
        } else {
            (lower, upper) = (0, .infinity)   // beta, the background rate
        }
        return Self.waldInterval(estimate: estimate, standardError: internalSE, lowerBound: lower, upperBound: upper, z: z)
    }

    /// The Wald interval of `estimate` with standard error `standardError` for a parameter in
    /// `[lowerBound, upperBound]` (either may be infinite), on the scale of ``waldInterval(_:z:)``.
    /// - Complexity: O(1).
    static func waldInterval(estimate: Double, standardError: Double, lowerBound lower: Double, upperBound upper: Double,
                             z: Double) -> (lower: Double, upper: Double) {
        let symmetric = (estimate - z * standardError, estimate + z * standardError)
        guard standardError > 0 else { return symmetric }
        switch (lower.isFinite, upper.isFinite) {
        case (true, false):
            let distance = estimate - lower
            guard distance > 0 else { return symmetric }
            let spread = z * standardError / distance
            let far = Foundation.exp(spread)
            return (lower + distance / far, far > undeterminedIntervalRatio ? .infinity : lower + distance * far)
        case (false, true):
            let distance = upper - estimate
            guard distance > 0 else { return symmetric }
            let spread = z * standardError / distance
            let far = Foundation.exp(spread)
            return (far > undeterminedIntervalRatio ? -.infinity : upper - distance * far, upper - distance / far)
        case (true, true):
            let width = upper - lower
            let share = (estimate - lower) / width
            guard share > 0, share < 1 else { return symmetric }
            let logit = Foundation.log(share / (1 - share))
            let spread = z * standardError / (width * share * (1 - share))
            func expit(_ u: Double) -> Double { 1 / (1 + Foundation.exp(-u)) }
            return (lower + width * expit(logit - spread), lower + width * expit(logit + spread))
        case (false, false):
            return symmetric
        }
    }
}
