import RealModule

/// A univariate continuous distribution: log-density, cdf, quantile, moments and sampling.
public protocol ContinuousDistribution: Sendable {
    /// The expectation E[X].
    var mean: Double { get }
    /// The variance Var[X].
    var variance: Double { get }
    /// `log f(x)`, with all normalising constants; `−∞` outside the support.
    func logDensity(_ x: Double) -> Double
    /// `F(x) = P(X ≤ x)`.
    func cdf(_ x: Double) -> Double
    /// The x with `F(x) = p`, for p in [0, 1].
    func quantile(_ p: Double) -> Double
    /// One draw.
    func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double
}

extension ContinuousDistribution {
    /// `f(x) = exp(logDensity(x))`.
    public func density(_ x: Double) -> Double {
        Double.exp(logDensity(x))
    }

    /// `count` independent draws.
    /// - Complexity: O(count) draws.
    public func sample<G: RandomNumberGenerator>(_ count: Int, using generator: inout G) -> [Double] {
        precondition(count >= 0, "count must be non-negative")
        var result = [Double]()
        result.reserveCapacity(count)
        for _ in 0..<count {
            result.append(sample(using: &generator))
        }
        return result
    }
}
