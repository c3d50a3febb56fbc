/// Count, mean and variance accumulated in one pass, and mergeable across partial results.
///
/// Adding x (Welford): `n ← n + 1`, `δ = x − m`, `m ← m + δ/n`, `M₂ ← M₂ + δ (x − m)`.
/// Merging A and B (Chan, Golub & LeVeque): `n = n_A + n_B`, `δ = m_B − m_A`, `m = m_A + δ n_B/n`,
/// `M₂ = M₂_A + M₂_B + δ² n_A n_B / n`. Both are numerically stable (no `Σx² − n m²` cancellation), and
/// merging lets threads accumulate separately and combine in any order (results then agree to rounding).
///
/// - Complexity: O(1) per value and per merge; O(1) memory.
/// - Reference: B. P. Welford, Technometrics 4(3), 1962; T. F. Chan, G. H. Golub, R. J. LeVeque,
///   "Algorithms for computing the sample variance", The American Statistician 37(3), 1983.
public struct RunningMoments: Sendable, Hashable, Codable {
    /// The number of values.
    public private(set) var count: Int = 0
    /// Their mean (0 when empty).
    public private(set) var mean: Double = 0
    /// `M₂ = Σ (xᵢ − mean)²`.
    public private(set) var sumOfSquaredDeviations: Double = 0

    /// An empty accumulator.
    public init() {}

    /// The moments of `values`.
    public init(_ values: some Sequence<Double>) {
        for value in values {
            add(value)
        }
    }

    /// Adds one value.
    public mutating func add(_ x: Double) {
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        sumOfSquaredDeviations += delta * (x - mean)
    }

    /// Adds the values summarised by `other`.
    public mutating func merge(_ other: RunningMoments) {
        if other.count == 0 { return }
        if count == 0 {
            self = other
            return
        }
        let total = count + other.count
        let delta = other.mean - mean
        let weight = Double(other.count) / Double(total)
        mean += delta * weight
        sumOfSquaredDeviations += other.sumOfSquaredDeviations + delta * delta * Double(count) * weight
        count = total
    }

    /// The moments of both.
    public func merging(_ other: RunningMoments) -> RunningMoments {
        var result = self
        result.merge(other)
        return result
    }

    /// The unbiased sample variance `M₂/(n − 1)`; NaN for fewer than two values.
    public var variance: Double {
        count > 1 ? sumOfSquaredDeviations / Double(count - 1) : .nan
    }

    /// The population variance `M₂/n`; NaN when empty.
    public var populationVariance: Double {
        count > 0 ? sumOfSquaredDeviations / Double(count) : .nan
    }

    /// `√variance`.
    public var standardDeviation: Double { variance.squareRoot() }

    /// The standard error of the mean, `√(variance/n)`.
    public var standardErrorOfMean: Double { (variance / Double(count)).squareRoot() }
}
