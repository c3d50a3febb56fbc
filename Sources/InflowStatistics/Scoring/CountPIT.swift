/// The non-randomised probability integral transform of an observed count (Czado, Gneiting & Held 2009).
///
/// For a count y and a predictive cdf F, the PIT is taken to be uniform on `[F(y − 1), F(y)]` instead of
/// the single value F(y), so that it is uniform on [0, 1] when the forecasts are ideal, as the PIT of a
/// continuous variable is. Its cdf, the non-randomised PIT value, is
///
///     F̄(u) = 0                                  if u ≤ F(y − 1),
///     F̄(u) = (u − F(y − 1)) / (F(y) − F(y − 1))   if F(y − 1) < u < F(y),
///     F̄(u) = 1                                  if u ≥ F(y),
///
/// tested in that order (as scoringutils' `pit_histogram_sample(integers = "nonrandom")`), except that
/// `F̄(1) = 1` always. When F(y − 1) = F(y) (no predictive mass at y, possible with an empirical cdf) the PIT is
/// a point mass at that value, and the order puts the mass just above it; at F(y − 1) = 1 (the count exceeds
/// every draw) scoringutils' order would give F̄(1) = 0 and drop the forecast from the histogram, which the
/// exception prevents. `PITHistogram` averages the increments of F̄ over many forecasts.
///
/// - Reference: C. Czado, T. Gneiting, L. Held, "Predictive model assessment for count data", Biometrics 65(4),
///   1254–1261, 2009 (section 2.1, eq. 1).
public struct CountPIT: Sendable, Equatable {
    /// `F(y − 1)`, the predictive probability of a count below the observed one.
    public let lower: Double
    /// `F(y)`, the predictive probability of a count at most the observed one.
    public let upper: Double

    /// The PIT between `F(y − 1)` and `F(y)`.
    ///
    /// - Precondition: `0 ≤ lower ≤ upper ≤ 1`.
    public init(lower: Double, upper: Double) {
        precondition(lower >= 0 && lower <= upper && upper <= 1,
                     "need 0 ≤ F(y − 1) ≤ F(y) ≤ 1, got \(lower) and \(upper)")
        self.lower = lower
        self.upper = upper
    }

    /// The PIT of the count `y` under a predictive distribution on the integers.
    public init(distribution: some DiscreteDistribution, observation y: Int) {
        let upper = Swift.min(Swift.max(distribution.cdf(y), 0), 1)
        let lower = y == Int.min ? 0 : Swift.min(Swift.max(distribution.cdf(y - 1), 0), upper)
        self.init(lower: lower, upper: upper)
    }

    /// The non-randomised PIT value `F̄(u)` stated above, for u in [0, 1].
    public func cdf(_ u: Double) -> Double {
        if u >= 1 { return 1 }
        if u <= lower { return 0 }
        if u >= upper { return 1 }
        return (u - lower) / (upper - lower)
    }
}
