import Foundation

/// The Poisson family with log link: `log mu = eta`, `V(mu) = mu`, dispersion 1.
///
/// - `mu = max(exp(eta), eps)` and `d mu / d eta = max(exp(eta), eps)` (eps = 2.2e-16), as R's
///   `poisson()$linkinv` and `mu.eta`, so a weight never becomes exactly zero.
/// - Unit deviance `d(y, mu) = 2 [y log(y / mu) - (y - mu)]`, with `y log(y / mu) = 0` at `y = 0`.
/// - Start `mu = y + 0.1` (R's `poisson()$initialize`).
///
/// Responses must be `>= 0` (non-integers are accepted, as in quasi-likelihood use).
public struct PoissonLogFamily: GLMFamily {
    /// The Poisson family with log link.
    public init() {}

    public var name: String { "Poisson (log link)" }

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
    public func variance(_ mean: Double) -> Double { mean }

    @inlinable
    public func unitDeviance(response y: Double, mean mu: Double) -> Double {
        y > 0 ? 2 * (y * log(y / mu) - (y - mu)) : 2 * mu
    }

    public func initialMean(response y: Double) -> Double { y + 0.1 }

    public func isValidResponse(_ response: Double) -> Bool { response >= 0 && response.isFinite }

    public func isValidMean(_ mean: Double) -> Bool { mean > 0 && mean.isFinite }

    public var hasFixedDispersion: Bool { true }
    /// The log link is canonical for the Poisson family.
    public var hasCanonicalLink: Bool { true }
}
