/// Sample quantiles (Hyndman & Fan type 7, the default of R and NumPy) and the standard quantile levels of
/// the forecast hubs.
///
/// Type 7: for sorted values `x₀ ≤ … ≤ x_{n−1}` and level p, with `h = (n − 1) p`, `j = ⌊h⌋`, `g = h − j`,
/// `Q(p) = x_j + g (x_{j+1} − x_j)`, evaluated as NumPy does (`x_{j+1} − (1 − g)(x_{j+1} − x_j)` when
/// g ≥ ½) so that it is exact at the data points and monotone in p.
///
/// - Reference: R. J. Hyndman, Y. Fan, "Sample quantiles in statistical packages", The American
///   Statistician 50(4), 361–365, 1996.
public enum Quantiles {
    /// The 23 quantile levels of the forecast hubs (CDC FluSight, the US and European COVID-19 Forecast Hubs):
    /// 0.01, 0.025, 0.05, 0.10, 0.15, …, 0.90, 0.95, 0.975, 0.99; symmetric, so they give the 50%, 80%, 90%,
    /// 95% and 98% central intervals and the median used by the weighted interval score.
    public static let forecastHubLevels: [Double] = [
        0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5,
        0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.975, 0.99,
    ]

    /// The type-7 quantile at level `p` of values already sorted in increasing order.
    ///
    /// - Precondition: `sorted` is not empty, `0 ≤ p ≤ 1`.
    /// - Complexity: O(1) for random-access collections.
    public static func quantile<C: RandomAccessCollection>(sorted: C, _ p: Double) -> Double
    where C.Element == Double {
        interpolate(count: sorted.count, p) { sorted[sorted.index(sorted.startIndex, offsetBy: $0)] }
    }

    /// Type-7 quantiles at several levels of an unsorted sample, sorting it once.
    ///
    /// - Precondition: the sample is not empty and has no NaN; every level is in [0, 1].
    /// - Complexity: O(n log n + m) for n values and m levels.
    public static func quantiles(of sample: some Sequence<Double>, levels: [Double]) -> [Double] {
        let sorted = sample.sorted()
        precondition(!sorted.contains { $0.isNaN }, "quantiles of a sample with NaN are undefined")
        return levels.map { quantile(sorted: sorted, $0) }
    }

    /// Type-7 quantiles at several levels of an unsorted sample of integers (counts), sorting it once.
    /// Interpolation is done in `Double`, exactly for |values| < 2⁵³.
    ///
    /// - Precondition: the sample is not empty; every level is in [0, 1].
    /// - Complexity: O(n log n + m).
    public static func quantiles(of sample: some Sequence<Int>, levels: [Double]) -> [Double] {
        let sorted = sample.sorted()
        return levels.map { p in interpolate(count: sorted.count, p) { Double(sorted[$0]) } }
    }

    /// Type-7 interpolation between order statistics given by `value(j)`, j in 0..<count.
    static func interpolate(count: Int, _ p: Double, _ value: (Int) -> Double) -> Double {
        precondition(count > 0, "quantile of an empty sample")
        precondition(p >= 0 && p <= 1, "quantile level must be in [0, 1], got \(p)")
        let h = Double(count - 1) * p
        let j = Int(h.rounded(.down))
        let g = h - Double(j)
        let low = value(j)
        if j + 1 >= count || g == 0 { return low }
        let high = value(j + 1)
        if low == high { return low }
        let difference = high - low
        return g >= 0.5 ? high - difference * (1 - g) : low + difference * g
    }
}
