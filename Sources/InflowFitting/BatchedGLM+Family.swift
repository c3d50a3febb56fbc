extension BatchedGLM {
    /// The count distribution of every series in a batch; the link is always the log.
    public enum Family: Sendable, Equatable, Hashable, CustomStringConvertible {
        /// Poisson counts: `V(mu) = mu` (R's `poisson()`).
        case poisson
        /// NB2 counts with a known dispersion: `V(mu) = mu + mu^2 / theta` (R's `MASS::negative.binomial(theta)`).
        case negativeBinomial(theta: Double)
        /// NB2 counts with each series' own `theta` estimated by maximum likelihood, alternating with the
        /// coefficients as R's `MASS::glm.nb` does.
        case negativeBinomialEstimated

        public var description: String {
            switch self {
            case .poisson: "Poisson (log link)"
            case .negativeBinomial(let theta): "negative binomial (NB2, theta = \(theta), log link)"
            case .negativeBinomialEstimated: "negative binomial (NB2, theta by maximum likelihood, log link)"
            }
        }
    }
}
