/// The non-randomised PIT histogram of many count forecasts (Czado, Gneiting & Held 2009, section 2.1).
///
/// With J equal bins of [0, 1] and the non-randomised PIT values `F̄_t` of n forecasts (see `CountPIT`), the
/// height of bin j is the mean over forecasts of the predictive PIT mass in it,
///
///     f_j = (1/n) Σ_t ( F̄_t(j/J) − F̄_t((j − 1)/J) ),   j = 1, …, J,
///
/// so the heights sum to 1 and are all `1/J` for calibrated forecasts. A U shape shows an underdispersed
/// forecast, a hump an overdispersed one, a slope a biased one. `densities` rescales to the density scale
/// (`J f_j`, mean 1), which scoringutils' `pit_histogram_sample` returns. The bin edges are computed as
/// `Double(j) / Double(J)`, so that they meet an empirical cdf `k/m` exactly when `j/J = k/m`.
///
/// - Reference: C. Czado, T. Gneiting, L. Held, "Predictive model assessment for count data", Biometrics 65(4),
///   1254–1261, 2009.
public struct PITHistogram: Sendable, Equatable {
    /// The number of bins J.
    public let binCount: Int
    /// The number of forecasts added.
    public private(set) var count: Int = 0
    /// Per bin, the sum over the forecasts added of the PIT mass in it.
    private var sums: [Double]

    /// An empty histogram of `binCount` bins.
    ///
    /// - Precondition: `binCount ≥ 1`.
    public init(binCount: Int) {
        precondition(binCount >= 1, "a PIT histogram needs at least one bin, got \(binCount)")
        self.binCount = binCount
        sums = Array(repeating: 0, count: binCount)
    }

    /// The histogram of `pits`.
    /// - Complexity: O(n J).
    public init(_ pits: some Sequence<CountPIT>, binCount: Int) {
        self.init(binCount: binCount)
        for pit in pits { add(pit) }
    }

    /// Adds one forecast's PIT.
    /// - Complexity: O(J).
    public mutating func add(_ pit: CountPIT) {
        let bins = Double(binCount)
        var previous = pit.cdf(0)
        for j in 1...binCount {
            let current = pit.cdf(Double(j) / bins)
            sums[j - 1] += current - previous
            previous = current
        }
        count += 1
    }

    /// The bin heights `f_j`, which sum to 1; all 0 while no forecast has been added.
    public var probabilities: [Double] {
        guard count > 0 else { return sums }
        let n = Double(count)
        return sums.map { $0 / n }
    }

    /// The heights on the density scale, `J f_j` (mean 1; 1 everywhere for calibrated forecasts).
    public var densities: [Double] {
        let bins = Double(binCount)
        return probabilities.map { $0 * bins }
    }
}
