/// A predictive distribution given by its quantiles at levels that pair up symmetrically around the median,
/// such as the 23 levels of the forecast hubs (`Quantiles.forecastHubLevels`): the median and K central
/// intervals `[q_{α_k/2}, q_{1−α_k/2}]`.
///
/// On creation the levels are sorted (with their values), and the forecast is checked: every level lies
/// in (0, 1) and occurs once; the median (0.5) is present; every other level `p` has a partner `1 − p`
/// (within `levelTolerance`, so that `1 − 0.975` matches 0.025); values are finite and do not decrease as the
/// level increases (ties allowed, as for count forecasts).
///
/// Scores: `WeightedIntervalScore`, `absoluteError(observation:)`, `bias(observation:)`,
/// `covers(observation:nominalCoverage:)`.
public struct QuantileForecast: Sendable, Equatable {
    /// Two levels `p` and `q` pair up when `|p + q − 1| ≤ levelTolerance`, and a level is the median when
    /// `|p − 0.5| ≤ levelTolerance`; it absorbs the rounding of levels written as decimals.
    public static let levelTolerance = 1e-9

    /// The quantile levels, strictly increasing.
    public let levels: [Double]
    /// The quantile values, in the order of `levels`, non-decreasing.
    public let values: [Double]
    /// The K central intervals, from the widest (the outermost pair of levels) to the narrowest.
    public let intervals: [CentralInterval]

    /// Creates a forecast from quantile levels and the values at those levels, in any order of levels.
    ///
    /// - Throws: `ScoringError` naming the first problem found: `.emptyForecast`, `.countMismatch`,
    ///   `.levelOutOfRange`, `.duplicateLevel`, `.missingMedian`, `.unpairedLevel`, `.nonFiniteValue`,
    ///   `.decreasingValues`.
    /// - Complexity: O(n log n) for n levels.
    public init(levels: [Double], values: [Double]) throws(ScoringError) {
        guard !levels.isEmpty else { throw .emptyForecast }
        guard levels.count == values.count else { throw .countMismatch(levels: levels.count, values: values.count) }
        for level in levels where !(level > 0 && level < 1) {
            throw .levelOutOfRange(level)
        }
        var pairs = Array(zip(levels, values))
        if !zip(levels, levels.dropFirst()).allSatisfy({ $0 < $1 }) {
            pairs.sort { $0.0 < $1.0 }
        }
        let sortedLevels = pairs.map(\.0)
        let sortedValues = pairs.map(\.1)
        for index in sortedLevels.indices.dropFirst() where sortedLevels[index] == sortedLevels[index - 1] {
            throw .duplicateLevel(sortedLevels[index])
        }
        for (level, value) in pairs where !value.isFinite {
            throw .nonFiniteValue(level: level)
        }
        for index in sortedValues.indices.dropFirst() where sortedValues[index] < sortedValues[index - 1] {
            throw .decreasingValues(level: sortedLevels[index])
        }
        let tolerance = Self.levelTolerance
        guard sortedLevels.contains(where: { Swift.abs($0 - 0.5) <= tolerance }) else { throw .missingMedian }
        // Sorted, distinct and symmetric levels pair up as (k, n − 1 − k) around the median in the middle.
        let count = sortedLevels.count
        func hasPartner(_ level: Double) -> Bool {
            sortedLevels.contains { Swift.abs($0 + level - 1) <= tolerance }
        }
        for k in 0..<(count / 2) where Swift.abs(sortedLevels[k] + sortedLevels[count - 1 - k] - 1) > tolerance {
            let upper = sortedLevels[count - 1 - k]
            throw .unpairedLevel(hasPartner(sortedLevels[k]) && !hasPartner(upper) ? upper : sortedLevels[k])
        }
        // Two levels within the tolerance of 0.5 pass the pairing above as each other's partners.
        guard count % 2 == 1 else { throw .unpairedLevel(sortedLevels[count / 2]) }
        self.levels = sortedLevels
        self.values = sortedValues
        self.intervals = (0..<(count / 2)).map { k in
            CentralInterval(
                alpha: Swift.min(2 * sortedLevels[k], 1), lower: sortedValues[k], upper: sortedValues[count - 1 - k])
        }
    }

    /// The predictive median `m`, the value at level 0.5.
    public var median: Double { values[levels.count / 2] }

    /// The central interval of the given nominal coverage (0.9 for the 90% interval, bounded by the 0.05 and
    /// 0.95 quantiles), or `nil` if the forecast does not have it (matched within `levelTolerance`).
    public func interval(nominalCoverage: Double) -> CentralInterval? {
        intervals.first { Swift.abs($0.nominalCoverage - nominalCoverage) <= Self.levelTolerance }
    }

    /// Whether the observation lies in the closed central interval of the given nominal coverage,
    /// `l ≤ y ≤ u` (scoringutils' `interval_coverage`, with `interval_range = 100 × nominalCoverage`).
    ///
    /// - Throws: `ScoringError.missingInterval` if the forecast lacks the interval's two quantiles;
    ///   `.coverageLevelOutOfRange` if `nominalCoverage` is not in (0, 1).
    public func covers(observation y: Double, nominalCoverage: Double) throws(ScoringError) -> Bool {
        guard nominalCoverage > 0 && nominalCoverage < 1 else { throw .coverageLevelOutOfRange(nominalCoverage) }
        guard let interval = interval(nominalCoverage: nominalCoverage) else {
            throw .missingInterval(nominalCoverage: nominalCoverage)
        }
        return interval.contains(y)
    }

    /// The absolute error of the median, `|y − m|` (scoringutils' `ae_median_quantile`).
    public func absoluteError(observation y: Double) -> Double {
        Swift.abs(y - median)
    }

    /// The bias of the quantile forecast as scoringutils' `bias_quantile` defines it (for integer-valued and
    /// continuous forecasts alike), a number in [−1, 1], 0 when unbiased, positive when the forecast is too high:
    ///
    ///     B = 1 − 2 max{τ : q_τ ≤ y}     if y < m,
    ///     B = 0                           if y = m,
    ///     B = 1 − 2 min{τ : q_τ ≥ y}     if y > m,
    ///
    /// with the conventions `q_0 = −∞` and `q_1 = +∞`: so B = 1 when y is below every quantile and −1 when
    /// it is above every quantile. With ties among the quantiles the extreme level of the tied run is used
    /// (the maximum below the median, the minimum above).
    ///
    /// - Reference: scoringutils (R), `bias_quantile`; N. I. Bosse et al., "Evaluating forecasts with
    ///   scoringutils in R", arXiv:2205.07090, 2022.
    /// - Complexity: O(n).
    public func bias(observation y: Double) -> Double {
        let m = median
        if y == m { return 0 }
        if y < m {
            guard let index = values.lastIndex(where: { $0 <= y }) else { return 1 }
            return 1 - 2 * levels[index]
        }
        guard let index = values.firstIndex(where: { $0 >= y }) else { return -1 }
        return 1 - 2 * levels[index]
    }
}
