/// An exponential-family distribution with its link function: the minimum ``IRLS`` needs.
///
/// With mean `mu`, linear predictor `eta = g(mu)` and variance function `V(mu)`, one IRLS step
/// regresses the working response `z = eta - offset + (y - mu) / (d mu / d eta)` on the design with
/// working weights `w = prior weight * (d mu / d eta)^2 / V(mu)` (McCullagh & Nelder 1989, section 2.5).
/// The deviance `D = sum_i prior_i d(y_i, mu_i)` measures the fit and drives the convergence test.
///
/// Implementations are small value types, following the family and link objects of statsmodels and
/// R (`family$linkfun`, `linkinv`, `mu.eta`, `variance`, `dev.resids`, `initialize`, `validmu`).
public protocol GLMFamily: Sendable {
    /// A short name for messages, e.g. `"Poisson (log link)"`.
    var name: String { get }

    /// The link `eta = g(mu)`.
    func link(_ mean: Double) -> Double

    /// The inverse link `mu = g^-1(eta)`.
    func inverseLink(_ linearPredictor: Double) -> Double

    /// `d mu / d eta` at `eta`.
    func meanDerivative(_ linearPredictor: Double) -> Double

    /// The variance function `V(mu)` (variance of `y` over the dispersion).
    func variance(_ mean: Double) -> Double

    /// The unit deviance `d(y, mu) = 2 [l(y; y) - l(mu; y)]` (times the dispersion), so that the
    /// deviance is `sum_i prior_i d(y_i, mu_i)`.
    func unitDeviance(response: Double, mean: Double) -> Double

    /// The starting mean for response `y` (R's `mustart`), inside the domain of the link.
    func initialMean(response: Double) -> Double

    /// Whether `y` is a possible response (e.g. `y >= 0` for counts).
    func isValidResponse(_ response: Double) -> Bool

    /// Whether `mu` is inside the family's mean space (e.g. `mu > 0` for counts).
    func isValidMean(_ mean: Double) -> Bool

    /// Whether the dispersion is a known constant (1 for Poisson and negative binomial with known
    /// `theta`); otherwise it is estimated by Pearson's `X^2 / (n - rank)`.
    var hasFixedDispersion: Bool { get }

    /// Whether the link is the family's canonical link (log for Poisson, identity for Gaussian). IRLS is then
    /// Newton's method and converges quadratically; otherwise it is Fisher scoring, converges linearly, and
    /// ``IRLS`` also waits for its steps to shrink (``IRLS/Options/coefficientTolerance``).
    var hasCanonicalLink: Bool { get }
}

extension GLMFamily {
    /// Any finite response.
    public func isValidResponse(_ response: Double) -> Bool { response.isFinite }
    /// Any finite mean.
    public func isValidMean(_ mean: Double) -> Bool { mean.isFinite }
}
