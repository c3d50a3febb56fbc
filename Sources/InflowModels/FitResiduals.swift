import Foundation
import InflowStatistics

/// The residuals of a fit, one per observation in the fit's order (R's `residuals(fit, type = ...)`,
/// statsmodels' `resid_*`):
///
/// - ``response``: `y - mu`;
/// - ``pearson``: `(y - mu) / sqrt(V(mu))`, with `V` the error family's variance function (Poisson `mu`, NB2
///   `mu + mu^2 / theta`, Gaussian 1);
/// - ``deviance``: `sign(y - mu) sqrt(d(y, mu))`, with `d` the unit deviance (see the error families in McCullagh
///   & Nelder, table 2.1); their squares add up to the fit's deviance;
/// - ``quantile``: randomised quantile residuals, `Phi^-1(u)` with `u` uniform on `[F(y - 1), F(y)]` under the
///   fitted distribution `F` (Gaussian: `(y - mu) / sigma`); standard normal when the model is right. The uniforms
///   come from ``seed`` (a `Xoshiro256StarStar` stream), so the same seed gives the same residuals.
///
/// Reference: P. K. Dunn, G. K. Smyth, "Randomized quantile residuals", *Journal of Computational and Graphical
/// Statistics* 5(3), 236–244, 1996.
public struct FitResiduals: Sendable, Equatable, Codable {
    /// The observations `y`.
    public let observed: [Double]
    /// The fitted means `mu`.
    public let fitted: [Double]
    /// `y - mu`.
    public let response: [Double]
    /// `(y - mu) / sqrt(V(mu))`.
    public let pearson: [Double]
    /// `sign(y - mu) sqrt(d(y, mu))`.
    public let deviance: [Double]
    /// Randomised quantile residuals.
    public let quantile: [Double]
    /// `F(y - 1)` for each observation (Gaussian: `F(y)`).
    public let lowerPIT: [Double]
    /// `F(y)` for each observation.
    public let upperPIT: [Double]
    /// The seed of the uniforms of ``quantile``.
    public let seed: UInt64

    /// The residuals of `observed` around `fitted` under `model`.
    /// - Complexity: O(n) distribution-function evaluations (an incomplete gamma or beta function each).
    init(observed: [Double], fitted: [Double], model: ObservationModel, seed: UInt64) {
        self.observed = observed
        self.fitted = fitted
        self.seed = seed
        response = zip(observed, fitted).map { $0 - $1 }
        pearson = zip(observed, fitted).map { y, mu in (y - mu) / model.varianceFunction(mu).squareRoot() }
        deviance = zip(observed, fitted).map { y, mu in
            let root = model.unitDeviance(y, mu).squareRoot()
            return y < mu ? -root : root
        }
        var generator = Xoshiro256StarStar(seed: seed)
        var lowerPIT: [Double] = [], upperPIT: [Double] = [], quantile: [Double] = []
        for (y, mu) in zip(observed, fitted) {
            let ends = model.distributionEnds(y, mu)
            lowerPIT.append(ends.lower)
            upperPIT.append(ends.upper)
            let v = generator.nextUniformOpen()
            if model.error == .gaussian {
                quantile.append((y - mu) / model.variance.squareRoot())
            } else {
                // Keep u inside (0, 1) so that the normal quantile stays finite in far tails.
                let u = min(max(ends.lower + v * (ends.upper - ends.lower), 0x1p-60), 1 - 0x1p-53)
                quantile.append(ends.lower.isNaN ? .nan : InflowStatisticsBridge.normalQuantile(u))
            }
        }
        self.lowerPIT = lowerPIT
        self.upperPIT = upperPIT
        self.quantile = quantile
    }

    /// The mid-PIT values `(F(y - 1) + F(y)) / 2`: uniform on average when the model is right.
    public var midPIT: [Double] { zip(lowerPIT, upperPIT).map { ($0 + $1) / 2 } }

    /// The randomised PIT values `Phi(quantile residual)`: uniform when the model is right.
    public var randomisedPIT: [Double] { quantile.map { InflowStatisticsBridge.standardNormalUpperTail(-$0) } }
}
