/// The Gaussian family with identity link: `mu = eta`, `V(mu) = 1`, dispersion `sigma^2` estimated.
///
/// Unit deviance `(y - mu)^2`, start `mu = y`. IRLS converges in one step to weighted least squares;
/// the family exists so that linear models go through the same code and tests as the others.
public struct GaussianIdentityFamily: GLMFamily {
    /// The Gaussian family with identity link.
    public init() {}

    public var name: String { "Gaussian (identity link)" }

    @inlinable
    public func link(_ mean: Double) -> Double { mean }

    @inlinable
    public func inverseLink(_ linearPredictor: Double) -> Double { linearPredictor }

    @inlinable
    public func meanDerivative(_ linearPredictor: Double) -> Double { 1 }

    @inlinable
    public func variance(_ mean: Double) -> Double { 1 }

    @inlinable
    public func unitDeviance(response y: Double, mean mu: Double) -> Double { (y - mu) * (y - mu) }

    public func initialMean(response y: Double) -> Double { y }

    public var hasFixedDispersion: Bool { false }
    /// The identity link is canonical for the Gaussian family.
    public var hasCanonicalLink: Bool { true }
}
