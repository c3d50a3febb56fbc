/// How observed values scatter around the curve.
public enum ErrorFamily: String, Sendable, CaseIterable, Codable {
    /// Normal errors with constant variance: least squares. The variance is profiled out,
    /// so the likelihood counts it as one more parameter.
    case gaussian
    /// Poisson counts, `Var(y) = mu`.
    case poisson
    /// Negative binomial counts in the NB2 form, `Var(y) = mu + mu^2 / theta`, with the
    /// dispersion `theta` estimated by maximum likelihood together with the curve.
    case negativeBinomial = "negative-binomial"
    /// Poisson estimates with the variance scaled by `phi = Pearson chi^2 / (n - p)`
    /// (no likelihood, so no AIC).
    case quasiPoisson = "quasi-poisson"

    /// Whether the family models counts.
    public var isCount: Bool { self != .gaussian }

    /// Whether the family has a full likelihood (quasi-Poisson does not).
    public var hasLikelihood: Bool { self != .quasiPoisson }
}
