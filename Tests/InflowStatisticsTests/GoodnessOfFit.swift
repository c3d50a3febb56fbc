import Foundation
@testable import InflowStatistics

/// Goodness-of-fit statistics for the sampler tests.
enum GoodnessOfFit {
    /// Pearson's chi-square test of draws from a discrete distribution.
    ///
    /// Bins are cut at the distribution's quantiles at levels j/`binCount` (duplicates removed), so every
    /// distribution, whatever its mean, gets about `binCount` bins of similar expected counts; bins expecting fewer
    /// than 5 draws are merged into their neighbour. The p-value is `Q((bins − 1)/2, X²/2)`.
    static func chiSquarePValue(
        _ draws: [Int], _ distribution: some DiscreteDistribution, binCount: Int = 40
    ) -> (pValue: Double, statistic: Double, bins: Int) {
        var edges: [Int] = []
        for j in 1..<binCount {
            let edge = distribution.quantile(Double(j) / Double(binCount))
            if edges.last != edge { edges.append(edge) }
        }
        // Bin i holds (edges[i−1], edges[i]]; the last bin holds (edges.last, ∞).
        var probabilities: [Double] = []
        var previous = 0.0
        for edge in edges {
            let cdf = distribution.cdf(edge)
            probabilities.append(cdf - previous)
            previous = cdf
        }
        probabilities.append(1 - previous)
        var observed = [Int](repeating: 0, count: probabilities.count)
        for draw in draws {
            var low = 0
            var high = edges.count  // first edge ≥ draw, or edges.count
            while low < high {
                let middle = (low + high) / 2
                if edges[middle] >= draw { high = middle } else { low = middle + 1 }
            }
            observed[low] += 1
        }
        // Merge small bins into their right neighbour (the last into its left neighbour).
        let n = Double(draws.count)
        var mergedExpected: [Double] = []
        var mergedObserved: [Int] = []
        var pendingExpected = 0.0
        var pendingObserved = 0
        for index in probabilities.indices {
            pendingExpected += probabilities[index] * n
            pendingObserved += observed[index]
            if pendingExpected >= 5 {
                mergedExpected.append(pendingExpected)
                mergedObserved.append(pendingObserved)
                pendingExpected = 0
                pendingObserved = 0
            }
        }
        if pendingExpected > 0 || pendingObserved > 0 {
            if mergedExpected.isEmpty {
                mergedExpected.append(pendingExpected)
                mergedObserved.append(pendingObserved)
            } else {
                mergedExpected[mergedExpected.count - 1] += pendingExpected
                mergedObserved[mergedObserved.count - 1] += pendingObserved
            }
        }
        var statistic = 0.0
        for (expected, count) in zip(mergedExpected, mergedObserved) {
            let difference = Double(count) - expected
            statistic += difference * difference / expected
        }
        let degrees = Double(mergedExpected.count - 1)
        let pValue = degrees > 0 ? SpecialFunctions.regularizedGammaQ(degrees / 2, statistic / 2) : 1
        return (pValue, statistic, mergedExpected.count)
    }

    /// The one-sample Kolmogorov–Smirnov test of draws against a continuous cdf, with Stephens' finite-sample
    /// correction `λ = (√n + 0.12 + 0.11/√n) D` and the Kolmogorov tail `2 Σ (−1)^(j−1) e^(−2 j² λ²)`.
    static func kolmogorovSmirnovPValue(
        _ draws: [Double], _ distribution: some ContinuousDistribution
    ) -> (pValue: Double, statistic: Double) {
        let sorted = draws.sorted()
        let n = Double(sorted.count)
        var d = 0.0
        for (index, x) in sorted.enumerated() {
            let f = distribution.cdf(x)
            d = max(d, Double(index + 1) / n - f, f - Double(index) / n)
        }
        let root = n.squareRoot()
        let lambda = (root + 0.12 + 0.11 / root) * d
        var sum = 0.0
        for j in 1...100 {
            let term = exp(-2 * Double(j * j) * lambda * lambda)
            sum += j % 2 == 1 ? term : -term
            if term < 1e-300 { break }
        }
        return (min(1, max(0, 2 * sum)), d)
    }
}
