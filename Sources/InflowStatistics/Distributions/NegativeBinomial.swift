import RealModule

/// The negative binomial distribution in the NB2 parameterisation: mean μ ≥ 0 and dispersion (size) θ > 0,
/// with `Var[X] = μ + μ²/θ`.
///
/// `P(X = y) = Γ(y + θ) / (Γ(θ) y!) · π^θ (1 − π)^y` with `π = θ/(θ + μ)`, that is
/// `log P = lgamma(y+θ) − lgamma(θ) − lgamma(y+1) + θ log(θ/(θ+μ)) + y log(μ/(θ+μ))`. This is R's
/// `dnbinom(y, size = θ, mu = μ)` and the Poisson–gamma mixture `X | λ ~ Poisson(λ)`, `λ ~ Gamma(θ, μ/θ)`.
///
/// - `log P` is computed as `−log1p(y/θ)` plus the binomial saddle-point kernel at (θ successes, y failures,
///   probability π), which keeps every constant and does not lose the digits that the lgamma differences
///   lose for large θ; `−θ log1p(μ/θ)` at y = 0;
/// - `F(y) = I_π(θ, y + 1)`, with `1 − π = μ/(θ + μ)` passed exactly; at y = 0, and below the mean when
///   θ > 1000 (μ + y + 1) (where the incomplete beta function would lose more than three digits), the sum of the
///   probabilities from y downwards;
/// - quantile: smallest y with `F(y) ≥ p`, searched from a Cornish–Fisher start;
/// - sampling: `λ = θ⁻¹μ · Gamma(θ)` then Poisson(λ);
/// - the Poisson limit: when `θ > poissonLimitRatio · μ` (or θ = +∞, or μ = 0) every operation is that of
///   Poisson(μ). The log-probabilities then differ by about `((y − μ)² − y)/(2θ)`, below 10⁻¹² relative
///   for counts within a few standard deviations of the mean.
///
/// - Complexity: O(1) expected per draw; cdf as the incomplete beta function.
/// - Reference: A. C. Cameron, P. K. Trivedi, *Regression Analysis of Count Data*, 2nd ed., 2013, §3.3
///   (NB2); C. Loader (2000) for the kernel.
public struct NegativeBinomial: DiscreteDistribution, Hashable {
    /// Above `dispersion / mean` = 10¹², the distribution is treated as Poisson(mean).
    public static let poissonLimitRatio: Double = 1e12

    /// μ.
    public let mean: Double
    /// θ, R's `size`; +∞ is allowed and means Poisson.
    public let dispersion: Double
    /// Whether θ is so large relative to μ that the distribution is evaluated as Poisson(μ).
    public let isPoissonLimit: Bool
    @usableFromInline let poisson: Poisson

    /// Creates NB2(mean, dispersion).
    /// - Throws: ``DistributionError`` unless `0 ≤ mean ≤ Poisson.maximumMean` and `dispersion > 0`
    ///   (+∞ allowed).
    public init(mean: Double, dispersion: Double) throws(DistributionError) {
        guard mean >= 0, mean <= Poisson.maximumMean else {
            throw .invalidParameter(name: "mean", value: mean, requirement: "in [0, 2^52]")
        }
        guard dispersion > 0 else {
            throw .invalidParameter(name: "dispersion", value: dispersion, requirement: "positive")
        }
        self.mean = mean
        self.dispersion = dispersion
        self.isPoissonLimit = dispersion.isInfinite || dispersion > Self.poissonLimitRatio * mean
        self.poisson = try Poisson(mean: mean)
    }

    /// μ + μ²/θ.
    public var variance: Double {
        isPoissonLimit ? mean : mean + mean * mean / dispersion
    }

    /// π = θ/(θ + μ), the "success probability" of R's `(size, prob)` parameterisation.
    public var successProbability: Double {
        isPoissonLimit ? 1 : dispersion / (dispersion + mean)
    }

    public func logProbability(_ y: Int) -> Double {
        if y < 0 { return -.infinity }
        if isPoissonLimit { return poisson.logProbability(y) }
        let theta = dispersion
        if y == 0 {
            return -theta * Double.log(onePlus: mean / theta)
        }
        let count = Double(y)
        let total = theta + mean
        return -Double.log(onePlus: count / theta) + SpecialFunctions.logBinomialProbability(
            successes: theta, failures: count, probability: theta / total, complement: mean / total)
    }

    public func cdf(_ y: Int) -> Double {
        if y < 0 { return 0 }
        if isPoissonLimit { return poisson.cdf(y) }
        let count = Double(y)
        if y == 0 || (count < mean && dispersion > 1000 * (mean + count + 1)) {
            // Near the Poisson limit, below the mean: sum the probabilities downwards from y,
            // P(j − 1)/P(j) = j (θ + μ) / ((j − 1 + θ) μ).
            let total = dispersion + mean
            return TailSum.lower(from: y, logProbability: logProbability(y)) { j in
                let jj = Double(j)
                return jj * total / ((jj - 1 + dispersion) * mean)
            }
        }
        let total = dispersion + mean
        return SpecialFunctions.regularizedBeta(
            dispersion, count + 1, x: dispersion / total, y: mean / total).p
    }

    /// The smallest y with `F(y) ≥ p`; `Int.max` for p = 1 when μ > 0.
    /// - Precondition: `0 ≤ p ≤ 1`.
    public func quantile(_ p: Double) -> Int {
        if isPoissonLimit { return poisson.quantile(p) }
        precondition(p >= 0 && p <= 1, "probability must be in [0, 1], got \(p)")
        if p == 0 { return 0 }
        if p == 1 { return Int.max }
        let sd = variance.squareRoot()
        let skewness = (1 + 2 * mean / dispersion) / sd
        let start = DiscreteQuantileSearch.start(
            probability: p, mean: mean, standardDeviation: sd, skewness: skewness, lower: 0, upper: Int.max)
        return DiscreteQuantileSearch.smallest(atLeast: p, start: start, lower: 0, upper: Int.max) { cdf($0) }
    }

    @inlinable
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Int {
        if isPoissonLimit { return poisson.sample(using: &generator) }
        let rate = Gamma.standardSample(shape: dispersion, using: &generator) * (mean / dispersion)
        return Poisson.sample(mean: rate, using: &generator)
    }
}
