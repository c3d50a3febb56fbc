/// A predictive distribution given by draws from it (a bootstrap or Monte Carlo sample of future counts),
/// stored sorted so that every score costs O(m) or O(log m) after one O(m log m) sort.
///
/// The scores use the empirical distribution of the draws, `F̂(x) = #{i : x_i ≤ x} / m`:
/// `crps(observation:)`, `bias(observation:)` (counts), `continuousBias(observation:)`,
/// `pit(observation:)` (counts), `absoluteError(observation:)`, and `quantileForecast(levels:)`, which turns the
/// sample into a `QuantileForecast` of type-7 sample quantiles for the weighted interval score and coverage.
public struct PredictiveSample: Sendable, Equatable {
    /// The draws in increasing order, `x_(1) ≤ … ≤ x_(m)`.
    public let sortedValues: [Double]

    /// A sample of real-valued draws.
    ///
    /// - Throws: `ScoringError.emptySample`, `.nonFiniteSample`.
    /// - Complexity: O(m log m).
    public init(values: [Double]) throws(ScoringError) {
        guard !values.isEmpty else { throw .emptySample }
        guard values.allSatisfy(\.isFinite) else { throw .nonFiniteSample }
        sortedValues = values.sorted()
    }

    /// A sample of counts (exact in `Double` below 2⁵³).
    ///
    /// - Throws: `ScoringError.emptySample`.
    /// - Complexity: O(m log m).
    public init(counts: [Int]) throws(ScoringError) {
        guard !counts.isEmpty else { throw .emptySample }
        sortedValues = counts.sorted().map(Double.init)
    }

    /// The number of draws m.
    public var count: Int { sortedValues.count }

