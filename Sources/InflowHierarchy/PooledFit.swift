import Foundation
import InflowCore
import InflowModels

/// A curve family fitted to every key at once with partial pooling: the keys share the curve's shape (its
/// growth rate, hazard or delay, its onset) and NB2's dispersion, and each key has its own size `N_k`, whose
/// logarithm is drawn from a normal distribution across keys, `log N_k ~ N(mu, sigma^2)`.
///
/// Made by ``PartialPooling``. A key with few or no arrivals borrows
/// strength from the others: its size is pulled towards the keys' common level by its ``poolingFactors``.
public struct PooledFit: Sendable {
    /// The family (its size parameter is the key's `N`; every other parameter is shared).
    public let family: any CurveFamily
    /// The keys' names, in order.
    public let keys: [String]
    /// Each key's observations.
    public let observations: [PreparedObservations]
    /// Each key's background rate (arrivals per day unrelated to the surge), held fixed.
    public let backgrounds: [Double]
    /// The shared curve parameters, with the size lane at 1 (the curve of one person).
    public let shape: SIMD8<Double>
    /// The lane of the size parameter.
    public let sizeLane: Int
    /// The lanes of the shared shape parameters.
    public let shapeLanes: [Int]
    /// Each key's `log N_k` at the posterior mode.
    public let logSizes: [Double]
    /// `log theta` of NB2, shared.
    public let logTheta: Double
    /// The keys' common level `mu` of `log N_k` (empirical Bayes).
    public let priorMean: Double
    /// The keys' spread `sigma` of `log N_k`.
    public let priorSD: Double
    /// Each key's pooling factor `lambda_k = (1/sigma^2) / I_k`, `I_k` the key's posterior precision of
    /// `log N_k`: 0 when its own data decide its size, 1 when the common level does (Gelman & Pardoe 2006).
    public let poolingFactors: [Double]
    /// The posterior (Laplace) of the parameters, for sampling: the keys' precisions `D_k`, their coupling to the
    /// shared parameters `B`, and the covariance of the shared parameters (shape and `mu`) after the keys are
    /// integrated out.
    let keyPrecision: [Double]
    let coupling: [[Double]]
    let sharedCovariance: [[Double]]
    /// The variance of `log theta`.
    let logThetaVariance: Double
    /// The log marginal likelihood (Laplace) at ``priorSD``.
    public let logMarginalLikelihood: Double
    /// Iterations of the last inner fit.
    public let iterations: Int
    /// Whether the last inner fit converged.
    public let converged: Bool
    /// What had to be said.
    public let warnings: [String]
    /// The pooled likelihood, for the posterior draws.
    let problem: PoolingProblem

    /// NB2's dispersion `theta`.
    public var theta: Double { exp(logTheta) }

    /// Key `k`'s size (final size of its surge) at the posterior mode.
    public func size(_ k: Int) -> Double { exp(logSizes[k]) }

    /// Key `k`'s curve parameters at the mode.
    public func parameters(_ k: Int) -> SIMD8<Double> {
        var theta = shape
        theta[sizeLane] = size(k)
        return theta
    }

    /// The size key `k` would have from its own data alone, `log N_k` at the mode without the pooling term:
    /// `mode - (log N_k - mu) / (sigma^2 I_data)`, one Newton step from the pooled mode.
    public func unpooledLogSize(_ k: Int) -> Double {
        let dataPrecision = keyPrecision[k] - 1 / (priorSD * priorSD)
        guard dataPrecision > 0 else { return .nan }
        return logSizes[k] + (logSizes[k] - priorMean) / (priorSD * priorSD) / dataPrecision
    }
}

extension PooledFit {
    /// Key `k`'s fitted mean count on each of its observation intervals at the mode, background included.
    /// - Complexity: one curve evaluation at the key's times.
    public func fittedMeans(_ k: Int) -> [Double] {
        let grid = observations[k].grid
        var values = [Double](repeating: 0, count: grid.times.count)
        family.cumulative(at: grid.times, parameters(k), into: &values)
        return grid.startIndex.indices.map { i in
            max(values[grid.endIndex[i]] - values[grid.startIndex[i]], 0) + backgrounds[k] * grid.lengths[i]
        }
    }
}
