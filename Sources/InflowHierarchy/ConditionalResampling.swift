import Foundation
import InflowStatistics

/// Reconciliation of count samples by conditioning (bottom-up importance resampling, BUIS): joint samples of
/// the keys are drawn from their own model, and each is weighted by the density of the total's forecast at the
/// keys' sum, then resampled. The keys' samples keep their joint shape, the total's level comes from its own
/// forecast, and every resampled replicate is coherent and made of whole counts.
///
/// The condition is on a few features of each sample path rather than on every period (whose joint density
/// 1,000 samples cannot estimate): the total's arrivals in the first block of periods (the first week) and in
/// the rest. Each replicate's path moves as one, so per-period and cumulative quantiles stay coherent across
/// periods as well as across nodes. The total's density is a product-Gaussian kernel estimate from its own
/// samples with Scott's bandwidth `h_j = s_j R^(-1/(d+4))`, at least ``minimumBandwidth`` (counts are
/// whole numbers).
///
/// - Complexity: O(B R') for `B` candidates and the `R'` reference samples within six bandwidths (sorted
///   search), plus O(B log R) to find them.
/// - Reference: Zambon, Azzimonti & Corani, "Efficient probabilistic reconciliation of forecasts for
///   real-valued and count time series", *Statistics and Computing* 34 (2024); systematic resampling:
///   Kitagawa, *JCGS* 5 (1996).
public enum ConditionalResampling {
    /// The smallest kernel bandwidth, in arrivals.
    public static let minimumBandwidth = 0.5
    /// Kernel weights beyond this many bandwidths are taken as zero.
    static let kernelReach = 6.0

    /// Each candidate's weight (normalised to sum 1): the kernel density of `reference` at the candidate.
    /// - Parameters:
    ///   - candidates: one feature vector per candidate (the keys' sum).
    ///   - reference: one feature vector per sample of the total's forecast.
    /// - Returns: the weights, or `nil` when no candidate has positive density (the two forecasts do not
    ///   overlap).
    public static func weights(candidates: [[Double]], reference: [[Double]]) -> [Double]? {
        guard let dimension = reference.first?.count, !candidates.isEmpty else { return nil }
        let r = Double(reference.count)
        let bandwidths = (0..<dimension).map { j -> Double in
            let values = reference.map { $0[j] }
            let mean = values.reduce(0, +) / r
            let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / max(r - 1, 1)).squareRoot()
            return max(sd * pow(r, -1 / Double(dimension + 4)), minimumBandwidth)
        }
        let sorted = reference.sorted { $0[0] < $1[0] }
        let firstFeature = sorted.map { $0[0] }
        var weights = [Double](repeating: 0, count: candidates.count)
        for (b, candidate) in candidates.enumerated() {
            let low = lowerBound(firstFeature, candidate[0] - kernelReach * bandwidths[0])
            var density = 0.0
            var index = low
            while index < sorted.count, sorted[index][0] <= candidate[0] + kernelReach * bandwidths[0] {
                var exponent = 0.0
                for j in 0..<dimension {
                    let z = (candidate[j] - sorted[index][j]) / bandwidths[j]
                    exponent += z * z
                }
                if exponent < kernelReach * kernelReach { density += exp(-exponent / 2) }
                index += 1
            }
            weights[b] = density
        }
        let total = weights.reduce(0, +)
        guard total > 0, total.isFinite else { return nil }
        return weights.map { $0 / total }
    }

    /// The effective sample size of normalised weights, `1 / sum w^2` (Kong, Liu & Wong 1994).
    public static func effectiveSampleSize(_ weights: [Double]) -> Double {
        1 / weights.reduce(0) { $0 + $1 * $1 }
    }

    /// Systematic resampling: `count` indices, index `b` about `count w_b` times, from one uniform `u` in
    /// `[0, 1)`: the `i`-th pick is the candidate whose cumulative weight first exceeds `(i + u) / count`.
    public static func systematic(_ weights: [Double], count: Int, uniform u: Double) -> [Int] {
        var picks: [Int] = []
        picks.reserveCapacity(count)
        var cumulative = 0.0
        var candidate = -1
        for i in 0..<count {
            let target = (Double(i) + u) / Double(count)
            while cumulative <= target, candidate < weights.count - 1 {
                candidate += 1
                cumulative += weights[candidate]
            }
            picks.append(candidate)
        }
        return picks
    }

    /// The first index of `sorted` whose value is at least `value`.
    static func lowerBound(_ sorted: [Double], _ value: Double) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
