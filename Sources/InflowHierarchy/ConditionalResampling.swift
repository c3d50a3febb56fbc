import Foundation
import InflowStatistics

/// Reconciliation of count samples by conditioning: joint samples of the keys are drawn from their own model,
/// each is weighted, and `B` of them are resampled, so every replicate stays coherent and made of whole counts.
///
/// Two weightings. ``weights(candidates:reference:)`` is bottom-up importance sampling (BUIS): the density of the
/// total's forecast at the keys' sum, which treats the two forecasts as independent evidence and multiplies
/// them. When both come from the same figures (as in Inflow, where the keys add up to the total) that counts the
/// data twice and narrows the intervals: on simulated hierarchies (`HierarchyCoverageTests`, 60 data sets per
/// phase) the total's 90% intervals covered 73–75% of the truths. ``ratioWeights(candidates:reference:)`` is
/// top-down conditioning: the total's density divided by the keys' sum's own density, so the resampled sum
/// follows the total's forecast and, given the sum, the keys keep their joint distribution; in the same study
/// the total's and the keys' 90% intervals covered 83–88% (at 100 data sets: keys 0.88–0.91, the total within
/// 0.04 of the national forecast's own coverage). Inflow reconciles by top-down conditioning.
///
/// The condition is on a few features of each sample path rather than on every period (whose joint density
/// 1,000 samples cannot estimate): the total's arrivals in the first block of periods (the first week) and in
/// the rest. Each replicate's path moves as one, so per-period and cumulative quantiles stay coherent across
/// periods as well as across nodes. Densities are product-Gaussian kernel estimates with Scott's bandwidth
/// `h_j = s_j R^(-1/(d+4))`, at least ``minimumBandwidth`` (counts are whole numbers).
///
/// - Complexity: densities on a grid (`BinnedDensity`): O(R + B + G (L1 + L2)) for `R` reference samples,
///   `B` candidates, `G` grid nodes (a quarter bandwidth apart) and kernels of `L_j` nodes.
/// - References: Zambon, Azzimonti & Corani, "Efficient probabilistic reconciliation of forecasts for
///   real-valued and count time series", *Statistics and Computing* 34 (2024) (BUIS); Zambon, Agosto, Giudici &
///   Corani, "Properties of the reconciled distributions for Gaussian and count forecasts", *International
///   Journal of Forecasting* (2024) (top-down conditioning, bayesRecon's `reconc_TDcond`); systematic
///   resampling: Kitagawa, *JCGS* 5 (1996).
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
        var weights: [Double]
        if let binned = BinnedDensity(sample: reference, bandwidths: bandwidths, covering: candidates) {
            weights = candidates.map { max(binned.density(at: $0), 0) }
        } else {
            weights = directDensities(at: candidates, reference: reference, bandwidths: bandwidths)
        }
        let total = weights.reduce(0, +)
        guard total > 0, total.isFinite else { return nil }
        return weights.map { $0 / total }
    }

    /// The kernel density of `reference` at each point by direct summation over the reference points within
    /// ``kernelReach`` bandwidths (sorted on the first feature), for more than two features or a spread the
    /// grid of ``BinnedDensity`` cannot hold.
    static func directDensities(at points: [[Double]], reference: [[Double]], bandwidths: [Double]) -> [Double] {
        let dimension = bandwidths.count
        let sorted = reference.sorted { $0[0] < $1[0] }
        let firstFeature = sorted.map { $0[0] }
        return points.map { point in
            var density = 0.0
            var index = lowerBound(firstFeature, point[0] - kernelReach * bandwidths[0])
            while index < sorted.count, sorted[index][0] <= point[0] + kernelReach * bandwidths[0] {
                var exponent = 0.0
                for j in 0..<dimension {
                    let z = (point[j] - sorted[index][j]) / bandwidths[j]
                    exponent += z * z
                }
                if exponent < kernelReach * kernelReach { density += exp(-exponent / 2) }
                index += 1
            }
            return density
        }
    }

    /// Each candidate's weight for top-down conditioning (normalised to sum 1): the density of `reference` at
    /// the candidate divided by the candidates' own density there (both product-Gaussian kernel estimates),
    /// so the resampled candidates' features follow `reference`'s distribution while, given their features,
    /// they keep the candidates' joint distribution (importance ratio `f_top(s) / f_sum(s)`).
    /// - Returns: the weights, or `nil` when no candidate has positive density under `reference`.
    public static func ratioWeights(candidates: [[Double]], reference: [[Double]]) -> [Double]? {
        guard let top = weights(candidates: candidates, reference: reference),
              let own = weights(candidates: candidates, reference: candidates) else { return nil }
        let ratios = zip(top, own).map { $1 > 0 ? $0 / $1 : 0 }
        let total = ratios.reduce(0, +)
        guard total > 0, total.isFinite else { return nil }
        return ratios.map { $0 / total }
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
