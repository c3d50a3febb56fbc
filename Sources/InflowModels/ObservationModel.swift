import Foundation
import InflowStatistics

/// What an error family says about one observation given its fitted mean: variance, unit deviance and
/// distribution function. Shared by the residuals and diagnostics of curve fits and log-linear fits.
///
/// - Poisson and quasi-Poisson: `V(mu) = mu`, `d(y, mu) = 2 [y log(y / mu) - (y - mu)]`, `F` Poisson (quasi-Poisson
///   has no distribution; its PIT and quantile residuals use the Poisson one, which ignores the dispersion);
/// - NB2: `V(mu) = mu + mu^2 / theta`, `d(y, mu) = 2 [y log(y / mu) - (y + theta) log((y + theta) / (mu + theta))]`,
///   `F` negative binomial with size `theta`;
/// - Gaussian: `V = 1`, `d = (y - mu)^2`, `F` normal with the fit's residual variance `sigma^2`.
///
/// Reference: McCullagh & Nelder, *Generalized Linear Models* (1989), table 2.1 and section 2.4.3.
struct ObservationModel {
    let error: ErrorFamily
    /// NB2 dispersion.
    let theta: Double?
    /// Gaussian residual variance `sigma^2`.
    let variance: Double

    /// `V(mu)`.
    func varianceFunction(_ mu: Double) -> Double {
        switch error {
        case .poisson, .quasiPoisson: mu
        case .negativeBinomial: mu + mu * mu / (theta ?? .infinity)
        case .gaussian: 1
        }
    }

    /// The unit deviance `d(y, mu)` (`y log y` taken as 0 at `y = 0`).
    func unitDeviance(_ y: Double, _ mu: Double) -> Double {
        func ylog(_ y: Double, _ ratio: Double) -> Double { y > 0 ? y * log(ratio) : 0 }
        switch error {
        case .gaussian:
            return (y - mu) * (y - mu)
        case .poisson, .quasiPoisson:
            return max(2 * (ylog(y, y / mu) - (y - mu)), 0)
        case .negativeBinomial:
            guard let theta, theta.isFinite else { return max(2 * (ylog(y, y / mu) - (y - mu)), 0) }
            return max(2 * (ylog(y, y / mu) - (y + theta) * log((y + theta) / (mu + theta))), 0)
        }
    }

    /// `(F(y-), F(y))`: the probability of a value below `y` and of one at most `y` (a count is read as
    /// `floor(y)`; for Gaussian errors both are `Phi((y - mu) / sigma)`).
    func distributionEnds(_ y: Double, _ mu: Double) -> (lower: Double, upper: Double) {
        if error == .gaussian {
            let p = InflowStatisticsBridge.standardNormalUpperTail(-(y - mu) / variance.squareRoot())
            return (p, p)
        }
        let count = Int(max(y, 0).rounded(.down))
        let mean = max(mu, 0)
        let distribution: (any DiscreteDistribution)?
        if error == .negativeBinomial, let theta {
            distribution = try? NegativeBinomial(mean: mean, dispersion: theta)
        } else {
            distribution = try? Poisson(mean: mean)
        }
        guard let distribution else { return (.nan, .nan) }
        let upper = min(max(distribution.cdf(count), 0), 1)
        return (min(max(distribution.cdf(count - 1), 0), upper), upper)
    }
}
