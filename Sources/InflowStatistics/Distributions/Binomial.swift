import RealModule

/// The binomial distribution: successes in n independent trials of probability p.
///
/// - `log P(X = k) = log C(n, k) + k log p + (n−k) log(1−p)`, computed by the saddle-point kernel
///   ``SpecialFunctions/logBinomialProbability(successes:failures:probability:complement:)`` (exact constants,
///   full precision for n up to 2⁵³);
/// - `F(k) = I_{1−p}(n − k, k + 1)`; at k = 0, and below the mean when n − k > 1000 ((n − k) p + k + 1)
///   (the Poisson limit, where the incomplete beta function would lose digits), the sum of the probabilities;
/// - quantile: the smallest k with `F(k) ≥ p`, searched from a Cornish–Fisher start;
/// - mean np, variance np(1−p);
/// - sampling: inversion when `n min(p, 1−p) < 30`, BTRD otherwise (see `BinomialSampler`).
///
/// - Complexity: O(1) expected per draw; cdf as the incomplete beta function.
/// - Reference: W. Hörmann (1993); C. Loader (2000); DLMF 8.17.5 for the cdf.
public struct Binomial: DiscreteDistribution, Hashable {
    /// n ≥ 0.
    public let count: Int
    /// p in [0, 1].
    public let probability: Double
    @usableFromInline let complement: Double
    @usableFromInline let sampler: BinomialSampler

    /// Creates Binomial(count, probability).
    /// - Throws: ``DistributionError`` unless `count ≥ 0` and `0 ≤ probability ≤ 1`.
    public init(count: Int, probability: Double) throws(DistributionError) {
        guard count >= 0 else {
            throw .invalidParameter(name: "count", value: Double(count), requirement: "non-negative")
        }
        guard probability >= 0, probability <= 1 else {
            throw .invalidParameter(name: "probability", value: probability, requirement: "in [0, 1]")
        }
        self.count = count
        self.probability = probability
        self.complement = 1 - probability
        self.sampler = BinomialSampler(count: count, probability: probability, complement: 1 - probability)
    }

    /// np.
    public var mean: Double { Double(count) * probability }
    /// np(1−p).
    public var variance: Double { Double(count) * probability * complement }

    public func logProbability(_ k: Int) -> Double {
        if k < 0 || k > count { return -.infinity }
        return SpecialFunctions.logBinomialProbability(
            successes: Double(k), failures: Double(count - k), probability: probability, complement: complement)
    }

    public func cdf(_ k: Int) -> Double {
        if k < 0 { return 0 }
        if k >= count { return 1 }
        let successes = Double(k)
        let failures = Double(count - k)
        if k == 0 || (successes < mean && failures > 1000 * (failures * probability + successes + 1)) {
            // Near the Poisson limit (small p, large n), below the mean: sum the probabilities downwards from k,
            // P(j − 1)/P(j) = j q / ((n − j + 1) p).
            let n = Double(count)
            return TailSum.lower(from: k, logProbability: logProbability(k)) { j in
                let jj = Double(j)
                return jj * complement / ((n - jj + 1) * probability)
            }
        }
        return SpecialFunctions.regularizedBeta(
            Double(count - k), Double(k) + 1, x: complement, y: probability).p
    }

    /// The smallest k with `F(k) ≥ p`.
    /// - Precondition: `0 ≤ p ≤ 1`.
    public func quantile(_ p: Double) -> Int {
        precondition(p >= 0 && p <= 1, "probability must be in [0, 1], got \(p)")
        if p == 0 || probability == 0 { return 0 }
        if p == 1 || probability == 1 { return count }
        let sd = variance.squareRoot()
        let start = DiscreteQuantileSearch.start(
            probability: p, mean: mean, standardDeviation: sd, skewness: (complement - probability) / sd,
            lower: 0, upper: count)
        return DiscreteQuantileSearch.smallest(atLeast: p, start: start, lower: 0, upper: count) { cdf($0) }
    }

    @inlinable
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Int {
        sampler.sample(using: &generator)
    }

    /// One draw from Binomial(count, probability) without creating the distribution.
    /// - Precondition: `count ≥ 0`, `0 ≤ probability ≤ 1`.
    /// - Complexity: O(1) expected.
    @inlinable
    public static func sample<G: RandomNumberGenerator>(
        count: Int, probability: Double, using generator: inout G
    ) -> Int {
        precondition(count >= 0 && probability >= 0 && probability <= 1, "invalid binomial parameters")
        return BinomialSampler(count: count, probability: probability, complement: 1 - probability)
            .sample(using: &generator)
    }
}
