import RealModule

/// The Poisson distribution with mean μ ≥ 0: `P(X = k) = μ^k e^(−μ) / k!`.
///
/// - `log P(X = k)` = `−δ(k) − D(k, μ) − ½ log(2πk)` (saddle-point form, exact constants, full precision
///   up to μ ≈ 10¹⁵; ``SpecialFunctions/logPoissonProbability(_:mean:)``), `−μ` at k = 0;
/// - `F(k) = Q(k + 1, μ)` (upper regularized incomplete gamma);
/// - quantile: the smallest k with `F(k) ≥ p`, searched from a Cornish–Fisher start;
/// - mean = variance = μ;
/// - sampling: inversion for μ < 10, PTRS transformed rejection for μ ≥ 10 (see `PoissonSampler`);
///   μ = 0 always gives 0.
///
/// - Complexity: O(1) expected per draw; cdf O(1 + √μ); quantile O(log σ) cdf evaluations.
/// - Reference: W. Hörmann (1993); C. Loader (2000); DLMF 8.4.10 for the cdf.
public struct Poisson: DiscreteDistribution, Hashable {
    /// The largest accepted mean, 2⁵²: beyond it neighbouring counts are not all representable as doubles.
    public static let maximumMean: Double = 0x1p52

    /// μ.
    public let mean: Double
    @usableFromInline let sampler: PoissonSampler

    /// Creates Poisson(mean).
    /// - Throws: ``DistributionError`` unless `0 ≤ mean ≤ maximumMean`.
    public init(mean: Double) throws(DistributionError) {
        guard mean >= 0, mean <= Self.maximumMean else {
            throw .invalidParameter(name: "mean", value: mean, requirement: "in [0, 2^52]")
        }
        self.mean = mean
        self.sampler = PoissonSampler(mean: mean)
    }

    /// μ.
    public var variance: Double { mean }

    public func logProbability(_ k: Int) -> Double {
        if k < 0 { return -.infinity }
        return SpecialFunctions.logPoissonProbability(Double(k), mean: mean)
    }

    public func cdf(_ k: Int) -> Double {
        if k < 0 { return 0 }
        if mean == 0 { return 1 }
        return SpecialFunctions.regularizedGammaQ(Double(k) + 1, mean)
    }

    /// The smallest k with `F(k) ≥ p`; `Int.max` for p = 1 (the support is unbounded).
    /// - Precondition: `0 ≤ p ≤ 1`.
    public func quantile(_ p: Double) -> Int {
        precondition(p >= 0 && p <= 1, "probability must be in [0, 1], got \(p)")
        if p == 0 || mean == 0 { return 0 }
        if p == 1 { return Int.max }
        let sd = mean.squareRoot()
        let start = DiscreteQuantileSearch.start(
            probability: p, mean: mean, standardDeviation: sd, skewness: 1 / sd, lower: 0, upper: Int.max)
        return DiscreteQuantileSearch.smallest(atLeast: p, start: start, lower: 0, upper: Int.max) { cdf($0) }
    }

    @inlinable
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Int {
        sampler.sample(using: &generator)
    }

    /// One draw from Poisson(mean) without creating the distribution, for means that change at every
    /// draw (mixtures). `mean` is clamped to [0, ``maximumMean``].
    /// - Complexity: O(1) expected.
    @inlinable
    public static func sample<G: RandomNumberGenerator>(mean: Double, using generator: inout G) -> Int {
        let clamped = mean > 0 ? Swift.min(mean, maximumMean) : 0
        return PoissonSampler(mean: clamped).sample(using: &generator)
    }
}