    /// The number of draws `≤ x`, by binary search.
    func countNotAbove(_ x: Double) -> Int {
        var low = 0
        var high = sortedValues.count
        while low < high {
            let middle = low + (high - low) / 2
            if sortedValues[middle] <= x { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The empirical cdf `F̂(x) = #{i : x_i ≤ x} / m`.
    /// - Complexity: O(log m).
    public func cdf(_ x: Double) -> Double {
        Double(countNotAbove(x)) / Double(sortedValues.count)
    }

    /// The sample median: the type-7 quantile at 0.5, which is R's `median` and NumPy's.
    public var median: Double {
        Quantiles.quantile(sorted: sortedValues, 0.5)
    }

    /// The continuous ranked probability score of the empirical distribution of the draws,
    ///
    ///     CRPS(F̂, y) = E|X − y| − ½ E|X − X′|,   X, X′ independent draws from F̂,
    ///
    /// computed from the sorted sample as
    ///
    ///     CRPS = (2/m²) Σ_{i=1}^{m} (x_(i) − y)(m 1{y < x_(i)} − i + ½),
    ///
    /// where every term is non-negative (the factor has the sign of `x_(i) − y`), so the sum has no
    /// cancellation. This is the "edf" estimator of R scoringRules' `crps_sample` (the default) and equals the
    /// "nrg" and "qd" estimators of Python scoringrules' `crps_ensemble`; it is not the "fair" estimator,
    /// which divides `E|X − X′|` by m(m − 1). A one-draw sample gives `|x − y|`.
    ///
    /// - References:
    ///   - T. Gneiting, A. E. Raftery, "Strictly proper scoring rules, prediction, and estimation", Journal of
    ///     the American Statistical Association 102(477), 359–378, 2007 (eq. 21).
    ///   - A. Jordan, F. Krüger, S. Lerch, "Evaluating probabilistic forecasts with scoringRules", Journal of
    ///     Statistical Software 90(12), 2019 (section 2.3, `crps_sample`, method "edf").
    /// - Precondition: `y` is finite.
    /// - Complexity: O(m) (the sample was sorted on creation, O(m log m)).
    public func crps(observation y: Double) -> Double {
        precondition(y.isFinite, "the observation must be finite, got \(y)")
        let m = Double(sortedValues.count)
        let split = countNotAbove(y)
        var sum = 0.0
        for i in 0..<split {  // x_(i+1) ≤ y: (y − x)(i + 1 − ½)
            sum += (y - sortedValues[i]) * (Double(i) + 0.5)
        }
        for i in split..<sortedValues.count {  // x_(i+1) > y: (x − y)(m − (i + 1) + ½)
            sum += (sortedValues[i] - y) * (m - Double(i) - 0.5)
        }
        return 2 * sum / (m * m)
    }

    /// The bias of a sample of counts as scoringutils' `bias_sample` defines it for integer forecasts,
    ///
    ///     B = 1 − (F̂(y) + F̂(y − 1)),
    ///
    /// in [−1, 1]: 1 when every draw exceeds y (the forecast is too high), −1 when every draw is below y,
    /// 0 for an unbiased forecast (Funk et al. 2019).
    ///
    /// - Reference: S. Funk, A. Camacho, A. J. Kucharski, R. Lowe, R. M. Eggo, W. J. Edmunds, "Assessing the
    ///   performance of real-time epidemic forecasts: a case study of Ebola in the Western Area region of Sierra
    ///   Leone, 2014–15", PLoS Computational Biology 15(2), e1006785, 2019; scoringutils (R), `bias_sample`.
    /// - Complexity: O(log m).
    public func bias(observation y: Int) -> Double {
        1 - (cdf(Double(y)) + cdf(Double(y) - 1))
    }

    /// The bias of a sample of a continuous quantity (scoringutils' `bias_sample` for continuous forecasts),
    /// `B = 1 − 2 F̂(y)`.
    /// - Complexity: O(log m).
    public func continuousBias(observation y: Double) -> Double {
        1 - 2 * cdf(y)
    }

    /// The non-randomised PIT of a count y under the empirical cdf: uniform on `[F̂(y − 1), F̂(y)]`
    /// (Czado, Gneiting & Held 2009); see `CountPIT`.
    /// - Complexity: O(log m).
    public func pit(observation y: Int) -> CountPIT {
        CountPIT(lower: cdf(Double(y) - 1), upper: cdf(Double(y)))
    }

    /// The absolute error of the sample median, `|y − median|` (scoringutils' `ae_median_sample`).
    public func absoluteError(observation y: Double) -> Double {
        Swift.abs(y - median)
    }

    /// The quantile forecast made of the type-7 sample quantiles at `levels` (NumPy's default "linear"
    /// method; see `Quantiles`), for the weighted interval score, the interval coverage and the quantile bias.
    ///
    /// - Throws: `ScoringError` if the levels do not form a valid quantile forecast (see `QuantileForecast`).
    /// - Complexity: O(n log n) for n levels.
    public func quantileForecast(
        levels: [Double] = Quantiles.forecastHubLevels
    ) throws(ScoringError) -> QuantileForecast {
        for level in levels where !(level > 0 && level < 1) {
            throw .levelOutOfRange(level)
        }
        let values = levels.map { Quantiles.quantile(sorted: sortedValues, $0) }
        return try QuantileForecast(levels: levels, values: values)
    }

    /// `E|X − y|` under the empirical distribution, `(1/m) Σ |x_i − y|`.
    /// - Complexity: O(m).
    public func meanAbsoluteDeviation(from y: Double) -> Double {
        var sum = 0.0
        for x in sortedValues { sum += Swift.abs(x - y) }
        return sum / Double(sortedValues.count)
    }

    /// `E|X − Y|` for independent draws `X` of this sample and `Y` of `other` (every pair, `(1/(m n)) Σ Σ |x_i − y_j|`;
    /// with `other` this sample itself, the "edf" spread `E|X − X′|` of ``crps(observation:)``).
    ///
    /// Computed by merging the two sorted samples: `Σ_j |x − y_j| = x (2 k − n) − 2 S_k + S_n` for the `k` draws
    /// `y_j < x` with sum `S_k` (`S_n` the total), so the cost is linear, not quadratic.
    /// - Complexity: O(m + n).
    public func meanAbsoluteDifference(_ other: PredictiveSample) -> Double {
        let ys = other.sortedValues
        let n = Double(ys.count)
        let total = ys.reduce(0, +)
        var below = 0
        var belowSum = 0.0
        var sum = 0.0
        for x in sortedValues {
            while below < ys.count && ys[below] < x {
                belowSum += ys[below]
                below += 1
            }
            sum += x * (2 * Double(below) - n) - 2 * belowSum + total
        }
        return sum / (Double(sortedValues.count) * n)
    }
}
