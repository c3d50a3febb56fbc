import RealModule

/// The multinomial distribution: counts of n independent draws among k categories of probabilities p.
///
/// - `log P(x) = log n! − Σ log xᵢ! + Σ xᵢ log pᵢ` (terms with xᵢ = 0 contribute 0, so pᵢ = 0 is allowed);
///   `−∞` when the counts do not sum to n or a count falls on a category of probability 0;
/// - mean `n pᵢ`, variance `n pᵢ (1 − pᵢ)`, covariance `−n pᵢ pⱼ`;
/// - sampling by sequential conditional binomials: `xᵢ ~ Binomial(n − Σ_{j<i} xⱼ, pᵢ / Σ_{j≥i} pⱼ)`, with the
///   tail sums `Σ_{j≥i} pⱼ` accumulated from the end for accuracy; the last category takes the rest.
///
/// - Complexity: O(k) binomial draws per sample; O(k) for the log-probability.
/// - Reference: L. Devroye, *Non-Uniform Random Variate Generation*, 1986, §XI.1.
public struct Multinomial: Sendable, Hashable {
    /// The number of draws n ≥ 0.
    public let count: Int
    /// The category probabilities, renormalised to sum to 1.
    public let probabilities: [Double]
    @usableFromInline let tailMasses: [Double]

    /// Creates Multinomial(count, probabilities).
    ///
    /// The probabilities must be finite, non-negative and sum to 1 within 10⁻⁸; they are divided by their sum.
    /// - Throws: ``DistributionError`` for a negative count, an empty or invalid probability vector.
    public init(count: Int, probabilities: [Double]) throws(DistributionError) {
        guard count >= 0 else {
            throw .invalidParameter(name: "count", value: Double(count), requirement: "non-negative")
        }
        guard !probabilities.isEmpty else {
            throw .invalidVector(name: "probabilities", reason: "the vector is empty")
        }
        if let index = probabilities.firstIndex(where: { !($0 >= 0 && $0.isFinite) }) {
            throw .invalidVector(
                name: "probabilities",
                reason: "element \(index) is \(probabilities[index]); every probability must be finite and non-negative")
        }
        let total = probabilities.reduce(0, +)
        guard Swift.abs(total - 1) <= 1e-8 else {
            throw .invalidVector(name: "probabilities", reason: "they sum to \(total), not 1 (tolerance 1e-8)")
        }
        let normalised = probabilities.map { $0 / total }
        var tails = [Double](repeating: 0, count: normalised.count)
        var running = 0.0
        for index in normalised.indices.reversed() {
            running += normalised[index]
            tails[index] = running
        }
        self.count = count
        self.probabilities = normalised
        self.tailMasses = tails
    }

    /// The number of categories k.
    public var categoryCount: Int { probabilities.count }
    /// `n pᵢ`.
    public var means: [Double] { probabilities.map { Double(count) * $0 } }
    /// `n pᵢ (1 − pᵢ)`.
    public var variances: [Double] { probabilities.map { Double(count) * $0 * (1 - $0) } }

    /// `Cov(Xᵢ, Xⱼ)`: `n pᵢ (1 − pᵢ)` when i = j, `−n pᵢ pⱼ` otherwise.
    public func covariance(_ i: Int, _ j: Int) -> Double {
        i == j ? Double(count) * probabilities[i] * (1 - probabilities[i])
            : -Double(count) * probabilities[i] * probabilities[j]
    }

    /// `log P(X = counts)`.
    /// - Precondition: `counts.count == categoryCount`.
    public func logProbability(_ counts: [Int]) -> Double {
        precondition(counts.count == probabilities.count, "expected \(probabilities.count) counts, got \(counts.count)")
        var total = 0
        var result = SpecialFunctions.logFactorial(count)
        for (x, p) in zip(counts, probabilities) {
            if x < 0 { return -.infinity }
            total += x
            if x == 0 { continue }
            if p == 0 { return -.infinity }
            result += Double(x) * Double.log(p) - SpecialFunctions.logFactorial(x)
        }
        return total == count ? result : -.infinity
    }

    /// One draw: a vector of `categoryCount` counts summing to `count`.
    @inlinable
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> [Int] {
        var result = [Int](repeating: 0, count: probabilities.count)
        sample(into: &result, using: &generator)
        return result
    }

    /// One draw written into `counts`, which must have `categoryCount` elements (no allocation).
    @inlinable
    public func sample<G: RandomNumberGenerator>(into counts: inout [Int], using generator: inout G) {
        precondition(counts.count == probabilities.count, "expected \(probabilities.count) slots, got \(counts.count)")
        var remaining = count
        let last = probabilities.count - 1
        for index in 0..<last {
            if remaining == 0 {
                counts[index] = 0
                continue
            }
            let tail = tailMasses[index]
            let conditional = tail > 0 ? Swift.min(1, probabilities[index] / tail) : 0
            let x = Binomial.sample(count: remaining, probability: conditional, using: &generator)
            counts[index] = x
            remaining -= x
        }
        counts[last] = remaining
    }
}
