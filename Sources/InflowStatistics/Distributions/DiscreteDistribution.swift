import RealModule

/// A univariate distribution on the integers: log-probability, cdf, quantile, moments and sampling.
public protocol DiscreteDistribution: Sendable {
    /// The expectation E[X].
    var mean: Double { get }
    /// The variance Var[X].
    var variance: Double { get }
    /// `log P(X = k)`, with all constants (log k! included); `−∞` outside the support.
    func logProbability(_ k: Int) -> Double
    /// `F(k) = P(X ≤ k)`.
    func cdf(_ k: Int) -> Double
    /// The smallest k with `F(k) ≥ p`, for p in [0, 1].
    func quantile(_ p: Double) -> Int
    /// One draw.
    func sample<G: RandomNumberGenerator>(using generator: inout G) -> Int
}

extension DiscreteDistribution {
    /// `P(X = k) = exp(logProbability(k))`.
    public func probability(_ k: Int) -> Double {
        Double.exp(logProbability(k))
    }

    /// `count` independent draws.
    /// - Complexity: O(count) draws.
    public func sample<G: RandomNumberGenerator>(_ count: Int, using generator: inout G) -> [Int] {
        precondition(count >= 0, "count must be non-negative")
        var result = [Int]()
        result.reserveCapacity(count)
        for _ in 0..<count {
            result.append(sample(using: &generator))
        }
        return result
    }
}
