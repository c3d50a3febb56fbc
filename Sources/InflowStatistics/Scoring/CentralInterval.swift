/// A central prediction interval `[l, u]` of nominal coverage `1 − α`, bounded by the `α/2` and `1 − α/2`
/// quantiles of a predictive distribution.
///
/// Its interval score (Gneiting & Raftery 2007, eq. 43; Bracher et al. 2021, eq. 1) is
///
///     IS_α(F, y) = (u − l) + (2/α)(l − y) 1{y < l} + (2/α)(y − u) 1{y > u}
///
/// a proper score for the pair of quantiles: the width, plus a penalty growing with `2/α` for each unit the
/// observation falls outside.
///
/// - References:
///   - T. Gneiting, A. E. Raftery, "Strictly proper scoring rules, prediction, and estimation",
///     Journal of the American Statistical Association 102(477), 359–378, 2007.
///   - J. Bracher, E. L. Ray, T. Gneiting, N. G. Reich, "Evaluating epidemic forecasts in an interval format",
///     PLoS Computational Biology 17(2), e1008618, 2021.
public struct CentralInterval: Sendable, Equatable {
    /// `α`: the probability the interval leaves outside, `1 −` its nominal coverage (0.1 for a 90% interval).
    public let alpha: Double
    /// `l`, the `α/2` quantile.
    public let lower: Double
    /// `u`, the `1 − α/2` quantile.
    public let upper: Double

    /// An interval leaving probability `alpha` outside.
    ///
    /// - Precondition: `0 < alpha ≤ 1` and `lower ≤ upper`.
    public init(alpha: Double, lower: Double, upper: Double) {
        precondition(alpha > 0 && alpha <= 1, "alpha must be in (0, 1], got \(alpha)")
        precondition(lower <= upper, "the lower bound \(lower) exceeds the upper bound \(upper)")
        self.alpha = alpha
        self.lower = lower
        self.upper = upper
    }

    /// The nominal coverage `1 − α` (0.9 for a 90% interval).
    public var nominalCoverage: Double { 1 - alpha }

    /// Whether `l ≤ y ≤ u` (the closed interval, as scoringutils' `interval_coverage`).
    public func contains(_ observation: Double) -> Bool {
        lower <= observation && observation <= upper
    }

    /// The (unweighted) interval score `IS_α(F, y)` stated above.
    public func intervalScore(observation y: Double) -> Double {
        var score = upper - lower
        if y < lower { score += 2 / alpha * (lower - y) }
        if y > upper { score += 2 / alpha * (y - upper) }
        return score
    }
}
