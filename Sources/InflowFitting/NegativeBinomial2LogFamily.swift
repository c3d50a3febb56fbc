import Foundation

/// The negative binomial (NB2) family with known shape `theta` and log link:
/// `V(mu) = mu + mu^2 / theta` (`alpha = 1 / theta`), dispersion 1.
///
/// - Unit deviance `d(y, mu) = 2 [y log(max(y, 1) / mu) - (y + theta) log((y + theta) / (mu + theta))]`
///   (R's `MASS::negative.binomial(theta)$dev.resids`; the `max(y, 1)` makes the first term 0 at `y = 0`).
/// - Start `mu = y + 1/6` at `y = 0`, `mu = y` otherwise (MASS).
/// - Link as ``PoissonLogFamily``.
///
/// `theta` is held fixed: the IRLS standard errors are the "theta known" ones that R's `glm.nb` and
/// statsmodels' `GLM(family=NegativeBinomial(alpha))` print. Estimating `theta` is a one-dimensional
/// likelihood problem around this fit.
public struct NegativeBinomial2LogFamily: GLMFamily {
    /// The shape `theta > 0` (size); `Var(y) = mu + mu^2 / theta`.
    public let theta: Double

    /// The NB2 family with shape `theta`, which must be positive and finite.
    public init(theta: Double) {
        precondition(theta > 0 && theta.isFinite, "NegativeBinomial2LogFamily needs a positive finite theta, got \(theta)")
        self.theta = theta
    }

    public var name: String { "negative binomial NB2 (theta = \(theta), log link)" }

    @inlinable
    public func link(_ mean: Double) -> Double { log(mean) }

    @inlinable
    public func inverseLink(_ linearPredictor: Double) -> Double {
        max(exp(linearPredictor), .ulpOfOne)
    }

    @inlinable
    public func meanDerivative(_ linearPredictor: Double) -> Double {
        max(exp(linearPredictor), .ulpOfOne)
    }

    @inlinable
    public func variance(_ mean: Double) -> Double { mean + mean * mean / theta }

    @inlinable
    public func unitDeviance(response y: Double, mean mu: Double) -> Double {
        let first = y > 0 ? y * log(y / mu) : 0
        return 2 * (first - (y + theta) * log((y + theta) / (mu + theta)))
    }

    public func initialMean(response y: Double) -> Double { y == 0 ? 1.0 / 6 : y }

    public func isValidResponse(_ response: Double) -> Bool { response >= 0 && response.isFinite }

    public func isValidMean(_ mean: Double) -> Bool { mean > 0 && mean.isFinite }

    public var hasFixedDispersion: Bool { true }
    /// The log link is not canonical for NB2 (the canonical one is log(mu / (mu + theta))).
    public var hasCanonicalLink: Bool { false }
}
