import RealModule

/// The beta distribution with shapes α, β > 0: density `x^(α−1) (1 − x)^(β−1) / B(α, β)` on [0, 1].
///
/// - `log f(x)`: for α, β ≥ 1, `log(α + β − 1)` plus the binomial saddle-point kernel at (α − 1, β − 1)
///   (full precision for large shapes); otherwise `(α−1) log x + (β−1) log1p(−x) − log B(α, β)`;
/// - `F(x) = I_x(α, β)`; `F⁻¹(p)` by ``SpecialFunctions/inverseRegularizedBeta(_:_:p:q:)``;
/// - mean `α/(α+β)`, variance `αβ / ((α+β)²(α+β+1))`;
/// - sampling: `X = G_α / (G_α + G_β)` with independent standard gammas, computed as
///   `1/(1 + exp(log G_β − log G_α))` so that tiny shapes do not give 0/0.
///
/// - Complexity: O(1) expected per draw; cdf and quantile as the incomplete beta function.
/// - Reference: L. Devroye, *Non-Uniform Random Variate Generation*, 1986, §IX.4.1.
public struct Beta: ContinuousDistribution, Hashable {
    /// α > 0.
    public let alpha: Double
    /// β > 0.
    public let beta: Double

    /// Creates Beta(alpha, beta).
    /// - Throws: ``DistributionError`` unless both shapes are finite and positive.
    public init(alpha: Double, beta: Double) throws(DistributionError) {
        guard alpha > 0, alpha.isFinite else {
            throw .invalidParameter(name: "alpha", value: alpha, requirement: "finite and positive")
        }
        guard beta > 0, beta.isFinite else {
            throw .invalidParameter(name: "beta", value: beta, requirement: "finite and positive")
        }
        self.alpha = alpha
        self.beta = beta
    }

    /// α/(α+β).
    public var mean: Double { alpha / (alpha + beta) }
    /// αβ/((α+β)²(α+β+1)).
    public var variance: Double {
        let s = alpha + beta
        return alpha * beta / (s * s * (s + 1))
    }

    public func logDensity(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x < 0 || x > 1 { return -.infinity }
        if x == 0 {
            if alpha < 1 { return .infinity }
            return alpha == 1 ? Double.log(beta) : -.infinity
        }
        if x == 1 {
            if beta < 1 { return .infinity }
            return beta == 1 ? Double.log(alpha) : -.infinity
        }
        if alpha >= 1 && beta >= 1 {
            return Double.log(alpha + beta - 1) + SpecialFunctions.logBinomialProbability(
                successes: alpha - 1, failures: beta - 1, probability: x, complement: 1 - x)
        }
        return (alpha - 1) * Double.log(x) + (beta - 1) * Double.log(onePlus: -x)
            - SpecialFunctions.logBeta(alpha, beta)
    }

    public func cdf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        return SpecialFunctions.regularizedBeta(alpha, beta, x: x, y: 1 - x).p
    }

    public func quantile(_ p: Double) -> Double {
        SpecialFunctions.inverseRegularizedBeta(alpha, beta, p: p, q: 1 - p)
    }

    @inlinable
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        let logA = Gamma.logStandardSample(shape: alpha, using: &generator)
        let logB = Gamma.logStandardSample(shape: beta, using: &generator)
        return 1 / (1 + Double.exp(logB - logA))
    }
}
